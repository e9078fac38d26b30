"""/v1/models/{model_name}/versions — model versions (SageMaker model packages).

Roles: reading needs viewer; adding a version needs the publish role (MLM_PUBLISH_ROLE:
publisher in AWS mode, operator in emulator mode); other changes need operator; approval
decisions (an approval status other than pending at creation, or any change of approval
status or note) need admin, and the approver is recorded.
"""

from __future__ import annotations

from typing import Any

from connexion.lifecycle import ConnexionResponse

from mlm import web
from mlm.idempotency import Reply
from mlm.pagination import DEFAULT_PAGE_SIZE
from mlm.principal import Principal
from mlm.services.registry.requests import read_new_version, read_version_patch
from mlm.services.registry.versions import ModelVersion
from mlm.settings import Role


def _if_match(current: ModelVersion) -> None:
    web.check_if_match(current.to_api())


def _writer(approving: bool) -> Principal:
    # Adding a version is publishing it: the server's publish role (publisher in AWS mode).
    return web.caller(Role.ADMIN if approving else web.container().settings.version_publisher)


def create_model_version(model_name: str, body: dict[str, Any]) -> ConnexionResponse:
    # Who may ask is settled before the body is read (reading refuses a malformed one).
    principal = _writer(body.get("approval_status", "pending") != "pending")

    def create() -> Reply:
        request = read_new_version(body)
        version = web.container().versions.create(
            principal.tenant,
            model_name,
            request,
            principal.actor,
            request_key=web.header("Idempotency-Key"),
        )
        location = f"/v1/models/{model_name}/versions/{version.version}"
        return Reply(body=version.to_api(), status=201, headers={"Location": location})

    return web.respond_once("create_model_version", principal, [model_name, body], create)


def list_model_versions(
    model_name: str,
    approval_status: str | None = None,
    page_size: int = DEFAULT_PAGE_SIZE,
    page_token: str | None = None,
) -> ConnexionResponse:
    principal = web.caller(Role.VIEWER)
    page = web.container().versions.list_versions(
        principal.tenant,
        model_name,
        approval_status=approval_status,
        page_size=page_size,
        page_token=page_token,
    )
    body = {"items": [v.to_api() for v in page.items], "next_page_token": page.next_page_token}
    return web.respond(body)


def get_model_version(model_name: str, version: int) -> ConnexionResponse:
    principal = web.caller(Role.VIEWER)
    found = web.container().versions.get(principal.tenant, model_name, version)
    return web.respond(found.to_api(), etag=True)


def update_model_version(model_name: str, version: int, body: dict[str, Any]) -> ConnexionResponse:
    patch = read_version_patch(body)
    principal = _writer(patch.decides_approval)
    updated = web.container().versions.update(
        principal.tenant, model_name, version, patch, principal.actor, precondition=_if_match
    )
    return web.respond(updated.to_api(), etag=True)


def delete_model_version(model_name: str, version: int) -> ConnexionResponse:
    principal = web.caller(Role.OPERATOR)
    web.container().versions.delete(principal.tenant, model_name, version, precondition=_if_match)
    return web.respond(None, 204)
