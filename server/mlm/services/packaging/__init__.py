"""Packaging jobs: a Hugging Face model (or an S3 prefix) made deployable on AWS Batch."""

from mlm.services.packaging.service import PackagingJobService
from mlm.services.packaging.source_scope import SourceScope

__all__ = ["PackagingJobService", "SourceScope"]
