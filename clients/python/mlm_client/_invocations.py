"""What the sync and async clients share to invoke an endpoint: bodies, answers, SSE chunks.

The generated `invoke_endpoint` cannot carry a pass-through body: openapi-python-client
0.29.1 has no text/plain request bodies (upstream issue #542) and turns the schema-less JSON
body into `isinstance(body, Any)`. So the invocation methods send the request over the same
configured httpx client (API key, retries of 429/503, problem+json → MLMError) themselves.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Any

import httpx

from .errors import InvocationStreamError

EVENT_STREAM = "text/event-stream"
JSON = "application/json"
TEXT = "text/plain; charset=utf-8"
BINARY = "application/octet-stream"
TARGET_VARIANT = "X-Mlm-Target-Variant"
INVOKED_VARIANT = "X-Mlm-Invoked-Variant"


@dataclass(frozen=True)
class Invocation:
    """The model's answer as it gave it: bytes, its Content-Type and the variant that answered."""

    body: bytes
    content_type: str | None
    invoked_variant: str | None
    request_id: str | None

    @property
    def text(self) -> str:
        return self.body.decode()

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass(frozen=True)
class InvocationChunk:
    """One part of a streamed answer, as the model sent it (`text` decodes it)."""

    data: bytes

    @property
    def text(self) -> str:
        return self.data.decode()


def invocation_request(
    endpoint_name: str,
    body: bytes,
    content_type: str,
    *,
    accept: str | None,
    target_variant: str | None,
) -> dict[str, Any]:
    """Keyword arguments for httpx's `request`/`stream`: the body passes through unchanged."""
    headers = {"Content-Type": content_type}
    if accept is not None:
        headers["Accept"] = accept
    if target_variant is not None:
        headers[TARGET_VARIANT] = target_variant
    return {
        "method": "POST",
        "url": f"/endpoints/{_segment(endpoint_name)}/invocations",
        "content": body,
        "headers": headers,
    }


def json_body(payload: Any) -> bytes:
    return json.dumps(payload, separators=(",", ":")).encode()


def stream_accept(accept: str | None) -> str:
    """Accept for a streamed call: event-stream for MLM, plus what the model should give."""
    return EVENT_STREAM if accept is None else f"{EVENT_STREAM}, {accept}"


def invocation(response: httpx.Response) -> Invocation:
    return Invocation(
        body=response.content,
        content_type=response.headers.get("Content-Type"),
        invoked_variant=response.headers.get(INVOKED_VARIANT),
        request_id=response.headers.get("X-Request-Id"),
    )


class EventDecoder:
    """Server-sent events, line by line, into chunks: `chunk` (text), `binary` (base64),
    `end`; `error` (the model failed mid-stream) raises InvocationStreamError."""

    def __init__(self) -> None:
        self._event = "message"
        self._data: list[str] = []
        self.ended = False

    def feed(self, line: str) -> InvocationChunk | None:
        """The chunk that `line` completes, if any."""
        if line:
            field, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if field == "event":
                self._event = value
            elif field == "data":
                self._data.append(value)
            return None
        event, data = self._event, "\n".join(self._data)
        self._event, self._data = "message", []
        if event == "chunk":
            return InvocationChunk(data.encode())
        if event == "binary":
            return InvocationChunk(base64.b64decode(data))
        if event == "error":
            problem = _object(data)
            raise InvocationStreamError(
                str(problem.get("code", "STREAM_FAILED")), str(problem.get("message", data))
            )
        if event == "end":
            self.ended = True
        return None


def _object(data: str) -> dict[str, Any]:
    try:
        value = json.loads(data)
    except json.JSONDecodeError:
        return {}
    return value if isinstance(value, dict) else {}


def _segment(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")
