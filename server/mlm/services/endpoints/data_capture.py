"""Data capture of an endpoint: what a client asks for, and what SageMaker is told.

SageMaker writes the sampled requests and responses to S3 itself (DataCaptureConfig on
the endpoint config). The destination is not the client's to choose: it is the service's
capture location followed by the tenant (``<base>/<tenant>``), and SageMaker adds
``/<endpoint>/<variant>/yyyy/mm/dd/hh/`` under it, so no tenant can write to or read
another's captures. Content types listed as CSV or JSON are stored as text; any other
body is stored base64 (SageMaker's rule), so the defaults are those of the SageMaker
Python SDK: ``text/csv`` and ``application/json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from mlm.aws.sagemaker_hosting import DataCapture
from mlm.errors import FieldError, ServiceUnavailable, Unprocessable

MAX_CONTENT_TYPES = 10  # per list, as CreateEndpointConfig allows
# CreateEndpointConfig's patterns for CaptureContentTypeHeader entries and KmsKeyId.
_CONTENT_TYPE = re.compile(r"^[a-zA-Z0-9](-*[a-zA-Z0-9])*/[a-zA-Z0-9](-*[a-zA-Z0-9.])*$")
_KMS_KEY = re.compile(r"^[a-zA-Z0-9:/_-]{1,2048}$")


@dataclass(frozen=True)
class DataCaptureSpec:
    enabled: bool = True
    sampling_percent: int = 100
    capture_input: bool = True
    capture_output: bool = True
    csv_content_types: tuple[str, ...] = ("text/csv",)
    json_content_types: tuple[str, ...] = ("application/json",)
    kms_key_id: str | None = None


def check(spec: DataCaptureSpec) -> None:
    errors: list[FieldError] = []

    def add(field: str, message: str) -> None:
        errors.append(FieldError(f"data_capture.{field}", message))

    if not 0 <= spec.sampling_percent <= 100:
        add("sampling_percent", "must be between 0 and 100")
    if not (spec.capture_input or spec.capture_output):
        add("capture", "must capture the input, the output or both")
    for field, types in (
        ("csv_content_types", spec.csv_content_types),
        ("json_content_types", spec.json_content_types),
    ):
        if len(types) > MAX_CONTENT_TYPES:
            add(field, f"at most {MAX_CONTENT_TYPES} content types")
        for value in types:
            if len(value) > 256 or not _CONTENT_TYPE.match(value):
                add(field, f"'{value}' is not a content type such as application/json")
    if spec.kms_key_id is not None and not _KMS_KEY.match(spec.kms_key_id):
        add("kms_key_id", "must be a KMS key id, alias or ARN")
    if errors:
        raise Unprocessable(
            code="INVALID_DATA_CAPTURE",
            detail="The data capture settings are not valid",
            errors=errors,
        )


def destination(base_uri: str | None, tenant: str) -> str:
    """The tenant's capture location (SageMaker's DestinationS3Uri)."""
    if base_uri is None:
        raise ServiceUnavailable(
            code="DATA_CAPTURE_NOT_CONFIGURED",
            detail="Data capture needs an S3 location; set MLM_ARTIFACT_BUCKET.",
        )
    return f"{base_uri.rstrip('/')}/{tenant}"


def to_aws(spec: DataCaptureSpec, destination_uri: str) -> DataCapture:
    check(spec)
    return DataCapture(
        enabled=spec.enabled,
        sampling_percent=spec.sampling_percent,
        destination_s3_uri=destination_uri,
        capture_input=spec.capture_input,
        capture_output=spec.capture_output,
        csv_content_types=tuple(spec.csv_content_types),
        json_content_types=tuple(spec.json_content_types),
        kms_key_id=spec.kms_key_id,
    )


def to_api(capture: DataCapture | None) -> dict[str, Any] | None:
    if capture is None:
        return None
    return {
        "enabled": capture.enabled,
        "sampling_percent": capture.sampling_percent,
        "capture_input": capture.capture_input,
        "capture_output": capture.capture_output,
        "csv_content_types": list(capture.csv_content_types),
        "json_content_types": list(capture.json_content_types),
        "kms_key_id": capture.kms_key_id,
        "destination_s3_uri": capture.destination_s3_uri,
    }


def from_api(doc: dict[str, Any] | None) -> DataCapture | None:
    """The inverse of ``to_api`` (indexed views are stored as JSON)."""
    if not doc:
        return None
    return DataCapture(
        enabled=bool(doc["enabled"]),
        sampling_percent=int(doc["sampling_percent"]),
        destination_s3_uri=str(doc["destination_s3_uri"]),
        capture_input=bool(doc["capture_input"]),
        capture_output=bool(doc["capture_output"]),
        csv_content_types=tuple(doc.get("csv_content_types") or ()),
        json_content_types=tuple(doc.get("json_content_types") or ()),
        kms_key_id=doc.get("kms_key_id"),
    )
