"""/v1/endpoints/{endpoint_name}/autoscaling (operationIds = function names)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from connexion.lifecycle import ConnexionResponse

from mlm import web
from mlm.services.autoscaling.requests import Schedule, VariantAutoscaling
from mlm.settings import Role


def get_endpoint_autoscaling(endpoint_name: str) -> ConnexionResponse:
    principal = web.caller(Role.VIEWER)
    scaling = web.container().autoscaling.get(principal.tenant, endpoint_name)
    return web.respond(scaling.to_api())


def put_endpoint_autoscaling(endpoint_name: str, body: Mapping[str, Any]) -> ConnexionResponse:
    principal = web.caller(Role.OPERATOR)
    wanted = [_variant(v) for v in body.get("variants") or []]
    scaling = web.container().autoscaling.put(principal.tenant, endpoint_name, wanted)
    return web.respond(scaling.to_api())


def delete_endpoint_autoscaling(endpoint_name: str) -> ConnexionResponse:
    principal = web.caller(Role.OPERATOR)
    web.container().autoscaling.delete(principal.tenant, endpoint_name)
    return web.respond(None, 204)


def _variant(raw: Mapping[str, Any]) -> VariantAutoscaling:
    defaults = VariantAutoscaling(variant="", min_instances=1, max_instances=1)
    return VariantAutoscaling(
        variant=str(raw["variant"]),
        min_instances=int(raw["min_instances"]),
        max_instances=int(raw["max_instances"]),
        metric=str(raw.get("metric", defaults.metric)),
        target_value=float(raw.get("target_value", defaults.target_value)),
        scale_in_cooldown_seconds=int(
            raw.get("scale_in_cooldown_seconds", defaults.scale_in_cooldown_seconds)
        ),
        scale_out_cooldown_seconds=int(
            raw.get("scale_out_cooldown_seconds", defaults.scale_out_cooldown_seconds)
        ),
        scale_in_enabled=bool(raw.get("scale_in_enabled", True)),
        schedules=tuple(
            Schedule(
                name=str(s["name"]),
                schedule=str(s["schedule"]),
                min_instances=s.get("min_instances"),
                max_instances=s.get("max_instances"),
                timezone=s.get("timezone"),
            )
            for s in raw.get("schedules") or []
        ),
    )
