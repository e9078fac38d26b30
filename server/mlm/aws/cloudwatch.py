"""CloudWatch metrics: batched GetMetricData reads and ListMetrics dimension discovery.

Queries are numbered here (GetMetricData ids must match ``[a-z][a-zA-Z0-9_]*`` and be
unique per call), so callers pass plain query descriptions and get the series back in the
same order. At most 500 queries go into one call (the AWS limit); batches run side by side.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from mlm.aws.errors import aws_errors

if TYPE_CHECKING:
    from mypy_boto3_cloudwatch import CloudWatchClient

MAX_QUERIES_PER_CALL = 500
# Batches of one read run side by side, few at a time (each returns up to 100,800 points).
_BATCH_WORKERS = 4


@dataclass(frozen=True)
class MetricQuery:
    namespace: str
    metric_name: str
    dimensions: tuple[tuple[str, str], ...]
    stat: str  # CloudWatch's spelling: Average, Maximum, Minimum, Sum, SampleCount
    period: int  # seconds


@dataclass
class MetricSeries:
    """One query's datapoints, oldest first."""

    timestamps: list[datetime] = field(default_factory=list)
    values: list[float] = field(default_factory=list)

    def latest(self) -> tuple[datetime, float] | None:
        if not self.timestamps:
            return None
        return self.timestamps[-1], self.values[-1]


class CloudWatchMetrics:
    def __init__(self, client: CloudWatchClient) -> None:
        self._cw = client

    def get_metric_data(
        self, queries: Sequence[MetricQuery], start: datetime, end: datetime
    ) -> list[MetricSeries]:
        """Every query's series over [start, end), in query order; one call per 500."""
        batches = [
            list(queries[i : i + MAX_QUERIES_PER_CALL])
            for i in range(0, len(queries), MAX_QUERIES_PER_CALL)
        ]
        if len(batches) <= 1:
            answers = [self._one_call(batch, start, end) for batch in batches]
        else:
            with ThreadPoolExecutor(max_workers=min(_BATCH_WORKERS, len(batches))) as pool:
                answers = list(pool.map(lambda b: self._one_call(b, start, end), batches))
        return [series for answer in answers for series in answer]

    def dimension_sets(
        self, dimensions: Mapping[str, str], namespace: str | None = None
    ) -> list[tuple[str, str, dict[str, str]]]:
        """(namespace, metric name, dimensions) of every metric carrying ``dimensions``."""
        found: list[tuple[str, str, dict[str, str]]] = []
        args: dict[str, Any] = {
            "Dimensions": [{"Name": k, "Value": v} for k, v in dimensions.items()]
        }
        if namespace is not None:
            args["Namespace"] = namespace
        with aws_errors():
            for page in self._cw.get_paginator("list_metrics").paginate(**args):
                for metric in page.get("Metrics", []):
                    dims = {d["Name"]: d["Value"] for d in metric.get("Dimensions", [])}
                    found.append((metric.get("Namespace", ""), metric.get("MetricName", ""), dims))
        return found

    def _one_call(
        self, batch: Sequence[MetricQuery], start: datetime, end: datetime
    ) -> list[MetricSeries]:
        series = [MetricSeries() for _ in batch]
        args: dict[str, Any] = {
            "MetricDataQueries": [_query(f"q{i}", q) for i, q in enumerate(batch)],
            "StartTime": start,
            "EndTime": end,
            "ScanBy": "TimestampAscending",
        }
        points: dict[int, dict[datetime, float]] = {i: {} for i in range(len(batch))}
        with aws_errors():
            while True:  # NextToken only when one call's 100,800 datapoints were not enough
                out = self._cw.get_metric_data(**args)
                for result in out.get("MetricDataResults", []):
                    index = int(str(result.get("Id", "q-1"))[1:])
                    stamps = result.get("Timestamps", [])
                    values = result.get("Values", [])
                    points[index].update(zip(stamps, values, strict=False))
                token = out.get("NextToken")
                if not token:
                    break
                args["NextToken"] = token
        for index, by_time in points.items():
            ordered = sorted(by_time.items())
            series[index].timestamps = [t for t, _ in ordered]
            series[index].values = [float(v) for _, v in ordered]
        return series


def _query(query_id: str, q: MetricQuery) -> dict[str, Any]:
    return {
        "Id": query_id,
        "MetricStat": {
            "Metric": {
                "Namespace": q.namespace,
                "MetricName": q.metric_name,
                "Dimensions": [{"Name": k, "Value": v} for k, v in q.dimensions],
            },
            "Period": q.period,
            "Stat": q.stat,
        },
        "ReturnData": True,
    }
