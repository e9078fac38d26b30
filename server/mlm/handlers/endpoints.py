"""/v1/endpoints — SageMaker real-time endpoints (operationIds = function names)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from connexion.lifecycle import ConnexionResponse

from mlm import web
from mlm.services.endpoint_requests import Deployment, NewEndpoint, VariantChange, VariantSpec
from mlm.services.endpoint_views import Endpoint
from mlm.settings import Role


def create_endpoint(body: Mapping[str, Any]) -> ConnexionResponse:
    principal = web.caller(Role.OPERATOR)
    request = NewEndpoint(
        name=body["name"],
        variants=[
            VariantSpec(
                name=v.get("name", "primary"),
                model_name=v["model_name"],
                model_version=int(v["model_version"]),
                instance_type=v["instance_type"],
                instance_count=int(v.get("instance_count", 1)),
                initial_weight=float(v.get("initial_weight", 1.0)),
            )
            for v in body["variants"]
        ],
        enhanced_metrics=bool(body.get("enhanced_metrics", False)),
        tags=dict(body.get("tags") or {}),
    )
    endpoint = web.runtime().endpoints.create(principal.tenant, request)
    return web.respond(to_body(endpoint), status=202, headers=_location(endpoint))


def list_endpoints(
    status: str | None = None,
    model_name: str | None = None,
    page_size: int = 50,
    page_token: str | None = None,
) -> ConnexionResponse:
    principal = web.caller(Role.VIEWER)
    page = web.runtime().endpoints.list_endpoints(
        principal.tenant,
        status=status,
        model_name=model_name,
        page_size=page_size,
        page_token=page_token,
    )
    body = {"items": [to_body(e) for e in page.items], "next_page_token": page.next_page_token}
    return web.respond(body)


def get_endpoint(endpoint_name: str) -> ConnexionResponse:
    principal = web.caller(Role.VIEWER)
    endpoint = web.runtime().endpoints.get(principal.tenant, endpoint_name)
    return web.respond(to_body(endpoint), etag=True)


def update_endpoint(endpoint_name: str, body: Mapping[str, Any]) -> ConnexionResponse:
    principal = web.caller(Role.OPERATOR)
    service = web.runtime().endpoints
    _check_if_match(principal.tenant, endpoint_name)
    changes = [
        VariantChange(
            name=v["name"],
            instance_count=v.get("instance_count"),
            weight=None if v.get("weight") is None else float(v["weight"]),
            instance_type=v.get("instance_type"),
            model_version=v.get("model_version"),
        )
        for v in body["variants"]
    ]
    raw = body.get("deployment")
    deployment = (
        None
        if raw is None
        else Deployment(
            strategy=raw.get("strategy", "all_at_once"),
            traffic_percent=raw.get("traffic_percent"),
            wait_seconds=int(raw.get("wait_seconds", 0)),
            termination_wait_seconds=int(raw.get("termination_wait_seconds", 0)),
        )
    )
    endpoint = service.update(principal.tenant, endpoint_name, changes, deployment)
    return web.respond(to_body(endpoint), status=202, headers=_location(endpoint))


def delete_endpoint(endpoint_name: str) -> ConnexionResponse:
    principal = web.caller(Role.OPERATOR)
    service = web.runtime().endpoints
    _check_if_match(principal.tenant, endpoint_name)
    endpoint = service.delete(principal.tenant, endpoint_name)
    return web.respond(to_body(endpoint), status=202)


def to_body(endpoint: Endpoint) -> dict[str, Any]:
    return {
        "name": endpoint.name,
        "status": endpoint.status,
        "failure_reason": endpoint.failure_reason,
        "variants": [
            {
                "name": v.name,
                "model_name": v.model_name,
                "model_version": v.model_version,
                "instance_type": v.instance_type,
                "current_instance_count": v.current_instance_count,
                "desired_instance_count": v.desired_instance_count,
                "current_weight": v.current_weight,
                "desired_weight": v.desired_weight,
                "status": v.status,
            }
            for v in endpoint.variants
        ],
        "enhanced_metrics": endpoint.enhanced_metrics,
        "tags": endpoint.tags,
        "created_at": _rfc3339(endpoint.created_at),
        "updated_at": _rfc3339(endpoint.updated_at),
    }


def _check_if_match(tenant: str, endpoint_name: str) -> None:
    # Only read the endpoint when the client sent If-Match (412 on a stale copy).
    if web.header("If-Match") is not None:
        web.check_if_match(to_body(web.runtime().endpoints.get(tenant, endpoint_name)))


def _location(endpoint: Endpoint) -> dict[str, str]:
    return {"Location": f"/v1/endpoints/{endpoint.name}"}


def _rfc3339(moment: datetime) -> str:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
