"""The metrics MLM's autoscaling can track, and what each is in Application Auto Scaling.

- ``invocations_per_instance``: the predefined SageMakerVariantInvocationsPerInstance,
  invocations a minute per instance (AWS's usual starting point: 70).
- ``concurrent_requests_per_model``: the predefined
  SageMakerVariantConcurrentRequestsPerModelHighResolution, requests in flight per model
  copy, published every 10 s: it scales out faster than invocations do.
- ``gpu_utilization``: a customized metric, the variant's GPUUtilization
  (``/aws/sagemaker/Endpoints``, Average). CloudWatch reports 0-100 x the instance's GPU
  count, so the target, given per GPU, is multiplied by it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TrackedMetric:
    name: str
    unit: str
    predefined: str | None = None
    per_gpu: bool = False
    max_target: float | None = None

    def customized(self, physical: str, variant: str, gpus: int) -> dict[str, Any] | None:
        if self.predefined is not None:
            return None
        return {
            "MetricName": "GPUUtilization",
            "Namespace": "/aws/sagemaker/Endpoints",
            "Dimensions": [
                {"Name": "EndpointName", "Value": physical},
                {"Name": "VariantName", "Value": variant},
            ],
            "Statistic": "Average",
            "Unit": "Percent",
        }

    def policy_name(self) -> str:
        return f"mlm-{self.name.replace('_', '-')}"


METRICS: dict[str, TrackedMetric] = {
    m.name: m
    for m in (
        TrackedMetric(
            "invocations_per_instance",
            "invocations per instance per minute",
            predefined="SageMakerVariantInvocationsPerInstance",
        ),
        TrackedMetric(
            "concurrent_requests_per_model",
            "requests in flight per model",
            predefined="SageMakerVariantConcurrentRequestsPerModelHighResolution",
        ),
        TrackedMetric("gpu_utilization", "percent per GPU", per_gpu=True, max_target=100.0),
    )
}
BY_PREDEFINED = {m.predefined: m for m in METRICS.values() if m.predefined}
BY_POLICY = {m.policy_name(): m for m in METRICS.values()}
