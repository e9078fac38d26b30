"""Percentile statistics in GetMetricData (emulator patch ``metric_statistics.py``).

AWS docs ("CloudWatch statistics definitions"): "Percentile (p) … p99 is the value below
which 99 percent of the data points fall"; GetMetricData's ``Stat`` accepts them
(``p50``, ``p99``, ``p99.9`` …) like the basic statistics.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from mlm.emulator.patches.metric_statistics import percentile
from tests.conftest import Keys


def _stat(cloudwatch: Any, namespace: str, stat: str) -> list[float]:
    now = datetime.now(UTC)
    answer = cloudwatch.get_metric_data(
        MetricDataQueries=[
            {
                "Id": "q",
                "MetricStat": {
                    "Metric": {"Namespace": namespace, "MetricName": "Latency"},
                    "Period": 3600,
                    "Stat": stat,
                },
            }
        ],
        StartTime=now - timedelta(hours=1),
        EndTime=now + timedelta(minutes=1),
    )
    values: list[float] = answer["MetricDataResults"][0]["Values"]
    return values


@pytest.fixture
def namespace(cloudwatch: Any, keys: Keys) -> str:
    name = f"Test/{keys.tenant}"
    at = datetime.now(UTC) - timedelta(minutes=1)
    data = [{"MetricName": "Latency", "Value": float(v), "Timestamp": at} for v in range(1, 101)]
    cloudwatch.put_metric_data(Namespace=name, MetricData=data)
    return name


def test_p99_is_the_value_99_percent_of_points_are_at_or_below(
    cloudwatch: Any, namespace: str
) -> None:
    assert _stat(cloudwatch, namespace, "p99") == [99.0]


def test_p50_is_the_median(cloudwatch: Any, namespace: str) -> None:
    assert _stat(cloudwatch, namespace, "p50") == [50.0]


def test_basic_statistics_are_unchanged(cloudwatch: Any, namespace: str) -> None:
    assert _stat(cloudwatch, namespace, "Maximum") == [100.0]


def test_a_percentile_of_one_value_is_that_value() -> None:
    assert percentile([7.0], 99.9) == 7.0
