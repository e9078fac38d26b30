"""Calling an endpoint's model through MLM (SageMaker Runtime), plain or streamed."""

from mlm.services.invocations.service import InvocationService

__all__ = ["InvocationService"]
