"""A packaging request, checked, and what it becomes in Batch: ids, names, parameters,
the packager's command line and the job's S3 locations."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mlm import naming
from mlm.errors import FieldError, Unprocessable

JOB_ID_PATTERN = r"^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,31}-[0-9a-f]{10}$"
_JOB_ID = re.compile(JOB_ID_PATTERN)
# AWS Batch: letters, digits, hyphens and underscores; first a letter or digit; ≤ 128.
BATCH_NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$"
_SECRET_ARN = re.compile(r"^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+$")
STATUS_OBJECT = "status.json"
REGISTRATION_OBJECT = "registration.json"


@dataclass(frozen=True)
class PackagingRequest:
    model_name: str
    platform: str  # huggingface | s3
    model_id: str | None
    revision: str | None
    s3_uri: str | None
    register_version: bool
    artifact_format: str  # s3_prefix | tar_gz
    series: str | None
    options: dict[str, Any]
    hf_token_secret_arn: str | None


def _invalid(field: str, message: str) -> Unprocessable:
    return Unprocessable(
        code="INVALID_PACKAGING_REQUEST",
        detail=f"{field} {message}.",
        errors=[FieldError(field=field, message=message)],
    )


def parse_request(body: Mapping[str, Any]) -> PackagingRequest:
    """The request as the spec shapes it, plus the rules a schema cannot say."""
    source, target = dict(body["source"]), dict(body["target"])
    platform = str(source["platform"])
    model_id, s3_uri = source.get("model_id"), source.get("s3_uri")
    if platform == "huggingface" and not model_id:
        raise _invalid("source.model_id", "is required for a Hugging Face source")
    if platform == "s3" and not s3_uri:
        raise _invalid("source.s3_uri", "is required for an S3 source")
    if platform == "huggingface" and s3_uri:
        raise _invalid("source.s3_uri", "is only for an S3 source")
    if platform == "s3" and model_id:
        raise _invalid("source.model_id", "is only for a Hugging Face source")
    secret = body.get("hf_token_secret_arn")
    if secret is not None and not _SECRET_ARN.match(secret):
        raise _invalid("hf_token_secret_arn", "must be a Secrets Manager secret ARN")
    if secret is not None and platform != "huggingface":
        raise _invalid("hf_token_secret_arn", "is only for a Hugging Face source")
    options = {key: value for key, value in dict(body.get("options") or {}).items()}
    return PackagingRequest(
        model_name=str(target["model_name"]),
        platform=platform,
        model_id=model_id,
        revision=source.get("revision"),
        s3_uri=s3_uri,
        register_version=bool(target.get("register_version", True)),
        artifact_format=str(target.get("format", "s3_prefix")),
        series=body.get("series"),
        options=options,
        hf_token_secret_arn=secret,
    )


@dataclass(frozen=True)
class SourceScope:
    """What a tenant's jobs may read: its own Hugging Face token secrets and S3 keys, never
    another tenant's. The job role can read every tenant's (one role for all jobs), so the
    request is where tenants are kept apart."""

    artifact_bucket: str
    output_prefix: str
    source_bucket: str | None
    secret_prefix: str  # Secrets Manager names: <secret_prefix><tenant>/…

    def check(self, request: PackagingRequest, tenant: str) -> None:
        secret = request.hf_token_secret_arn
        if secret is not None:
            name = secret.split(":secret:", 1)[1]
            own = f"{self.secret_prefix}{tenant}/"
            if not name.startswith(own):
                raise _invalid(
                    "hf_token_secret_arn",
                    f"must name one of this tenant's secrets, whose names start with '{own}'",
                )
        if request.s3_uri is not None:
            places = self.source_places(tenant)
            if not any(request.s3_uri.startswith(place) for place in places):
                raise _invalid(
                    "source.s3_uri", f"must be under one of this tenant's places: {places}"
                )

    def source_places(self, tenant: str) -> list[str]:
        """The S3 URIs a tenant's sources may be under: its part of the artifact bucket
        (e.g. an earlier job's output) and, if set, its part of the source bucket."""
        places = [f"s3://{self.artifact_bucket}/{tenant_prefix(self.output_prefix, tenant)}"]
        if self.source_bucket:
            places.append(f"s3://{self.source_bucket}/{tenant}/")
        return places


def new_job_id(request: PackagingRequest) -> str:
    """``<model name>-<10 hex>``: a hash of the source and a fresh nonce, so two
    submissions never share an id and any model id yields a valid Batch name."""
    source = request.model_id or request.s3_uri or ""
    digest = naming.content_hash(f"{source}|{request.revision}|{uuid.uuid4()}", 10)
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


def tenant_prefix(output_prefix: str, tenant: str) -> str:
    """A tenant's part of the artifact bucket: ``[<output prefix>/]<tenant>/``."""
    head = output_prefix.strip("/")
    return (f"{head}/" if head else "") + f"{tenant}/"


def job_prefix(output_prefix: str, tenant: str, model_name: str, job_id: str) -> str:
    """The job's S3 key prefix: ``[<output prefix>/]<tenant>/<model>/jobs/<job id>/``."""
    return f"{tenant_prefix(output_prefix, tenant)}{model_name}/jobs/{job_id}/"


def _text(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def parameters(
    request: PackagingRequest, tenant: str, job_id: str, bucket: str, prefix: str
) -> dict[str, str]:
    """Every input of the run, by name, as Batch parameters (strings; unset ones left
    out). A Hugging Face token is never one of them: only the ARN of its secret."""
    values: dict[str, Any] = {
        "job_id": job_id,
        "tenant": tenant,
        "model_name": request.model_name,
        "platform": request.platform,
        "model_id": request.model_id,
        "revision": request.revision,
        "s3_uri": request.s3_uri,
        "format": request.artifact_format,
        "register_version": request.register_version,
        "series": request.series,
        "hf_token_secret_arn": request.hf_token_secret_arn,
        "output_uri": f"s3://{bucket}/{prefix}",
        "status_uri": f"s3://{bucket}/{prefix}{STATUS_OBJECT}",
        **{key: request.options.get(key) for key in OPTION_KEYS},
    }
    return {key: _text(value) for key, value in values.items() if value is not None}


OPTION_KEYS = (
    "dtype",
    "trust_remote_code",
    "max_model_len",
    "tensor_parallel_degree",
    "quantization",
)
_FLAGS = (
    "output_uri",
    "status_uri",
    "tenant",
    "model_name",
    "model_id",
    "revision",
    "s3_uri",
    "format",
    "series",
    "dtype",
    "max_model_len",
    "tensor_parallel_degree",
    "quantization",
    "hf_token_secret_arn",
)


def command(params: Mapping[str, str]) -> list[str]:
    """``mlm package …`` with the parameters as its options."""
    argv = ["mlm", "package"]
    for key in _FLAGS:
        if key in params:
            argv += ["--" + key.replace("_", "-"), params[key]]
    if params.get("trust_remote_code") == "true":
        argv.append("--trust-remote-code")
    return argv
