"""Percentiles and error rates in GET …/metrics, and p99 latency in the fleet view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from mlm.aws.cloudwatch import CloudWatchMetrics
from mlm.container import Container
from mlm.services.endpoints.requests import NewEndpoint, VariantSpec
from mlm.services.endpoints.service import EndpointService
from mlm.services.observability.fleet import FleetOverview
from mlm.services.observability.requests import MetricsRequest
from mlm.services.observability.service import ObservabilityService
from tests.conftest import Keys
from tests.metric_fixtures import SAGEMAKER, minutes_ago, put
from tests.services.observability.test_service import cloudwatch, deploy, service

__all__ = ["cloudwatch", "deploy", "service"]


def test_p99_latency_is_the_tail_in_milliseconds(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str], cloudwatch: Any
) -> None:
    physical = deploy("ml.g5.2xlarge")
    at = minutes_ago(2)
    for micros in [*([1_000.0] * 99), 900_000.0, 900_000.0]:
        put(cloudwatch, physical, "ModelLatency", micros, namespace=SAGEMAKER, at=at)
    request = MetricsRequest(metrics=["model_latency_ms"], statistic="p99")
    [series] = service.metrics(keys.tenant, "ep", request).series
    assert (series.statistic, series.points) == ("p99", [(at, 900.0)])


def test_the_p99_metric_needs_no_statistic(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str], cloudwatch: Any
) -> None:
    physical = deploy("ml.g5.2xlarge")
    at = minutes_ago(2)
    put(cloudwatch, physical, "ModelLatency", 4_000.0, namespace=SAGEMAKER, at=at)
    request = MetricsRequest(metrics=["model_latency_p99_ms"])
    [series] = service.metrics(keys.tenant, "ep", request).series
    assert (series.unit, series.points) == ("milliseconds", [(at, 4.0)])


def test_the_5xx_error_rate_is_the_percent_of_requests_that_failed(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str], cloudwatch: Any
) -> None:
    physical = deploy("ml.g5.2xlarge")
    at = minutes_ago(2)
    for failed in (1.0, 0.0, 0.0, 0.0):
        put(cloudwatch, physical, "Invocation5XXErrors", failed, namespace=SAGEMAKER, at=at)
    request = MetricsRequest(metrics=["invocation_error_rate_5xx"])
    [series] = service.metrics(keys.tenant, "ep", request).series
    assert (series.unit, series.points) == ("percent", [(at, 25.0)])


def test_an_error_rate_with_another_statistic_is_empty_and_says_why(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str]
) -> None:
    deploy("ml.g5.2xlarge")
    request = MetricsRequest(metrics=["invocation_error_rate_4xx"], statistic="sum")
    [series] = service.metrics(keys.tenant, "ep", request).series
    assert series.points == []
    assert series.note == "invocation_error_rate_4xx is defined by the average statistic only"


def test_the_fleet_view_shows_p99_model_latency(
    container: Container,
    endpoint_service: EndpointService,
    keys: Keys,
    make_version: Callable[..., int],
) -> None:
    make_version()
    spec = VariantSpec(model_name="chat", model_version=1, instance_type="ml.g5.2xlarge")
    endpoint_service.create(keys.tenant, NewEndpoint("fleet-ep", [spec]))
    cw = container.clients.cloudwatch()
    physical = f"mlm-{keys.tenant}-fleet-ep"
    for micros in (2_000.0, 3_000.0, 50_000.0):
        put(cw, physical, "ModelLatency", micros, namespace=SAGEMAKER)
    overview = FleetOverview(
        container.indexed_endpoints, container.catalog, CloudWatchMetrics(cw), 0
    )
    [(_, observed)] = overview.list_endpoints(keys.tenant).items
    assert observed.variants[0].figures["model_latency_p99_ms"].value == 50.0
