"""An endpoint's autoscaling as the API shows it (from Application Auto Scaling's records)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from mlm.aws.autoscaling import ScalingActivity, VariantScaling, variant_of
from mlm.services.autoscaling.metrics import BY_POLICY, BY_PREDEFINED, TrackedMetric
from mlm.services.endpoints.views import Variant
from mlm.timestamps import rfc3339


@dataclass(frozen=True)
class VariantAutoscalingView:
    variant: str
    state: str  # active | set_aside_for_update
    min_instances: int
    max_instances: int
    policy: dict[str, Any] | None
    schedules: list[dict[str, Any]]
    current_instance_count: int | None
    desired_instance_count: int | None

    def to_api(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "variant": self.variant,
            "state": self.state,
            "min_instances": self.min_instances,
            "max_instances": self.max_instances,
            "schedules": self.schedules,
            "current_instance_count": self.current_instance_count,
            "desired_instance_count": self.desired_instance_count,
        }
        if self.policy is not None:
            body |= self.policy
        return body


@dataclass(frozen=True)
class ActivityView:
    variant: str
    status: str
    description: str
    cause: str
    message: str | None
    started_at: datetime
    ended_at: datetime | None

    def to_api(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "variant": self.variant,
            "status": _snake(self.status),
            "description": self.description,
            "cause": self.cause,
            "started_at": rfc3339(self.started_at),
        }
        if self.message:
            body["message"] = self.message
        if self.ended_at is not None:
            body["ended_at"] = rfc3339(self.ended_at)
        return body


@dataclass(frozen=True)
class EndpointAutoscaling:
    endpoint_name: str
    variants: list[VariantAutoscalingView]
    activities: list[ActivityView]

    def to_api(self) -> dict[str, Any]:
        return {
            "endpoint_name": self.endpoint_name,
            "variants": [v.to_api() for v in self.variants],
            "activities": [a.to_api() for a in self.activities],
        }


def variant_view(
    scaling: VariantScaling, state: str, live: Variant | None, gpus: int
) -> VariantAutoscalingView:
    return VariantAutoscalingView(
        variant=variant_of(scaling.target.resource_id),
        state=state,
        min_instances=scaling.target.min_capacity,
        max_instances=scaling.target.max_capacity,
        policy=_policy(scaling, gpus),
        schedules=[
            {
                k: v
                for k, v in {
                    "name": a.name.removeprefix("mlm-"),
                    "schedule": a.schedule,
                    "min_instances": a.min_capacity,
                    "max_instances": a.max_capacity,
                    "timezone": a.timezone,
                }.items()
                if v is not None
            }
            for a in scaling.scheduled
        ],
        current_instance_count=live.current_instance_count if live else None,
        desired_instance_count=live.desired_instance_count if live else None,
    )


def activity_view(activity: ScalingActivity) -> ActivityView:
    return ActivityView(
        variant=variant_of(activity.resource_id),
        status=activity.status,
        description=activity.description,
        cause=activity.cause,
        message=activity.message,
        started_at=activity.started_at,
        ended_at=activity.ended_at,
    )


def _policy(scaling: VariantScaling, gpus: int) -> dict[str, Any] | None:
    for policy in scaling.policies:
        metric: TrackedMetric | None = (
            BY_PREDEFINED.get(policy.predefined_metric)
            if policy.predefined_metric
            else BY_POLICY.get(policy.policy_name)
        )
        if metric is None:
            continue  # a policy MLM did not make: not shown as MLM's
        scale = max(gpus, 1) if metric.per_gpu else 1
        return {
            "metric": metric.name,
            "target_value": round(policy.target_value / scale, 6),
            "unit": metric.unit,
            "scale_in_cooldown_seconds": policy.scale_in_cooldown,
            "scale_out_cooldown_seconds": policy.scale_out_cooldown,
            "scale_in_enabled": not policy.disable_scale_in,
        }
    return None


def _snake(status: str) -> str:
    out = "".join(f"_{c.lower()}" if c.isupper() else c for c in status)
    return out.lstrip("_")
