"""/v1/endpoints/{endpoint_name}/captures — data capture records (operationId = function)."""

from __future__ import annotations

from connexion.lifecycle import ConnexionResponse

from mlm import web
from mlm.services.captures.service import CapturesRequest
from mlm.services.observability.time_range import parse_time
from mlm.settings import Role


def list_endpoint_captures(
    endpoint_name: str,
    start_time: str | None = None,
    end_time: str | None = None,
    variant: str | None = None,
    page_size: int = 50,
    page_token: str | None = None,
) -> ConnexionResponse:
    principal = web.caller(Role.VIEWER)
    request = CapturesRequest(
        start=parse_time(start_time, "start_time"),
        end=parse_time(end_time, "end_time"),
        variant=variant,
        page_size=page_size,
        page_token=page_token,
    )
    page = web.container().captures.list_captures(principal.tenant, endpoint_name, request)
    items = [record.to_api() for record in page.items]
    return web.respond({"items": items, "next_page_token": page.next_page_token})
