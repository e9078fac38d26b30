"""Per-request log fields (tenant, operation, AWS request ids), filled as a request runs."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

_fields: ContextVar[dict[str, Any] | None] = ContextVar("mlm_request_log", default=None)


def begin() -> dict[str, Any]:
    fields: dict[str, Any] = {"aws_request_ids": []}
    _fields.set(fields)
    return fields


def note(key: str, value: Any) -> None:
    fields = _fields.get()
    if fields is not None:
        fields[key] = value


def record_aws_call(http_response: Any, parsed: dict[str, Any], **_: Any) -> None:
    """botocore ``after-call`` hook: remember the AWS request id of each call."""
    fields = _fields.get()
    if fields is None:
        return
    request_id = parsed.get("ResponseMetadata", {}).get("RequestId")
    if request_id:
        fields["aws_request_ids"].append(request_id)
