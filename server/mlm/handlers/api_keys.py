"""/v1/api-keys — the tenant's API keys (operationIds = function names). Role: admin.

An admin manages its own tenant's keys only: the tenant is the caller's, never the body's.
"""

from __future__ import annotations

from typing import Any

from connexion.lifecycle import ConnexionResponse

from mlm import web
from mlm.pagination import DEFAULT_PAGE_SIZE
from mlm.services.access import KeyPatch, NewKey
from mlm.services.access.requests import read_expiry, read_limit_changes, read_limits
from mlm.settings import Role


def create_api_key(body: dict[str, Any]) -> ConnexionResponse:
    principal = web.caller(Role.ADMIN)
    request = NewKey(
        name=str(body["name"]),
        role=Role(body["role"]),
        expires_at=read_expiry(body.get("expires_at")),
        limits=read_limits(body.get("limits") or {}),
    )
    view, secret = web.container().api_keys.create(principal, request)
    return web.respond(
        {"key": view.to_api(), "secret": secret},
        201,
        {"Location": f"/v1/api-keys/{view.name}", "Cache-Control": "no-store"},
    )


def list_api_keys(
    page_size: int = DEFAULT_PAGE_SIZE, page_token: str | None = None
) -> ConnexionResponse:
    principal = web.caller(Role.ADMIN)
    page = web.container().api_keys.list_keys(principal.tenant, page_size, page_token)
    return web.respond(
        {"items": [v.to_api() for v in page.items], "next_page_token": page.next_page_token}
    )


def get_api_key(key_name: str) -> ConnexionResponse:
    principal = web.caller(Role.ADMIN)
    return web.respond(web.container().api_keys.get(principal.tenant, key_name).to_api())


def update_api_key(key_name: str, body: dict[str, Any]) -> ConnexionResponse:
    principal = web.caller(Role.ADMIN)
    patch = KeyPatch(
        set_expiry="expires_at" in body,
        expires_at=read_expiry(body.get("expires_at")),
        limits=read_limit_changes(body.get("limits")),
    )
    return web.respond(web.container().api_keys.update(principal.tenant, key_name, patch).to_api())


def revoke_api_key(key_name: str) -> ConnexionResponse:
    principal = web.caller(Role.ADMIN)
    web.container().api_keys.revoke(principal.tenant, key_name)
    return web.respond(None, 204)


def rotate_api_key(key_name: str, grace_seconds: int = 0) -> ConnexionResponse:
    principal = web.caller(Role.ADMIN)
    view, secret = web.container().api_keys.rotate(principal, key_name, float(grace_seconds))
    return web.respond(
        {"key": view.to_api(), "secret": secret}, headers={"Cache-Control": "no-store"}
    )
