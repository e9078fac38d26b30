"""CloudWatchMetrics adapter against the emulator."""

from __future__ import annotations

from collections import Counter
from typing import Any

from mlm.aws.cloudwatch import CloudWatchMetrics, MetricQuery
from mlm.container import Container
from tests.botocore_hooks import hooked
from tests.conftest import Keys
from tests.metric_fixtures import minutes_ago, put

NS = "/aws/sagemaker/Endpoints"


def query(endpoint: str, metric: str = "GPUUtilization") -> MetricQuery:
    dims = (("EndpointName", endpoint), ("VariantName", "primary"))
    return MetricQuery(NS, metric, dims, "Average", 60)


def test_more_than_500_queries_are_split_into_calls_of_500(
    container: Container, keys: Keys
) -> None:
    client = container.clients.cloudwatch()
    seen: Counter[int] = Counter()

    def count(params: dict[str, Any], **_: Any) -> None:
        seen[len(params["MetricDataQueries"])] += 1

    with hooked(client, "provide-client-params.cloudwatch.GetMetricData", count):
        queries = [query(f"mlm-{keys.tenant}-e{i}") for i in range(1001)]
        series = CloudWatchMetrics(client).get_metric_data(queries, minutes_ago(5), minutes_ago(0))
    assert seen == Counter({500: 2, 1: 1})
    assert len(series) == 1001


def test_series_come_back_in_query_order_oldest_first(container: Container, keys: Keys) -> None:
    client = container.clients.cloudwatch()
    a, b = f"mlm-{keys.tenant}-a", f"mlm-{keys.tenant}-b"
    put(client, b, "GPUUtilization", 1.0, at=minutes_ago(3))
    put(client, b, "GPUUtilization", 2.0, at=minutes_ago(2))
    series = CloudWatchMetrics(client).get_metric_data(
        [query(a), query(b)], minutes_ago(10), minutes_ago(0)
    )
    assert (series[0].values, series[1].values) == ([], [1.0, 2.0])
    assert series[1].timestamps == [minutes_ago(3), minutes_ago(2)]


def test_dimension_sets_find_per_instance_series(container: Container, keys: Keys) -> None:
    client = container.clients.cloudwatch()
    endpoint = f"mlm-{keys.tenant}-ep"
    put(client, endpoint, "CPUUtilization", 5.0, instance_id="i-1")
    found = CloudWatchMetrics(client).dimension_sets({"EndpointName": endpoint})
    assert (
        NS,
        "CPUUtilization",
        {"EndpointName": endpoint, "VariantName": "primary", "InstanceId": "i-1"},
    ) in found
