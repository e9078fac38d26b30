"""Packaging jobs: a Hugging Face model (or an S3 prefix) made deployable on AWS Batch."""

from mlm.services.packaging.requests import SourceScope
from mlm.services.packaging.service import PackagingJobService

__all__ = ["PackagingJobService", "SourceScope"]
