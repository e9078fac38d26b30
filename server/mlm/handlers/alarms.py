"""/v1/endpoints/{endpoint_name}/alarms and …/alarms/subscriptions (operationIds =
function names)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from connexion.lifecycle import ConnexionResponse

from mlm import web
from mlm.services.alarms.service import AlarmRequest
from mlm.settings import Role


def get_endpoint_alarms(endpoint_name: str) -> ConnexionResponse:
    principal = web.caller(Role.VIEWER)
    alarms = web.container().alarms.get(principal.tenant, endpoint_name)
    return web.respond(alarms.to_api())


def put_endpoint_alarms(endpoint_name: str, body: Mapping[str, Any]) -> ConnexionResponse:
    principal = web.caller(Role.OPERATOR)
    wanted = [
        AlarmRequest(
            kind=str(a["kind"]),
            threshold=None if a.get("threshold") is None else float(a["threshold"]),
            evaluation_periods=int(a.get("evaluation_periods", 1)),
        )
        for a in body.get("alarms") or []
    ]
    alarms = web.container().alarms.put(principal.tenant, endpoint_name, wanted)
    return web.respond(alarms.to_api())


def subscribe_to_endpoint_alarms(endpoint_name: str, body: Mapping[str, Any]) -> ConnexionResponse:
    principal = web.caller(Role.OPERATOR)
    made = web.container().alarms.subscribe(
        principal.tenant, endpoint_name, str(body["protocol"]), str(body["endpoint"])
    )
    confirmed = made.arn.startswith("arn:")
    return web.respond(
        {"protocol": made.protocol, "endpoint": made.endpoint, "confirmed": confirmed}, 201
    )
