"""The AWS/SageMaker metrics an endpoint's traffic produces, from requests actually served.

Published straight into moto's in-process CloudWatch backend: ``AWS/`` namespaces are
reserved for AWS, so PutMetricData from a client would be refused. Per served request
(dimensions EndpointName + VariantName): Invocations 1, Invocation4XXErrors and
Invocation5XXErrors 0/1 (the model's status class), InvocationsPerInstance 1 / the
variant's instances serving (AWS's ScalingPolicyMetric: "1/numberOfInstances is sent as
the value on each request"), InvocationModelErrors 0/1 (any
non-2xx answer or a timeout), ModelLatency and OverheadLatency in microseconds as
measured, and ConcurrentRequestsPerModel: the number of requests in flight on that
variant when the request arrived and again when it left (itself included). No GPU, CPU
or memory figures: the emulator has no such hardware.
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass
from typing import Any

from moto.cloudwatch.models import cloudwatch_backends
from moto.sagemaker.models import sagemaker_backends

from mlm.emulator.patches import clock, endpoints

NAMESPACE = "AWS/SageMaker"
_lock = threading.Lock()
_in_flight: Counter[tuple[str, str, str, str]] = Counter()


@dataclass(frozen=True)
class Served:
    """What one request did: the model's status (None for a timeout) and the timings."""

    model_status: int | None
    model_latency_us: int
    overhead_latency_us: int


class InFlight:
    """Counts one request on a variant from ``arrive()`` until ``leave()``."""

    def __init__(self, account: str, region: str, endpoint: str, variant: str) -> None:
        self._key = (account, region, endpoint, variant)
        self.arrived_with = 0

    def arrive(self) -> None:
        with _lock:
            _in_flight[self._key] += 1
            self.arrived_with = _in_flight[self._key]

    def leave(self, served: Served) -> None:
        with _lock:
            leaving_with = _in_flight[self._key]
            _in_flight[self._key] -= 1
            if _in_flight[self._key] <= 0:
                del _in_flight[self._key]
        _publish(self._key, served, self.arrived_with, leaving_with)


def _publish(
    key: tuple[str, str, str, str], served: Served, arrived_with: int, leaving_with: int
) -> None:
    account, region, endpoint, variant = key
    dimensions = [
        {"Name": "EndpointName", "Value": endpoint},
        {"Name": "VariantName", "Value": variant},
    ]
    status = served.model_status
    now = clock.now()

    def datum(name: str, value: float, unit: str) -> dict[str, Any]:
        return {
            "MetricName": name,
            "Dimensions": dimensions,
            "Timestamp": now,
            "Value": float(value),
            "Unit": unit,
        }

    data = [
        datum("Invocations", 1, "None"),
        datum("InvocationsPerInstance", 1 / _instances(account, region, endpoint, variant), "None"),
        datum("Invocation4XXErrors", int(status is not None and 400 <= status < 500), "None"),
        datum("Invocation5XXErrors", int(status is not None and status >= 500), "None"),
        datum("InvocationModelErrors", int(status is None or not 200 <= status < 300), "None"),
        datum("ModelLatency", served.model_latency_us, "Microseconds"),
        datum("OverheadLatency", served.overhead_latency_us, "Microseconds"),
        datum("ConcurrentRequestsPerModel", arrived_with, "Count"),
        datum("ConcurrentRequestsPerModel", leaving_with, "Count"),
    ]
    cloudwatch_backends[account][region].put_metric_data(NAMESPACE, data)


def _instances(account: str, region: str, endpoint: str, variant: str) -> int:
    """The variant's instances serving now (at least 1: it just served a request)."""
    live = endpoints.live_endpoint(sagemaker_backends[account][region], endpoint)
    serving = next((v for v in live.variants if v.name == variant), None) if live else None
    return max(int(getattr(serving, "current_count", None) or 1), 1)
