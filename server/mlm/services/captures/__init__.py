"""Captured invocations of an endpoint (SageMaker data capture), read from S3."""

from mlm.services.captures.service import CaptureService

__all__ = ["CaptureService"]
