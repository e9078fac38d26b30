"""?view=overview logic: FleetOverview against the emulator, counting AWS calls."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from mlm.aws.cloudwatch import CloudWatchMetrics
from mlm.container import Container
from mlm.services.endpoints.requests import NewEndpoint, VariantSpec
from mlm.services.endpoints.service import EndpointService
from mlm.services.observability.fleet import FleetOverview
from tests.botocore_hooks import hooked
from tests.conftest import Keys
from tests.metric_fixtures import SAGEMAKER, put
from tests.polling import poll

MakeVersion = Callable[..., int]
N_ENDPOINTS = 4
QUERIES_PER_VARIANT = 3  # GPU utilization, in-flight requests, p99 model latency


@pytest.fixture
def calls(container: Container) -> Iterator[Counter[str]]:
    """AWS operations the runtime's clients make, by name (a botocore event hook)."""
    counted: Counter[str] = Counter()

    def count(model: Any, **_: Any) -> None:
        counted[model.name] += 1

    with (
        hooked(container.clients.sagemaker(), "before-call", count),
        hooked(container.clients.cloudwatch(), "before-call", count),
    ):
        yield counted


def fleet(container: Container, endpoints: EndpointService, ttl: float = 0.0) -> FleetOverview:
    """The overview over the tenant's fleet index (built from AWS on its first read)."""
    cloudwatch = CloudWatchMetrics(container.clients.cloudwatch())
    return FleetOverview(container.indexed_endpoints, container.catalog, cloudwatch, ttl)


def settled(container: Container, tenant: str) -> None:
    """Wait until the index holds every endpoint in service (none to read again)."""
    poll(
        lambda: container.fleet_index.snapshot(tenant).entries,
        lambda entries: (
            len(entries) == N_ENDPOINTS and all(e.endpoint.status == "in_service" for e in entries)
        ),
        "the fleet index to settle",
    )


@pytest.fixture
def endpoints(
    endpoint_service: EndpointService, keys: Keys, make_version: MakeVersion
) -> list[str]:
    """N_ENDPOINTS endpoints on ml.g5.12xlarge (4 GPUs) → their physical names."""
    make_version()
    for i in range(N_ENDPOINTS):
        spec = VariantSpec(
            name="primary", model_name="chat", model_version=1, instance_type="ml.g5.12xlarge"
        )
        endpoint_service.create(keys.tenant, NewEndpoint(f"ep-{i}", [spec]))
    return [f"mlm-{keys.tenant}-ep-{i}" for i in range(N_ENDPOINTS)]


def test_overview_reads_every_endpoints_figures_in_batched_calls(
    container: Container,
    endpoint_service: EndpointService,
    keys: Keys,
    endpoints: list[str],
    calls: Counter[str],
) -> None:
    settled(container, keys.tenant)
    calls.clear()
    page = fleet(container, endpoint_service).list_endpoints(keys.tenant, page_size=100)
    assert len(page.items) == N_ENDPOINTS
    assert calls["GetMetricData"] <= math.ceil(N_ENDPOINTS * QUERIES_PER_VARIANT / 500)
    assert calls["GetMetricStatistics"] == 0
    assert calls["DescribeEndpoint"] == 0  # the fleet index, not a Describe per endpoint


def test_overview_figures_are_per_gpu_with_in_flight_requests(
    container: Container, endpoint_service: EndpointService, keys: Keys, endpoints: list[str]
) -> None:
    cloudwatch = container.clients.cloudwatch()
    put(cloudwatch, endpoints[1], "GPUUtilization", 200.0)
    put(cloudwatch, endpoints[1], "ConcurrentRequestsPerModel", 3.0, namespace=SAGEMAKER)
    page = fleet(container, endpoint_service).list_endpoints(keys.tenant)
    by_name = {e.name: o for e, o in page.items}
    variant = by_name["ep-1"].variants[0]
    assert variant.figures["gpu_utilization"].value == 50.0
    assert variant.figures["in_flight_requests"].value == 3.0
    quiet = by_name["ep-0"].variants[0]
    assert quiet.figures["gpu_utilization"].value is None
    assert quiet.explanations["gpu"] == "no datapoints in the last 10 minutes"


def test_overview_reuses_figures_read_within_the_ttl(
    container: Container,
    endpoint_service: EndpointService,
    keys: Keys,
    endpoints: list[str],
    calls: Counter[str],
) -> None:
    overview = fleet(container, endpoint_service, ttl=300.0)
    first = overview.list_endpoints(keys.tenant)
    calls.clear()
    second = overview.list_endpoints(keys.tenant)
    assert calls["GetMetricData"] == 0
    assert [o.as_of for _, o in second.items] == [o.as_of for _, o in first.items]
    assert all(o.cache_age_seconds >= 0 for _, o in second.items)
