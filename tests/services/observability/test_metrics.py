"""GET …/metrics logic: ObservabilityService.metrics against the emulator (no HTTP)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from mlm.errors import BadRequest
from mlm.services.observability import figures as fig
from mlm.services.observability.requests import MetricsRequest
from mlm.services.observability.service import ObservabilityService
from tests.conftest import Keys
from tests.metric_fixtures import SAGEMAKER, minutes_ago, put
from tests.services.observability.test_service import cloudwatch, deploy, service

__all__ = ["cloudwatch", "deploy", "service"]  # fixtures shared with test_observability


def test_latency_is_converted_from_microseconds_to_milliseconds(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str], cloudwatch: Any
) -> None:
    physical = deploy("ml.g5.2xlarge")
    at = minutes_ago(2)
    put(cloudwatch, physical, "ModelLatency", 12_500.0, namespace=SAGEMAKER, at=at)
    result = service.metrics(keys.tenant, "ep", MetricsRequest(metrics=["model_latency_ms"]))
    [series] = result.series
    assert (series.unit, series.statistic, series.points) == (
        "milliseconds",
        "average",
        [(at, 12.5)],
    )


def test_defaults_are_every_metric_over_the_last_hour_at_60_seconds(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str]
) -> None:
    deploy("ml.g5.2xlarge")
    result = service.metrics(keys.tenant, "ep", MetricsRequest())
    assert result.time.period == 60
    assert timedelta(minutes=60) <= result.time.end - result.time.start < timedelta(minutes=61)
    assert {s.metric for s in result.series} == set(fig.METRICS)


def test_counts_default_to_sums(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str], cloudwatch: Any
) -> None:
    physical = deploy("ml.g5.2xlarge")
    at = minutes_ago(2)
    for _ in range(3):
        put(cloudwatch, physical, "Invocations", 1.0, namespace=SAGEMAKER, at=at)
    [series] = service.metrics(keys.tenant, "ep", MetricsRequest(metrics=["invocations"])).series
    assert (series.unit, series.statistic, series.points) == ("count", "sum", [(at, 3.0)])


def test_gpu_series_are_per_gpu(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str], cloudwatch: Any
) -> None:
    physical = deploy("ml.g5.12xlarge")
    put(cloudwatch, physical, "GPUUtilization", 200.0)
    [series] = service.metrics(
        keys.tenant, "ep", MetricsRequest(metrics=["gpu_utilization"], statistic="maximum")
    ).series
    assert (series.unit, [v for _, v in series.points]) == ("percent", [50.0])


def test_a_sample_count_is_never_scaled(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str], cloudwatch: Any
) -> None:
    physical = deploy("ml.g5.12xlarge")
    put(cloudwatch, physical, "GPUUtilization", 200.0)
    request = MetricsRequest(metrics=["gpu_utilization"], statistic="sample_count")
    [series] = service.metrics(keys.tenant, "ep", request).series
    assert (series.unit, [v for _, v in series.points]) == ("count", [1.0])


def test_gpu_series_of_a_type_without_gpu_are_empty_with_a_note(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str]
) -> None:
    deploy("ml.m5.large")
    [series] = service.metrics(
        keys.tenant, "ep", MetricsRequest(metrics=["gpu_utilization"])
    ).series
    assert (series.points, series.note) == ([], "no GPU metrics: ml.m5.large has no GPU")


def test_an_enhanced_endpoint_has_per_instance_series_beside_the_variants(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str], cloudwatch: Any
) -> None:
    physical = deploy("ml.g5.2xlarge", enhanced=True)
    put(cloudwatch, physical, "MemoryUtilization", 40.0, instance_id="i-7")
    result = service.metrics(keys.tenant, "ep", MetricsRequest(metrics=["memory_utilization"]))
    assert [(s.variant, s.instance_id) for s in result.series] == [
        ("primary", None),
        ("primary", "i-7"),
    ]
    assert [v for _, v in result.series[1].points] == [40.0]


def test_a_too_wide_range_is_refused_before_asking_aws(
    service: ObservabilityService, keys: Keys
) -> None:
    request = MetricsRequest(start=minutes_ago(60 * 48), period=60)
    with pytest.raises(BadRequest) as error:
        service.metrics(keys.tenant, "no-such-endpoint", request)
    assert error.value.code == "TIME_RANGE_TOO_WIDE"
