"""/v1/endpoints — SageMaker real-time endpoints (operationIds = function names)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from connexion.lifecycle import ConnexionResponse

from mlm import web
from mlm.idempotency import Reply
from mlm.services.endpoints.data_capture import DataCaptureSpec
from mlm.services.endpoints.requests import (
    AutoRollback,
    BatchSize,
    Deployment,
    NewEndpoint,
    RollbackAlarm,
    VariantChange,
    VariantSpec,
)
from mlm.services.endpoints.views import Endpoint
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
        data_capture=_data_capture(body.get("data_capture")),
    )

    def create() -> Reply:
        key = web.header("Idempotency-Key")
        endpoint = web.container().endpoints.create(principal.tenant, request, key)
        return Reply(body=endpoint.to_api(), status=202, headers=_location(endpoint))

    return web.respond_once("create_endpoint", principal, body, create)


def list_endpoints(
    status: str | None = None,
    model_name: str | None = None,
    page_size: int = 50,
    page_token: str | None = None,
    view: str = "summary",
) -> ConnexionResponse:
    principal = web.caller(Role.VIEWER)
    rt, tenant = web.container(), principal.tenant
    items: list[dict[str, Any]]
    if view == "overview":
        fleet = rt.fleet.list_endpoints(tenant, status, model_name, page_size, page_token)
        items = [e.to_api() | {"observability": o.to_api()} for e, o in fleet.items]
        next_token = fleet.next_page_token
    else:
        # Filtered lists come from the fleet index (no Describe per endpoint); the plain
        # list pages over ListEndpoints and describes only its page.
        lister = rt.endpoints if status is None and model_name is None else rt.indexed_endpoints
        page = lister.list_endpoints(tenant, status, model_name, page_size, page_token)
        items = [e.to_api() for e in page.items]
        next_token = page.next_page_token
    return web.respond({"items": items, "next_page_token": next_token})


def get_endpoint(endpoint_name: str) -> ConnexionResponse:
    principal = web.caller(Role.VIEWER)
    rt = web.container()
    endpoint = rt.endpoints.get(principal.tenant, endpoint_name)
    body = endpoint.to_api()
    # The ETag covers the endpoint itself (what If-Match compares), not its alarms' states.
    etag = web.etag_of(body)
    body["alarms"] = [a.to_api() for a in rt.alarms.for_view(principal.tenant, endpoint)]
    body["autoscaling"] = rt.autoscaling.for_view(principal.tenant, endpoint).to_api()
    return web.respond(body, headers={"ETag": etag})


def update_endpoint(endpoint_name: str, body: Mapping[str, Any]) -> ConnexionResponse:
    principal = web.caller(Role.OPERATOR)
    changes = [
        VariantChange(
            name=v["name"],
            instance_count=v.get("instance_count"),
            weight=None if v.get("weight") is None else float(v["weight"]),
            instance_type=v.get("instance_type"),
            model_version=v.get("model_version"),
        )
        for v in body.get("variants") or []
    ]
    endpoint = web.container().endpoints.update(
        principal.tenant,
        endpoint_name,
        changes,
        _deployment(body.get("deployment")),
        precondition=_if_match,
        data_capture=_data_capture(body.get("data_capture")),
    )
    return web.respond(endpoint.to_api(), status=202, headers=_location(endpoint))


def _deployment(raw: Mapping[str, Any] | None) -> Deployment | None:
    if raw is None:
        return None
    guard = raw.get("auto_rollback")
    return Deployment(
        strategy=raw.get("strategy", "all_at_once"),
        traffic_percent=raw.get("traffic_percent"),
        wait_seconds=int(raw.get("wait_seconds", 0)),
        termination_wait_seconds=int(raw.get("termination_wait_seconds", 0)),
        auto_rollback=None
        if guard is None
        else AutoRollback(
            alarms=tuple(
                RollbackAlarm(
                    kind=a["kind"],
                    threshold=None if a.get("threshold") is None else float(a["threshold"]),
                    evaluation_periods=int(a.get("evaluation_periods", 1)),
                )
                for a in guard.get("alarms") or []
            ),
            alarm_names=tuple(guard.get("alarm_names") or []),
        ),
        maximum_execution_seconds=raw.get("maximum_execution_seconds"),
        batch_size=_batch_size(raw.get("batch_size")),
        rollback_batch_size=_batch_size(raw.get("rollback_batch_size")),
    )


def _batch_size(raw: Mapping[str, Any] | None) -> BatchSize | None:
    return None if raw is None else BatchSize(unit=str(raw["unit"]), value=int(raw["value"]))


def delete_endpoint(endpoint_name: str) -> ConnexionResponse:
    principal = web.caller(Role.OPERATOR)
    rt = web.container()
    endpoint = rt.endpoints.delete(principal.tenant, endpoint_name, precondition=_if_match)
    rt.alarms.remove_all(principal.tenant, endpoint_name)  # nothing left for them to watch
    return web.respond(endpoint.to_api(), status=202)


def _if_match(current: Endpoint) -> None:
    web.check_if_match(current.to_api())


def _location(endpoint: Endpoint) -> dict[str, str]:
    return {"Location": f"/v1/endpoints/{endpoint.name}"}


def _data_capture(raw: Mapping[str, Any] | None) -> DataCaptureSpec | None:
    if raw is None:
        return None
    defaults = DataCaptureSpec()
    capture = set(raw.get("capture") or ["input", "output"])
    return DataCaptureSpec(
        enabled=bool(raw.get("enabled", True)),
        sampling_percent=int(raw.get("sampling_percent", defaults.sampling_percent)),
        capture_input="input" in capture,
        capture_output="output" in capture,
        csv_content_types=tuple(raw.get("csv_content_types", defaults.csv_content_types)),
        json_content_types=tuple(raw.get("json_content_types", defaults.json_content_types)),
        kms_key_id=raw.get("kms_key_id"),
    )
