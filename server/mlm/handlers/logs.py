"""…/endpoints/{endpoint_name}/logs and …/packaging-jobs/{job_id}/logs (operationIds =
function names). ``follow=true`` answers server-sent events: one ``log`` event per line as
it arrives, a comment now and then while nothing does, then ``end``."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

from connexion.lifecycle import ConnexionResponse

from mlm import web
from mlm.errors import ApiError
from mlm.services.logs.requests import DEFAULT_FOLLOW_SECONDS, LogsRequest
from mlm.services.logs.service import Source
from mlm.services.logs.views import LogLine
from mlm.services.observability.time_range import parse_time
from mlm.settings import Role

EVENT_STREAM = "text/event-stream"


def get_endpoint_logs(
    endpoint_name: str,
    start_time: str | None = None,
    end_time: str | None = None,
    contains: str | None = None,
    variant: str | None = None,
    instance_id: str | None = None,
    page_size: int = 50,
    page_token: str | None = None,
    follow: bool = False,
    follow_seconds: int = DEFAULT_FOLLOW_SECONDS,
) -> ConnexionResponse:
    principal = web.caller(Role.VIEWER)
    request = _request(start_time, end_time, contains, variant, instance_id, page_size, page_token)
    service = web.container().logs

    def source() -> Source:
        return service.endpoint_source(principal.tenant, endpoint_name, request)

    return _answer(principal.tenant, source, request, follow, follow_seconds)


def get_packaging_job_logs(
    job_id: str,
    start_time: str | None = None,
    end_time: str | None = None,
    contains: str | None = None,
    page_size: int = 50,
    page_token: str | None = None,
    follow: bool = False,
    follow_seconds: int = DEFAULT_FOLLOW_SECONDS,
) -> ConnexionResponse:
    principal = web.caller(Role.VIEWER)
    request = _request(start_time, end_time, contains, None, None, page_size, page_token)
    service = web.container().logs

    def source() -> Source:
        return service.job_source(principal.tenant, job_id, request)

    return _answer(principal.tenant, source, request, follow, follow_seconds)


def _request(
    start_time: str | None,
    end_time: str | None,
    contains: str | None,
    variant: str | None,
    instance_id: str | None,
    page_size: int,
    page_token: str | None,
) -> LogsRequest:
    return LogsRequest(
        start=parse_time(start_time, "start_time"),
        end=parse_time(end_time, "end_time"),
        text=contains,
        variant=variant,
        instance_id=instance_id,
        page_size=page_size,
        page_token=page_token,
    )


def _answer(
    tenant: str,
    source: Callable[[], Source],
    request: LogsRequest,
    follow: bool,
    follow_seconds: int,
) -> ConnexionResponse:
    container = web.container()
    if not follow:
        page = container.logs.page(tenant, source(), request)
        items = [line.to_api() for line in page.items]
        return web.respond({"items": items, "next_page_token": page.next_page_token})
    lines = container.logs.follow(
        tenant, source, request, follow_seconds, container.settings.logs_follow_poll_seconds
    )
    return ConnexionResponse(
        status_code=200,
        content_type=EVENT_STREAM,
        mimetype=EVENT_STREAM,
        headers={"Cache-Control": "no-cache"},
        body=_events(lines),
        is_streamed=True,
    )


def _events(lines: Iterator[LogLine | None]) -> Iterator[bytes]:
    try:
        for line in lines:
            if line is None:
                yield b": waiting for lines\n\n"
                continue
            data = json.dumps(line.to_api(), separators=(",", ":"))
            yield f"event: log\nid: {line.event_id}\ndata: {data}\n\n".encode()
    except ApiError as error:  # AWS failed after the stream started: say so, then stop
        failure = json.dumps({"code": error.code, "message": error.detail})
        yield f"event: error\ndata: {failure}\n\n".encode()
        return
    yield b"event: end\ndata: {}\n\n"
