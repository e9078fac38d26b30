"""/v1/endpoints/{endpoint_name}/invocations — proxy to SageMaker runtime InvokeEndpoint.

Body, Content-Type and Accept pass through untouched; ``Accept: text/event-stream``
streams the answer as server-sent events, one event per part, as the parts arrive.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any

from connexion.lifecycle import ConnexionResponse

from mlm import web
from mlm.aws.sagemaker_runtime import StreamFailure
from mlm.services.invocations.requests import InvocationRequest
from mlm.settings import Role

EVENT_STREAM = "text/event-stream"
VARIANT_HEADER = "X-Mlm-Invoked-Variant"


def invoke_endpoint(endpoint_name: str, body: Any = None) -> ConnexionResponse:
    principal = web.caller(Role.INVOKER)
    accept = web.header("Accept")
    call = InvocationRequest(
        body=web.raw_body(),
        content_type=web.header("Content-Type"),
        accept=accept,
        target_variant=web.header("X-Mlm-Target-Variant"),
    )
    service = web.container().invocations
    if accept is not None and EVENT_STREAM in accept:
        streamed = service.stream(principal.tenant, endpoint_name, _without_sse_accept(call))
        return ConnexionResponse(
            status_code=200,
            content_type=EVENT_STREAM,
            mimetype=EVENT_STREAM,
            headers={"Cache-Control": "no-cache", **_variant(streamed.variant)},
            body=_events(streamed.parts),
            is_streamed=True,
        )
    answer = service.invoke(principal.tenant, endpoint_name, call)
    content_type = answer.content_type or "application/octet-stream"
    return ConnexionResponse(
        status_code=200,
        content_type=content_type,
        mimetype=content_type.split(";")[0].strip(),
        headers=_variant(answer.variant),
        body=answer.body,
        is_streamed=False,
    )


def _without_sse_accept(call: InvocationRequest) -> InvocationRequest:
    # text/event-stream is how the client asks MLM to stream; the model gets the rest.
    rest = [t for t in (call.accept or "").split(",") if EVENT_STREAM not in t and t.strip()]
    return InvocationRequest(
        body=call.body,
        content_type=call.content_type,
        accept=",".join(t.strip() for t in rest) or None,
        target_variant=call.target_variant,
    )


def _variant(name: str | None) -> dict[str, str]:
    return {VARIANT_HEADER: name} if name else {}


def _events(parts: Iterator[bytes | StreamFailure]) -> Iterator[bytes]:
    """One SSE event per part: text as ``data:`` lines, anything else base64."""
    for part in parts:
        if isinstance(part, StreamFailure):
            data = json.dumps({"code": part.code, "message": part.message})
            yield f"event: error\ndata: {data}\n\n".encode()
            return
        try:
            text = part.decode()
        except UnicodeDecodeError:
            yield b"event: binary\ndata: " + base64.b64encode(part) + b"\n\n"
            continue
        lines = "".join(f"data: {line}\n" for line in text.split("\n"))
        yield f"event: chunk\n{lines}\n".encode()
    yield b"event: end\ndata: {}\n\n"
