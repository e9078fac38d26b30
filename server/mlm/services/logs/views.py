"""A log line as the API shows it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any


@dataclass(frozen=True)
class LogLine:
    timestamp: datetime
    message: str
    stream: str
    variant: str | None
    instance_id: str | None
    event_id: str

    def to_api(self) -> dict[str, Any]:
        return {
            "timestamp": _millis_rfc3339(self.timestamp),
            "message": self.message,
            "stream": self.stream,
            "variant": self.variant,
            "instance_id": self.instance_id,
        }


def from_millis(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, UTC)


def _millis_rfc3339(moment: datetime) -> str:
    """RFC 3339 with milliseconds: lines of one second keep their order."""
    utc = moment.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"
