"""What a client asks of a packaging job, and the checks made before anything starts.

The spec validates shapes over HTTP; these checks add the rules a schema cannot say (and
repeat the secret ARN's shape) so the service is safe when called without HTTP.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from mlm.errors import FieldError, Unprocessable

_SECRET_ARN = re.compile(r"^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+$")


@dataclass(frozen=True)
class PackagingRequest:
    """The defaults are the spec's."""

    model_name: str
    platform: str  # huggingface | s3
    model_id: str | None = None
    revision: str | None = None
    s3_uri: str | None = None
    register_version: bool = True
    artifact_format: str = "s3_prefix"  # s3_prefix | tar_gz
    series: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    hf_token_secret_arn: str | None = None


def invalid(field: str, message: str) -> Unprocessable:
    return Unprocessable(
        code="INVALID_PACKAGING_REQUEST",
        detail=f"{field} {message}.",
        errors=[FieldError(field=field, message=message)],
    )


def check(request: PackagingRequest) -> None:
    """The source fits its platform, and a token secret is a secret's ARN."""
    platform, model_id, s3_uri = request.platform, request.model_id, request.s3_uri
    if platform == "huggingface" and not model_id:
        raise invalid("source.model_id", "is required for a Hugging Face source")
    if platform == "s3" and not s3_uri:
        raise invalid("source.s3_uri", "is required for an S3 source")
    if platform == "huggingface" and s3_uri:
        raise invalid("source.s3_uri", "is only for an S3 source")
    if platform == "s3" and model_id:
        raise invalid("source.model_id", "is only for a Hugging Face source")
    secret = request.hf_token_secret_arn
    if secret is not None and not _SECRET_ARN.match(secret):
        raise invalid("hf_token_secret_arn", "must be a Secrets Manager secret ARN")
    if secret is not None and platform != "huggingface":
        raise invalid("hf_token_secret_arn", "is only for a Hugging Face source")
