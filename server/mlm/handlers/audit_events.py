"""/v1/audit-events — the tenant's audit trail (operationId = function name). Role: admin."""

from __future__ import annotations

from connexion.lifecycle import ConnexionResponse

from mlm import web
from mlm.pagination import DEFAULT_PAGE_SIZE
from mlm.services.audit.trail import query_of
from mlm.settings import Role


def list_audit_events(
    since: str | None = None,
    until: str | None = None,
    key_name: str | None = None,
    operation_id: str | None = None,
    target: str | None = None,
    page_size: int = DEFAULT_PAGE_SIZE,
    page_token: str | None = None,
) -> ConnexionResponse:
    principal = web.caller(Role.ADMIN)
    query = query_of(principal.tenant, since, until, key_name, operation_id, target)
    page = web.container().audit.events(query, page_size, page_token)
    return web.respond({"items": page.items, "next_page_token": page.next_page_token})
