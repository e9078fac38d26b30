"""GET /v1/instance-types — the SageMaker real-time instance types and their hardware."""

from __future__ import annotations

from connexion.lifecycle import ConnexionResponse

from mlm import web
from mlm.pagination import DEFAULT_PAGE_SIZE


def list_instance_types(
    accelerated: bool | None = None,
    min_gpu_memory_gib: float | None = None,
    family: str | None = None,
    page_size: int = DEFAULT_PAGE_SIZE,
    page_token: str | None = None,
) -> ConnexionResponse:
    principal = web.caller()
    rt = web.container()
    matching = rt.catalog.filter(
        accelerated=accelerated, min_gpu_memory_gib=min_gpu_memory_gib, family=family
    )
    query: dict[str, object] = {
        "op": "list_instance_types",
        "tenant": principal.tenant,
        "accelerated": accelerated,
        "min_gpu_memory_gib": min_gpu_memory_gib,
        "family": family,
    }
    page = rt.page_tokens.paginate(matching, lambda t: t.name, page_size, page_token, query)
    body = {
        "items": [t.to_dict() for t in page.items],
        "next_page_token": page.next_page_token,
    }
    return web.respond(body)
