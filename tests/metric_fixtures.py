"""Metric fixtures put into the emulated CloudWatch (moto accepts AWS/ namespaces there)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

ENDPOINTS = "/aws/sagemaker/Endpoints"
SAGEMAKER = "AWS/SageMaker"


def minutes_ago(minutes: float) -> datetime:
    """A whole minute in the past (so periods of 60 s hold exactly the points put there)."""
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    return now - timedelta(minutes=minutes)


def put(
    cloudwatch: Any,
    endpoint: str,
    metric: str,
    value: float,
    *,
    namespace: str = ENDPOINTS,
    variant: str = "primary",
    instance_id: str | None = None,
    at: datetime | None = None,
) -> None:
    dimensions = [
        {"Name": "EndpointName", "Value": endpoint},
        {"Name": "VariantName", "Value": variant},
    ]
    if instance_id is not None:
        dimensions.append({"Name": "InstanceId", "Value": instance_id})
    cloudwatch.put_metric_data(
        Namespace=namespace,
        MetricData=[
            {
                "MetricName": metric,
                "Dimensions": dimensions,
                "Value": value,
                "Timestamp": at or minutes_ago(2),
            }
        ],
    )
