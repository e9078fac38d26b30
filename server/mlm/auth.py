"""Authentication (the spec's two security schemes) and the rate limits that follow it.

connexion calls these with the request before validation and routing to a handler. Each
returns the principal, or raises a 401 in plain words (or a 429 when a limit is spent).
The blocking DynamoDB calls run in a worker thread, off the event loop.
"""

from __future__ import annotations

from typing import Any

from anyio import to_thread

from mlm import request_log
from mlm.container import Container
from mlm.errors import TooManyRequests, Unauthorized
from mlm.principal import Principal
from mlm.services.access import Denial

WRITE_METHODS = {"POST", "PATCH", "PUT", "DELETE"}
# Invocations are POSTs that change nothing: they count against the key's and the tenant's
# request rates, not the stricter rate for changes.
_NOT_CHANGES = {"invoke_endpoint"}


async def api_key_info(
    api_key: str, required_scopes: Any = None, request: Any = None
) -> dict[str, Any] | None:
    if request is None:
        return None
    container: Container = request.scope["mlm.container"]
    found = await to_thread.run_sync(container.api_keys.authenticate, api_key)
    return await _admit(request, container, found)


async def bearer_info(
    token: str, required_scopes: Any = None, request: Any = None
) -> dict[str, Any] | None:
    if request is None:
        return None
    container: Container = request.scope["mlm.container"]
    found = await to_thread.run_sync(container.tokens.verify, token)
    return await _admit(request, container, found)


async def _admit(request: Any, container: Container, found: Principal | Denial) -> dict[str, Any]:
    # connexion's routing names the handler ("mlm.handlers.models.create_model"); its last
    # part is the spec's operationId (handlers are named after them).
    routed = request.scope.get("extensions", {}).get("connexion_routing", {}).get("operation_id")
    request_log.note("operation_id", routed)
    operation_id = None if routed is None else str(routed).rsplit(".", 1)[-1]
    if isinstance(found, Denial):
        for name in ("tenant", "key_name", "role"):
            if getattr(found, name) is not None:
                request_log.note(name, getattr(found, name))
        request_log.note("reason", found.reason)
        raise Unauthorized(code="UNAUTHENTICATED", detail=found.reason)
    request_log.note("tenant", found.tenant)
    request_log.note("key_name", found.key_name)
    request_log.note("role", found.role.value)
    request_log.note("auth", found.auth)
    changes = request.method in WRITE_METHODS and operation_id not in _NOT_CHANGES
    try:
        headers = await to_thread.run_sync(container.limiter.admit, found, changes)
    except TooManyRequests as limited:
        request_log.note("reason", limited.detail)
        raise
    # The outer middleware adds them to the answer (it sees the request's log fields).
    request_log.note("rate_limit_headers", headers)
    return {"sub": found.key_name, "principal": found}
