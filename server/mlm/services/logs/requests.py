"""A read of log lines: time range, text filter, page; checked before AWS is asked.

The filter is plain text, not CloudWatch's pattern language: the service quotes it, so
``ERROR 500`` finds lines containing exactly that phrase (case-sensitive, as CloudWatch
matches). A double quote cannot be quoted inside a CloudWatch phrase, so it is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from mlm.errors import BadRequest

DEFAULT_RANGE = timedelta(hours=1)
# CloudWatch Logs keeps events as long as the group's retention; never older than this.
MAX_AGE = timedelta(days=3653)
MAX_FILTER_LENGTH = 200
DEFAULT_FOLLOW_SECONDS = 300
_INSTANCE_ID = re.compile(r"^i-[0-9a-f]{8,17}$")


@dataclass(frozen=True)
class LogsRequest:
    start: datetime | None = None
    end: datetime | None = None
    text: str | None = None
    variant: str | None = None
    instance_id: str | None = None
    page_size: int = 100
    page_token: str | None = None


@dataclass(frozen=True)
class Window:
    start_ms: int
    end_ms: int


def window(request: LogsRequest, now: datetime) -> Window:
    """The range to read, in epoch milliseconds: default the last hour up to now."""
    end = request.end or now
    start = request.start or end - DEFAULT_RANGE
    if start >= end:
        raise BadRequest(code="INVALID_TIME_RANGE", detail="start_time must be before end_time.")
    if start > now:
        raise BadRequest(
            code="INVALID_TIME_RANGE", detail="start_time is in the future: there are no lines yet."
        )
    if now - start > MAX_AGE:
        raise BadRequest(code="INVALID_TIME_RANGE", detail="start_time is more than 10 years ago.")
    return Window(_ms(start), _ms(end))


def pattern(text: str | None) -> str | None:
    """The CloudWatch filter pattern that matches lines containing ``text`` verbatim."""
    if text is None or not text.strip():
        return None
    if '"' in text:
        raise BadRequest(
            code="INVALID_LOG_FILTER",
            detail='filter cannot contain a double quote ("); search for the text around it.',
        )
    if len(text) > MAX_FILTER_LENGTH:
        raise BadRequest(
            code="INVALID_LOG_FILTER",
            detail=f"filter is longer than {MAX_FILTER_LENGTH} characters.",
        )
    return f'"{text}"'


def check_instance(instance_id: str | None, variant: str | None) -> None:
    if instance_id is None:
        return
    if variant is None:
        raise BadRequest(
            code="INSTANCE_NEEDS_VARIANT",
            detail="instance_id names an instance of a variant: give variant too.",
        )
    if not _INSTANCE_ID.match(instance_id):
        raise BadRequest(
            code="INVALID_INSTANCE_ID",
            detail="instance_id is an EC2-style id such as i-0123456789abcdef0.",
        )


def _ms(moment: datetime) -> int:
    return int(moment.astimezone(UTC).timestamp() * 1000)
