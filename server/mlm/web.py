"""What handlers use from the HTTP layer: connexion's context, and the one place that
knows the app runs on Flask (``raw_body``)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

import flask
from connexion import context, request
from connexion.lifecycle import ConnexionResponse

from mlm import request_log
from mlm.container import Container
from mlm.errors import PreconditionFailed
from mlm.idempotency import Reply
from mlm.principal import Principal
from mlm.settings import Role

JSON = "application/json"
MakeReply = Callable[[], Reply]


def container() -> Container:
    built: Container = context.scope["mlm.container"]
    return built


def caller(needed: Role = Role.VIEWER) -> Principal:
    """The authenticated caller, after checking that its role is at least ``needed``."""
    request_log.note("operation_id", context.operation.operation_id)
    principal: Principal = context.context["token_info"]["principal"]
    principal.require(needed)
    return principal


def raw_body() -> bytes:
    """The request body exactly as sent (connexion hands handlers parsed JSON; a proxy
    must forward the original bytes). Flask keeps them once connexion has read them."""
    return flask.request.get_data(cache=True)


def header(name: str) -> str | None:
    value = request.headers.get(name)
    return None if value is None else str(value)


def etag_of(body: Any) -> str:
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), default=str)
    return '"' + hashlib.sha256(canonical.encode()).hexdigest()[:32] + '"'


def check_if_match(current: Any) -> None:
    """Honour ``If-Match``: 412 when the client's copy is stale (``*`` matches anything)."""
    wanted = header("If-Match")
    if wanted is None:
        return
    tags = {tag.strip().removeprefix("W/") for tag in wanted.split(",")}
    if "*" in tags or etag_of(current) in tags:
        return
    raise PreconditionFailed(
        code="ETAG_MISMATCH",
        detail="The resource changed since you read it (If-Match does not match its ETag); "
        "read it again and retry.",
    )


def respond_once(
    operation: str, principal: Principal, payload: Any, make: MakeReply
) -> ConnexionResponse:
    """Answer a create; with an ``Idempotency-Key`` header, at most once per key."""
    key = header("Idempotency-Key")
    if key is None:
        reply = make()
    else:
        reply = container().idempotency.run(principal.tenant, operation, key, payload, make)
    return respond(reply["body"], reply["status"], reply["headers"], etag=reply["status"] == 201)


def respond(
    body: Any = None,
    status: int = 200,
    headers: dict[str, str] | None = None,
    etag: bool = False,
) -> ConnexionResponse:
    """Every handler's answer. Always sets Content-Type (see connexion issue #1956)."""
    out = dict(headers or {})
    if etag and body is not None:
        out["ETag"] = etag_of(body)
    if body is None:
        return ConnexionResponse(status_code=status, headers=out, body=b"")
    return ConnexionResponse(
        status_code=status,
        mimetype=JSON,
        content_type=JSON,
        headers=out,
        body=json.dumps(body, separators=(",", ":")).encode(),
        is_streamed=False,
    )
