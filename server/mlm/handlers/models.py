"""/v1/models — logical models (SageMaker model package groups).

Roles: reading needs viewer; every change needs operator.
"""

from __future__ import annotations

from typing import Any

from connexion.lifecycle import ConnexionResponse

from mlm import web
from mlm.idempotency import Reply
from mlm.pagination import DEFAULT_PAGE_SIZE
from mlm.services.registry.models import Model
from mlm.services.registry.requests import read_model_patch, read_new_model
from mlm.settings import Role


def _if_match(current: Model) -> None:
    web.check_if_match(current.to_api())


def create_model(body: dict[str, Any]) -> ConnexionResponse:
    principal = web.caller(Role.OPERATOR)

    def create() -> Reply:
        key = web.header("Idempotency-Key")
        model = web.container().models.create(principal.tenant, read_new_model(body), key)
        headers = {"Location": f"/v1/models/{model.name}"}
        return Reply(body=model.to_api(), status=201, headers=headers)

    return web.respond_once("create_model", principal, body, create)


def list_models(
    name_prefix: str | None = None,
    task: str | None = None,
    owner: str | None = None,
    page_size: int = DEFAULT_PAGE_SIZE,
    page_token: str | None = None,
) -> ConnexionResponse:
    principal = web.caller(Role.VIEWER)
    page = web.container().models.list_models(
        principal.tenant,
        name_prefix=name_prefix,
        task=task,
        owner=owner,
        page_size=page_size,
        page_token=page_token,
    )
    body = {"items": [m.to_api() for m in page.items], "next_page_token": page.next_page_token}
    return web.respond(body)


def get_model(model_name: str) -> ConnexionResponse:
    principal = web.caller(Role.VIEWER)
    model = web.container().models.get(principal.tenant, model_name)
    return web.respond(model.to_api(), etag=True)


def update_model(model_name: str, body: dict[str, Any]) -> ConnexionResponse:
    principal = web.caller(Role.OPERATOR)
    patch = read_model_patch(body)
    model = web.container().models.update(
        principal.tenant, model_name, patch, precondition=_if_match
    )
    return web.respond(model.to_api(), etag=True)


def delete_model(model_name: str, force: bool = False) -> ConnexionResponse:
    principal = web.caller(Role.OPERATOR)
    web.container().models.delete(principal.tenant, model_name, force=force, precondition=_if_match)
    return web.respond(None, 204)
