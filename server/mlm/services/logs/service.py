"""Log lines of an endpoint's containers and of a packaging job, from CloudWatch Logs.

Where they are (AWS's own places, nothing MLM writes):
- an endpoint: group ``/aws/sagemaker/Endpoints/<physical endpoint name>``, one stream per
  instance named ``<variant>/<instance id>``; a variant (and an instance) narrows the
  read to those streams by name prefix;
- a packaging job: group ``/aws/batch/job``, the stream Batch names on the job
  (``logStreamName``), known once the container has started.

The resource is read first through its own service, so another tenant's endpoint or job is
a 404 before any log is touched. AWS's ``nextToken`` reaches the client only inside a
signed page token that also pins the time window (a default "now" must not move between
pages) and the query. Following (``follow``) polls the same read and yields each line
once; CloudWatch can show an event a little after its timestamp, so every poll looks back
``LATE_SECONDS`` and drops what it already yielded.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from mlm.aws.logs import CloudWatchLogs, LogEvent, LogQuery
from mlm.errors import BadRequest
from mlm.pagination import Page, PageTokens
from mlm.services.endpoints import names
from mlm.services.endpoints.views import Endpoint
from mlm.services.logs.requests import LogsRequest, Window, check_instance, pattern, window
from mlm.services.logs.views import LogLine, from_millis
from mlm.services.packaging.views import PackagingJob

ENDPOINT_GROUP_PREFIX = "/aws/sagemaker/Endpoints/"
BATCH_GROUP = "/aws/batch/job"
# FilterLogEvents may answer an empty page with a nextToken while it searches on.
MAX_CALLS_PER_PAGE = 5
LATE_SECONDS = 5
MAX_CALLS_PER_POLL = 10


class EndpointReads(Protocol):
    def get(self, tenant: str, name: str) -> Endpoint: ...


class JobReads(Protocol):
    def get(self, tenant: str, job_id: str) -> PackagingJob: ...


@dataclass(frozen=True)
class Source:
    """Where one resource's lines are, and what identifies the read in a page token."""

    group: str
    stream_prefix: str | None
    stream_names: tuple[str, ...]
    identity: dict[str, object]
    finished: bool = False  # the resource will write no more lines (a finished job)

    @property
    def has_streams(self) -> bool:
        return self.stream_prefix is not None or bool(self.stream_names)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class LogService:
    def __init__(
        self,
        logs: CloudWatchLogs,
        endpoints: EndpointReads,
        jobs: Callable[[], JobReads],
        page_tokens: PageTokens,
        now: Callable[[], datetime] = _utc_now,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._logs = logs
        self._endpoints = endpoints
        # Packaging needs an artifact bucket; endpoint logs must work without one.
        self._jobs = jobs
        self._tokens = page_tokens
        self._now = now
        self._sleep = sleep

    # --- where the lines are ----------------------------------------------------------

    def endpoint_source(self, tenant: str, name: str, request: LogsRequest) -> Source:
        check_instance(request.instance_id, request.variant)
        self._endpoints.get(tenant, name)  # 404 unless the caller's tenant owns it
        prefix = ""
        if request.variant is not None:
            prefix = f"{request.variant}/"
            if request.instance_id is not None:
                prefix += request.instance_id
        return Source(
            group=ENDPOINT_GROUP_PREFIX + names.endpoint_name(tenant, name),
            stream_prefix=prefix,
            stream_names=(),
            identity={"endpoint": name, "variant": request.variant, "i": request.instance_id},
        )

    def job_source(self, tenant: str, job_id: str, request: LogsRequest) -> Source:
        if request.variant is not None or request.instance_id is not None:
            raise BadRequest(
                code="NOT_AN_ENDPOINT",
                detail="variant and instance_id apply to endpoint logs, not to a job's.",
            )
        job = self._jobs().get(tenant, job_id)
        return Source(
            group=BATCH_GROUP,
            stream_prefix=None,
            stream_names=(job.log_stream,) if job.log_stream else (),
            identity={"job": job_id},
            finished=job.finished,
        )

    # --- one page ----------------------------------------------------------------------

    def page(self, tenant: str, source: Source, request: LogsRequest) -> Page[LogLine]:
        text = pattern(request.text)
        fingerprint = {"tenant": tenant, "text": text, **source.identity}
        if request.page_token is not None:
            span, aws_token = self._decode(request.page_token, fingerprint)
        else:
            span, aws_token = window(request, self._now()), None
        if not source.has_streams:
            return Page([], None)
        query = _query(source, span, text)
        lines: list[LogLine] = []
        for _ in range(MAX_CALLS_PER_PAGE):
            found = self._logs.filter_events(query, request.page_size - len(lines), aws_token)
            lines += [_line(event, source) for event in found.events]
            aws_token = found.next_token
            if aws_token is None or len(lines) >= request.page_size:
                break
        token = None if aws_token is None else self._encode(span, aws_token, fingerprint)
        return Page(lines, token)

    def _encode(self, span: Window, aws_token: str, fingerprint: dict[str, object]) -> str:
        after = json.dumps({"s": span.start_ms, "e": span.end_ms, "t": aws_token})
        return self._tokens.encode(after, fingerprint)

    def _decode(self, token: str, fingerprint: dict[str, object]) -> tuple[Window, str]:
        body = json.loads(self._tokens.decode(token, fingerprint))
        return Window(int(body["s"]), int(body["e"])), str(body["t"])

    # --- following ---------------------------------------------------------------------

    def follow(
        self,
        tenant: str,
        source: Callable[[], Source],
        request: LogsRequest,
        seconds: float,
        poll_seconds: float,
    ) -> Iterator[LogLine | None]:
        """Lines as they arrive for ``seconds`` (``None`` after a poll with none: a
        heartbeat). Ends early once a finished resource's last lines are out."""
        text = pattern(request.text)
        first = source()  # a 404 or a bad request is raised here, before streaming
        cursor = window(request, self._now()).start_ms
        return self._follow(first, source, text, cursor, seconds, poll_seconds)

    def _follow(
        self,
        first: Source,
        source: Callable[[], Source],
        text: str | None,
        cursor: int,
        seconds: float,
        poll_seconds: float,
    ) -> Iterator[LogLine | None]:
        deadline = time.monotonic() + seconds
        floor = cursor  # never look back before the start asked for
        seen: dict[str, int] = {}
        current = first
        while True:
            fresh = self._poll(current, text, cursor, floor, seen)
            yield from fresh
            if fresh:
                cursor = max(cursor, max(seen.values()))
            else:
                yield None
            if current.finished or time.monotonic() >= deadline:
                return
            self._sleep(poll_seconds)
            if not current.has_streams or current.stream_names:
                current = source()  # a job's stream appears once its container starts

    def _poll(
        self, source: Source, text: str | None, cursor: int, floor: int, seen: dict[str, int]
    ) -> list[LogLine]:
        if not source.has_streams:
            return []
        since = max(cursor - LATE_SECONDS * 1000, floor)
        for event_id in [e for e, ts in seen.items() if ts < since]:
            del seen[event_id]
        end = int(self._now().timestamp() * 1000) + 1
        query = _query(source, Window(since, end), text)
        fresh: list[LogLine] = []
        token: str | None = None
        for _ in range(MAX_CALLS_PER_POLL):
            found = self._logs.filter_events(query, 1000, token)
            for event in found.events:
                if event.event_id not in seen:
                    seen[event.event_id] = event.timestamp_ms
                    fresh.append(_line(event, source))
            token = found.next_token
            if token is None:
                break
        return fresh


def _query(source: Source, span: Window, text: str | None) -> LogQuery:
    return LogQuery(
        group=source.group,
        start_ms=span.start_ms,
        end_ms=span.end_ms,
        stream_prefix=source.stream_prefix or None,
        stream_names=source.stream_names,
        pattern=text,
    )


def _line(event: LogEvent, source: Source) -> LogLine:
    variant = instance = None
    if source.group.startswith(ENDPOINT_GROUP_PREFIX):
        variant, _, rest = event.stream.partition("/")
        instance = rest or None
    return LogLine(
        timestamp=from_millis(event.timestamp_ms),
        message=event.message,
        stream=event.stream,
        variant=variant,
        instance_id=instance,
        event_id=event.event_id,
    )
