"""Reading API-key requests (the spec has checked types and ranges already)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from mlm.aws.api_keys import KeyLimits
from mlm.errors import BadRequest, FieldError

LIMIT_FIELDS = ("per_second", "burst", "writes_per_second", "writes_burst", "per_day")
_WHOLE = {"burst", "writes_burst", "per_day"}


def read_expiry(value: Any) -> float | None:
    """An RFC 3339 time as epoch seconds (None stays None)."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError as exc:
        raise BadRequest(
            code="INVALID_REQUEST",
            detail="expires_at is not an RFC 3339 time.",
            errors=[FieldError("expires_at", "not an RFC 3339 time")],
        ) from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def read_limit_changes(body: dict[str, Any] | None) -> dict[str, float | int | None]:
    """The limits a request names (null: back to the server's default)."""
    changes: dict[str, float | int | None] = {}
    for name in LIMIT_FIELDS:
        if body is not None and name in body:
            value = body[name]
            changes[name] = (
                None if value is None else (int(value) if name in _WHOLE else float(value))
            )
    return changes


def read_limits(body: dict[str, Any] | None) -> KeyLimits:
    return KeyLimits(**read_limit_changes(body))  # type: ignore[arg-type]
