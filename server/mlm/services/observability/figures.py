"""What each observable figure is in CloudWatch, and how its raw values become API values.

AWS_FACTS.md, "Metrics": GPU figures arrive as 0-100 x the instance's GPU count and CPU
as 0-100 x its vCPU count; the API reports them per GPU / per vCPU (0-100). Latencies
arrive in microseconds and leave in milliseconds. A figure that cannot be normalised
honestly (unknown GPU count, no GPU at all) is not shown; the reason is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from mlm.aws.cloudwatch import MetricSeries
from mlm.timestamps import rfc3339

ENDPOINTS_NAMESPACE = "/aws/sagemaker/Endpoints"
SAGEMAKER_NAMESPACE = "AWS/SageMaker"

# "Latest" figures come from the newest datapoint of this window, at this period.
LATEST_WINDOW = timedelta(minutes=10)
LATEST_PERIOD_SECONDS = 60

# API statistic → CloudWatch's spelling.
STATISTICS = {
    "average": "Average",
    "maximum": "Maximum",
    "minimum": "Minimum",
    "sum": "Sum",
    "sample_count": "SampleCount",
    # Percentiles (CloudWatch extended statistics): a latency's tail, not its mean.
    "p50": "p50",
    "p90": "p90",
    "p99": "p99",
}

GPU, HOST, IN_FLIGHT, TRAFFIC, LATENCY = "gpu", "host", "in_flight", "traffic", "latency"


@dataclass(frozen=True)
class MetricSpec:
    name: str  # the API's name
    namespace: str
    aws_name: str
    family: str
    unit: str  # the API's unit, after conversion
    default_statistic: str  # API spelling
    per: str | None = None  # "gpu" | "vcpu": divide by that count of the instance type
    divisor: float = 1.0  # fixed conversion (µs → ms)
    only_statistic: str | None = None  # the one statistic that means what the name says


METRICS: dict[str, MetricSpec] = {
    m.name: m
    for m in (
        MetricSpec(
            "gpu_utilization", ENDPOINTS_NAMESPACE, "GPUUtilization", GPU, "percent", "average",
            per="gpu",
        ),
        MetricSpec(
            "gpu_memory_utilization", ENDPOINTS_NAMESPACE, "GPUMemoryUtilization", GPU,
            "percent", "average", per="gpu",
        ),
        MetricSpec(
            "cpu_utilization", ENDPOINTS_NAMESPACE, "CPUUtilization", HOST, "percent", "average",
            per="vcpu",
        ),
        MetricSpec(
            "memory_utilization", ENDPOINTS_NAMESPACE, "MemoryUtilization", HOST, "percent",
            "average",
        ),
        MetricSpec(
            "invocations", SAGEMAKER_NAMESPACE, "Invocations", TRAFFIC, "count", "sum",
        ),
        MetricSpec(
            "invocation_errors_4xx", SAGEMAKER_NAMESPACE, "Invocation4XXErrors", TRAFFIC,
            "count", "sum",
        ),
        MetricSpec(
            "invocation_errors_5xx", SAGEMAKER_NAMESPACE, "Invocation5XXErrors", TRAFFIC,
            "count", "sum",
        ),
        # SageMaker sends 1 or 0 per request for these, so their Average is the share of
        # requests that failed (AWS: "Valid statistics: Average, Sum"); x100 for percent.
        MetricSpec(
            "invocation_error_rate_4xx", SAGEMAKER_NAMESPACE, "Invocation4XXErrors", TRAFFIC,
            "percent", "average", divisor=0.01, only_statistic="average",
        ),
        MetricSpec(
            "invocation_error_rate_5xx", SAGEMAKER_NAMESPACE, "Invocation5XXErrors", TRAFFIC,
            "percent", "average", divisor=0.01, only_statistic="average",
        ),
        MetricSpec(
            "model_latency_ms", SAGEMAKER_NAMESPACE, "ModelLatency", LATENCY, "milliseconds",
            "average", divisor=1000.0,
        ),
        # The tail the fleet view shows: 99 % of requests took the model less than this.
        MetricSpec(
            "model_latency_p99_ms", SAGEMAKER_NAMESPACE, "ModelLatency", LATENCY,
            "milliseconds", "p99", divisor=1000.0, only_statistic="p99",
        ),
        MetricSpec(
            "overhead_latency_ms", SAGEMAKER_NAMESPACE, "OverheadLatency", LATENCY,
            "milliseconds", "average", divisor=1000.0,
        ),
        MetricSpec(
            "in_flight_requests", SAGEMAKER_NAMESPACE, "ConcurrentRequestsPerModel", IN_FLIGHT,
            "count", "maximum",
        ),
    )
}  # fmt: skip

# The figures of GET …/instances, in the order rows show them.
INSTANCE_FIGURES = (
    "gpu_utilization",
    "gpu_memory_utilization",
    "cpu_utilization",
    "memory_utilization",
    "in_flight_requests",
)


class Hardware(Protocol):
    """What normalisation needs of an instance type (mlm.catalog.instance_types)."""

    @property
    def gpu_count(self) -> int | None: ...

    @property
    def vcpus(self) -> int | None: ...


@dataclass(frozen=True)
class Conversion:
    """How one series' raw values become API values: ``value / divisor``, in ``unit``."""

    divisor: float
    unit: str


def conversion(
    spec: MetricSpec, statistic: str, instance_type: str | None, hardware: Hardware | None
) -> Conversion | str:
    """The conversion for ``spec`` on this hardware, or why there is none (a sentence)."""
    if statistic == "sample_count":
        return Conversion(1.0, "count")  # how many datapoints: never scaled
    if spec.only_statistic is not None and statistic != spec.only_statistic:
        return f"{spec.name} is defined by the {spec.only_statistic} statistic only"
    if spec.per is None:
        return Conversion(spec.divisor, spec.unit)
    if instance_type is None or hardware is None:
        return f"the instance type is unknown, so {spec.name} cannot be put per {spec.per}"
    count = hardware.gpu_count if spec.per == "gpu" else hardware.vcpus
    if spec.per == "gpu" and count == 0:
        return f"no GPU metrics: {instance_type} has no GPU"
    if count is None or count <= 0:
        return (
            f"the {spec.per} count of {instance_type} is unknown, so {spec.name} "
            f"cannot be put per {spec.per}"
        )
    return Conversion(spec.divisor * count, spec.unit)


@dataclass(frozen=True)
class Figure:
    """The newest datapoint of one series, converted; both None when there is none."""

    value: float | None
    timestamp: datetime | None

    @classmethod
    def latest(cls, series: MetricSeries | None, convert: Conversion | str) -> Figure:
        point = series.latest() if series is not None else None
        if point is None or isinstance(convert, str):
            return cls(None, None)
        return cls(round(point[1] / convert.divisor, 3), point[0])

    def to_api(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "timestamp": None if self.timestamp is None else rfc3339(self.timestamp),
        }


def latest_window(now: datetime) -> tuple[datetime, datetime]:
    """The window "latest" figures come from, its start on a whole period (as CloudWatch
    aligns periods), so a figure's timestamp is the start of the minute it covers."""
    start = now - LATEST_WINDOW
    start -= timedelta(seconds=start.second % LATEST_PERIOD_SECONDS, microseconds=start.microsecond)
    return start, now


def no_data_reason(window: timedelta = LATEST_WINDOW) -> str:
    return f"no datapoints in the last {int(window.total_seconds() // 60)} minutes"
