"""What a client asks of a packaging job, and the checks made before anything starts."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mlm.errors import FieldError, Unprocessable

_SECRET_ARN = re.compile(r"^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+$")


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


def invalid(field: str, message: str) -> Unprocessable:
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
        raise invalid("source.model_id", "is required for a Hugging Face source")
    if platform == "s3" and not s3_uri:
        raise invalid("source.s3_uri", "is required for an S3 source")
    if platform == "huggingface" and s3_uri:
        raise invalid("source.s3_uri", "is only for an S3 source")
    if platform == "s3" and model_id:
        raise invalid("source.model_id", "is only for a Hugging Face source")
    secret = body.get("hf_token_secret_arn")
    if secret is not None and not _SECRET_ARN.match(secret):
        raise invalid("hf_token_secret_arn", "must be a Secrets Manager secret ARN")
    if secret is not None and platform != "huggingface":
        raise invalid("hf_token_secret_arn", "is only for a Hugging Face source")
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
