"""GET …/instances logic: ObservabilityService.instances against the emulator (no HTTP)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from mlm.aws.cloudwatch import CloudWatchMetrics
from mlm.container import Container
from mlm.errors import NotFound
from mlm.services.endpoints.requests import NewEndpoint, VariantSpec
from mlm.services.endpoints.service import EndpointService
from mlm.services.observability.service import ObservabilityService
from tests.conftest import Keys
from tests.metric_fixtures import SAGEMAKER, minutes_ago, put
from tests.polling import poll

MakeVersion = Callable[..., int]
ONE_MINUTE = timedelta(minutes=1)


@pytest.fixture
def service(container: Container, endpoint_service: EndpointService) -> ObservabilityService:
    return ObservabilityService(
        endpoints=endpoint_service,
        hardware=container.catalog,
        cloudwatch=CloudWatchMetrics(container.clients.cloudwatch()),
    )


@pytest.fixture
def cloudwatch(container: Container) -> Any:
    return container.clients.cloudwatch()


@pytest.fixture
def deploy(
    endpoint_service: EndpointService, keys: Keys, make_version: MakeVersion
) -> Callable[..., str]:
    """Deploys 'ep' on ``instance_type`` and waits until in service → its physical name."""

    def run(instance_type: str = "ml.g5.12xlarge", enhanced: bool = False, count: int = 1) -> str:
        make_version()
        spec = VariantSpec(
            name="primary",
            model_name="chat",
            model_version=1,
            instance_type=instance_type,
            instance_count=count,
        )
        endpoint_service.create(keys.tenant, NewEndpoint("ep", [spec], enhanced_metrics=enhanced))
        poll(
            lambda: endpoint_service.get(keys.tenant, "ep").status,
            lambda status: status == "in_service",
            "ep to be in_service",
        )
        return f"mlm-{keys.tenant}-ep"

    return run


def test_variant_figures_are_aggregates_when_enhanced_metrics_are_off(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str]
) -> None:
    deploy()
    variant = service.instances(keys.tenant, "ep").variants[0]
    assert (variant.scope, variant.instances) == ("variant", [])
    assert variant.aggregates is not None
    assert "enhanced metrics are off" in (variant.scope_reason or "")


def test_gpu_utilization_is_reported_per_gpu(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str], cloudwatch: Any
) -> None:
    physical = deploy("ml.g5.12xlarge")  # 4 GPUs: CloudWatch's 200 is 50 per GPU
    put(cloudwatch, physical, "GPUUtilization", 200.0)
    variant = service.instances(keys.tenant, "ep").variants[0]
    assert variant.gpu_count == 4
    assert variant.aggregates is not None
    assert variant.aggregates["gpu_utilization"].average == 50.0


def test_gpu_memory_utilization_is_reported_per_gpu(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str], cloudwatch: Any
) -> None:
    physical = deploy("ml.g5.12xlarge")
    put(cloudwatch, physical, "GPUMemoryUtilization", 300.0)
    aggregates = service.instances(keys.tenant, "ep").variants[0].aggregates
    assert aggregates is not None
    assert aggregates["gpu_memory_utilization"].average == 75.0


def test_cpu_utilization_is_reported_per_vcpu(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str], cloudwatch: Any
) -> None:
    physical = deploy("ml.m5.xlarge")  # 4 vCPUs
    put(cloudwatch, physical, "CPUUtilization", 100.0)
    aggregates = service.instances(keys.tenant, "ep").variants[0].aggregates
    assert aggregates is not None
    assert aggregates["cpu_utilization"].average == 25.0


def test_aggregates_give_average_and_maximum_of_the_newest_period(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str], cloudwatch: Any
) -> None:
    physical = deploy("ml.g5.2xlarge")  # 1 GPU
    at = minutes_ago(3)
    for value in (20.0, 60.0):  # two instances' datapoints in one minute
        put(cloudwatch, physical, "GPUUtilization", value, at=at)
    put(cloudwatch, physical, "GPUUtilization", 90.0, at=at - ONE_MINUTE * 3)  # older: not shown
    aggregates = service.instances(keys.tenant, "ep").variants[0].aggregates
    assert aggregates is not None
    figure = aggregates["gpu_utilization"]
    assert (figure.average, figure.maximum, figure.timestamp) == (40.0, 60.0, at)


def test_in_flight_requests_come_from_concurrent_requests_per_model(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str], cloudwatch: Any
) -> None:
    physical = deploy("ml.g5.2xlarge")
    put(cloudwatch, physical, "ConcurrentRequestsPerModel", 7.0, namespace=SAGEMAKER)
    variant = service.instances(keys.tenant, "ep").variants[0]
    assert variant.aggregates is not None
    assert variant.aggregates["in_flight_requests"].maximum == 7.0
    assert variant.explanations["in_flight"] is None


def test_figures_without_data_are_null_and_explained(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str]
) -> None:
    deploy("ml.g5.2xlarge")
    variant = service.instances(keys.tenant, "ep").variants[0]
    assert variant.aggregates is not None
    assert all(a.average is None and a.timestamp is None for a in variant.aggregates.values())
    assert variant.explanations == {
        "gpu": "no datapoints in the last 10 minutes",
        "host": "no datapoints in the last 10 minutes",
        "in_flight": "no datapoints in the last 10 minutes",
    }


def test_an_instance_type_without_gpu_explains_why_gpu_figures_are_null(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str], cloudwatch: Any
) -> None:
    physical = deploy("ml.m5.large")
    put(cloudwatch, physical, "GPUUtilization", 10.0)  # whatever arrives, no GPU means no figure
    variant = service.instances(keys.tenant, "ep").variants[0]
    assert variant.gpu_count == 0
    assert variant.aggregates is not None
    assert variant.aggregates["gpu_utilization"].average is None
    assert variant.explanations["gpu"] == "no GPU metrics: ml.m5.large has no GPU"


def test_an_enhanced_endpoint_shows_one_row_per_instance(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str], cloudwatch: Any
) -> None:
    physical = deploy("ml.g5.12xlarge", enhanced=True, count=2)
    put(cloudwatch, physical, "GPUUtilization", 400.0, instance_id="i-0aaa")
    put(cloudwatch, physical, "GPUUtilization", 100.0, instance_id="i-0bbb")
    put(cloudwatch, physical, "MemoryUtilization", 33.0, instance_id="i-0bbb")
    variant = service.instances(keys.tenant, "ep").variants[0]
    assert (variant.scope, variant.aggregates) == ("instance", None)
    rows = {row.instance_id: row.figures for row in variant.instances}
    assert sorted(rows) == ["i-0aaa", "i-0bbb"]
    assert rows["i-0aaa"]["gpu_utilization"].value == 100.0
    assert rows["i-0bbb"]["gpu_utilization"].value == 25.0
    assert rows["i-0aaa"]["memory_utilization"].value is None
    assert rows["i-0bbb"]["memory_utilization"].value == 33.0


def test_a_figure_carries_the_time_of_its_newest_datapoint(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str], cloudwatch: Any
) -> None:
    physical = deploy("ml.g5.2xlarge", enhanced=True)
    newest = minutes_ago(2)
    put(cloudwatch, physical, "CPUUtilization", 80.0, instance_id="i-1", at=newest - ONE_MINUTE * 3)
    put(cloudwatch, physical, "CPUUtilization", 40.0, instance_id="i-1", at=newest)
    row = service.instances(keys.tenant, "ep").variants[0].instances[0]
    figure = row.figures["cpu_utilization"]
    assert (figure.value, figure.timestamp) == (5.0, newest)  # ml.g5.2xlarge: 8 vCPUs


def test_an_enhanced_endpoint_without_per_instance_series_says_so(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str]
) -> None:
    deploy("ml.g5.2xlarge", enhanced=True)
    variant = service.instances(keys.tenant, "ep").variants[0]
    assert variant.scope == "variant"
    assert "no per-instance series" in (variant.scope_reason or "")


def test_another_tenants_endpoint_is_not_found(
    service: ObservabilityService, keys: Keys, deploy: Callable[..., str]
) -> None:
    deploy()
    with pytest.raises(NotFound):
        service.instances(keys.other_tenant, "ep")
