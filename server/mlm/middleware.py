"""Outermost ASGI middleware: request ids, the service container for handlers, rate-limit
headers, one log line and (for changes and refusals) one audit record each."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid

from anyio import to_thread
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mlm import request_log
from mlm.container import Container
from mlm.services.audit import AuditEvent

log = logging.getLogger("mlm.access")
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, container: Container) -> None:
        self.app = app
        self.container = container

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _request_id(scope)
        fields = request_log.begin()
        scope["mlm.container"] = self.container
        scope["mlm.request_id"] = request_id
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k != b"x-request-id"]
                headers.append((b"x-request-id", request_id.encode()))
                present = {k.lower() for k, _ in headers}
                for name, value in fields.get("rate_limit_headers", {}).items():
                    if name.lower().encode() not in present:
                        headers.append((name.lower().encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        try:
            if _CONTROL_CHARACTERS.search(scope.get("path", "")):
                # No resource name can hold one; connexion's and Flask's routers disagree on
                # them (Flask matches, connexion does not), so answer before either sees it.
                await _not_found(scope, request_id)(scope, receive, send_with_id)
                return
            await self.app(scope, receive, send_with_id)
        finally:
            await self._audit(scope, request_id, status, fields)
            log.info(
                "%s %s %s",
                scope.get("method"),
                scope.get("path"),
                status,
                extra={
                    "request_id": request_id,
                    "tenant": fields.get("tenant"),
                    "operation_id": fields.get("operation_id"),
                    "status": status,
                    "latency_ms": round((time.perf_counter() - started) * 1000, 1),
                    "aws_request_ids": fields.get("aws_request_ids", []),
                },
            )

    async def _audit(
        self, scope: Scope, request_id: str, status: int, fields: dict[str, object]
    ) -> None:
        event = AuditEvent(
            request_id=request_id,
            method=str(scope.get("method", "")),
            target=str(scope.get("path", "")),
            status=status,
            tenant=_text(fields.get("tenant")),
            operation_id=_operation(fields.get("operation_id")),
            key_name=_text(fields.get("key_name")),
            role=_text(fields.get("role")),
            auth=_text(fields.get("auth")),
            reason=_text(fields.get("reason")),
            aws_request_ids=[str(r) for r in fields.get("aws_request_ids", [])],  # type: ignore[attr-defined]
        )
        if event.audited:
            await to_thread.run_sync(self.container.audit.record, event)


def _operation(value: object) -> str | None:
    """The spec's operationId: connexion names the handler ("mlm.handlers.models.create_model")."""
    return None if value is None else str(value).rsplit(".", 1)[-1]


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _not_found(scope: Scope, request_id: str) -> Response:
    body = {
        "type": "/problems/not-found",
        "title": "Not found",
        "status": 404,
        "detail": "No resource at this path: names never contain control characters.",
        "instance": scope.get("path", ""),
        "code": "NOT_FOUND",
        "request_id": request_id,
    }
    return Response(json.dumps(body), status_code=404, media_type="application/problem+json")


def _request_id(scope: Scope) -> str:
    for key, value in scope.get("headers", []):
        if key == b"x-request-id":
            candidate = bytes(value).decode("latin-1")
            if _VALID_REQUEST_ID.match(candidate):
                return candidate
    return uuid.uuid4().hex
