"""The alarms MLM offers on an endpoint's variants, and what each is in CloudWatch.

- ``error_rate_5xx``: percent of invocations answered 5xx, ``100 * Sum(Invocation5XXErrors)
  / Sum(Invocations)`` (metric math), above the threshold; a quiet minute is not a breach.
- ``latency_p99_ms``: the 99th percentile of ModelLatency (microseconds in CloudWatch)
  above the threshold in milliseconds.
- ``no_traffic``: fewer invocations a minute (Sum) than the threshold (default 1); a
  minute without any datapoint counts as a breach, since no traffic sends none.
- ``gpu_memory_utilization``: GPU memory in use, percent per GPU (CloudWatch reports
  0-100 x the GPU count, so the threshold is multiplied by it), above the threshold.
"""

from __future__ import annotations

from dataclasses import dataclass

SAGEMAKER = "AWS/SageMaker"
ENDPOINTS = "/aws/sagemaker/Endpoints"


@dataclass(frozen=True)
class Kind:
    name: str
    namespace: str
    metric_name: str
    statistic: str
    comparison: str
    treat_missing_data: str
    unit: str
    default_threshold: float | None
    scale: float = 1.0  # API threshold x scale = CloudWatch threshold
    ratio_of: str | None = None
    per_gpu: bool = False
    max_threshold: float | None = None


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind(
            "error_rate_5xx", SAGEMAKER, "Invocation5XXErrors", "Sum", "GreaterThanThreshold",
            "notBreaching", "percent", 5.0, ratio_of="Invocations", max_threshold=100.0,
        ),
        Kind(
            "latency_p99_ms", SAGEMAKER, "ModelLatency", "p99", "GreaterThanThreshold",
            "notBreaching", "milliseconds", None, scale=1000.0,
        ),
        Kind(
            "no_traffic", SAGEMAKER, "Invocations", "Sum", "LessThanThreshold", "breaching",
            "invocations per minute", 1.0,
        ),
        Kind(
            "gpu_memory_utilization", ENDPOINTS, "GPUMemoryUtilization", "Average",
            "GreaterThanThreshold", "notBreaching", "percent", 90.0, per_gpu=True,
            max_threshold=100.0,
        ),
    )
}  # fmt: skip
