"""CloudWatch Logs: events of a log group's streams over a time range (FilterLogEvents).

A group or stream that does not exist yet (an endpoint whose containers have not started,
a job still queued) has no events: an empty page, not an error. AWS's ``nextToken`` is
handed back as it came; callers wrap it before it reaches a client.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mlm.aws.errors import aws_errors
from mlm.errors import NotFound

# FilterLogEvents answers at most 10,000 events a call.
MAX_EVENTS_PER_CALL = 10_000


@dataclass(frozen=True)
class LogEvent:
    stream: str
    timestamp_ms: int
    message: str
    event_id: str


@dataclass(frozen=True)
class LogEventPage:
    events: list[LogEvent]
    next_token: str | None


@dataclass(frozen=True)
class LogQuery:
    group: str
    start_ms: int
    end_ms: int
    stream_prefix: str | None = None
    stream_names: tuple[str, ...] = ()
    pattern: str | None = None


class CloudWatchLogs:
    def __init__(self, client: Any) -> None:
        self._logs = client

    def filter_events(self, query: LogQuery, limit: int, next_token: str | None) -> LogEventPage:
        """Up to ``limit`` events in [start, end], oldest first, streams interleaved."""
        args: dict[str, Any] = {
            "logGroupName": query.group,
            "startTime": query.start_ms,
            "endTime": query.end_ms,
            "limit": min(max(limit, 1), MAX_EVENTS_PER_CALL),
        }
        if query.stream_names:
            args["logStreamNames"] = list(query.stream_names)
        elif query.stream_prefix:
            args["logStreamNamePrefix"] = query.stream_prefix
        if query.pattern:
            args["filterPattern"] = query.pattern
        if next_token:
            args["nextToken"] = next_token
        try:
            with aws_errors():
                answer = self._logs.filter_log_events(**args)
        except NotFound:
            return LogEventPage([], None)
        events = [
            LogEvent(
                stream=str(event.get("logStreamName", "")),
                timestamp_ms=int(event["timestamp"]),
                message=str(event.get("message", "")).rstrip("\n"),
                event_id=str(event.get("eventId", "")),
            )
            for event in answer.get("events", [])
        ]
        return LogEventPage(events, answer.get("nextToken") or None)
