"""What a packaging job is called: its API id, its Batch job name, and where its
objects are in the artifact bucket."""

from __future__ import annotations

import re
import uuid

from mlm import naming
from mlm.services.packaging.requests import PackagingRequest

JOB_ID_PATTERN = r"^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,31}-[0-9a-f]{10}$"
_JOB_ID = re.compile(JOB_ID_PATTERN)
# AWS Batch: letters, digits, hyphens and underscores; first a letter or digit; ≤ 128.
BATCH_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$"
STATUS_OBJECT = "status.json"
REGISTRATION_OBJECT = "registration.json"


def new_job_id(request: PackagingRequest, request_key: str | None = None) -> str:
    """``<model name>-<10 hex>``: a hash of the source and of a nonce — the request's
    Idempotency-Key when it has one (a retry with the key finds the job its first attempt
    submitted), else a fresh one — so two submissions never share an id and any model id
    yields a valid Batch name."""
    source = request.model_id or request.s3_uri or ""
    nonce = str(uuid.uuid4()) if request_key is None else f"key:{request_key}"
    digest = naming.content_hash(f"{source}|{request.revision}|{nonce}", 10)
    return f"{request.model_name}-{digest}"


def is_job_id(job_id: str) -> bool:
    return bool(_JOB_ID.match(job_id))


def batch_job_name(tenant: str, job_id: str) -> str:
    """``mlm-<tenant>-<job id>``: deterministic, at most 60 characters, Batch-valid."""
    return naming.tenant_prefix(tenant) + job_id


def job_id_of(tenant: str, job_name: str) -> str | None:
    prefix = naming.tenant_prefix(tenant)
    if not job_name.startswith(prefix):
        return None
    rest = job_name[len(prefix) :]
    return rest if is_job_id(rest) else None


def tenant_key_prefix(output_prefix: str, tenant: str) -> str:
    """A tenant's part of the artifact bucket, an S3 key prefix:
    ``[<output prefix>/]<tenant>/`` (not ``naming.tenant_prefix``, which starts AWS
    resource names)."""
    head = output_prefix.strip("/")
    return (f"{head}/" if head else "") + f"{tenant}/"


def job_prefix(output_prefix: str, tenant: str, model_name: str, job_id: str) -> str:
    """The job's S3 key prefix: ``[<output prefix>/]<tenant>/<model>/jobs/<job id>/``."""
    return f"{tenant_key_prefix(output_prefix, tenant)}{model_name}/jobs/{job_id}/"
