"""/v1/endpoints/{endpoint_name}/instances and …/metrics (operationIds = function names)."""

from __future__ import annotations

from collections.abc import Sequence

from connexion.lifecycle import ConnexionResponse

from mlm import web
from mlm.services.observability.requests import MetricsRequest
from mlm.services.observability.time_range import parse_time
from mlm.settings import Role


def get_endpoint_instances(endpoint_name: str) -> ConnexionResponse:
    principal = web.caller(Role.VIEWER)
    instances = web.container().observability.instances(principal.tenant, endpoint_name)
    return web.respond(instances.to_api())


def get_endpoint_metrics(
    endpoint_name: str,
    metric: Sequence[str] | None = None,
    start_time: str | None = None,
    end_time: str | None = None,
    period: int | None = None,
    statistic: str | None = None,
) -> ConnexionResponse:
    principal = web.caller(Role.VIEWER)
    request = MetricsRequest(
        metrics=list(metric) if metric else None,
        start=parse_time(start_time, "start_time"),
        end=parse_time(end_time, "end_time"),
        period=period,
        statistic=statistic,
    )
    metrics = web.container().observability.metrics(principal.tenant, endpoint_name, request)
    return web.respond(metrics.to_api())
