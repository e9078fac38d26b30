"""Application Auto Scaling for SageMaker endpoint variants (one adapter, one client).

A variant is a scalable target ``endpoint/<endpoint>/variant/<variant>`` with the
dimension ``sagemaker:variant:DesiredInstanceCount`` (shared/design/AWS_FACTS.md,
"Autoscaling"). Records, not response shapes, come back. Registering, putting a policy
or a scheduled action are upserts by name on AWS, so a retry converges; deletes of what
is already gone succeed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

from mlm.aws.errors import aws_errors
from mlm.errors import NotFound

if TYPE_CHECKING:
    from mypy_boto3_application_autoscaling import ApplicationAutoScalingClient

NAMESPACE: Final = "sagemaker"
DIMENSION: Final = "sagemaker:variant:DesiredInstanceCount"
_DESCRIBE_BATCH = 50  # DescribeScalableTargets takes at most 50 ResourceIds


def resource_id(endpoint: str, variant: str) -> str:
    return f"endpoint/{endpoint}/variant/{variant}"


def variant_of(resource: str) -> str:
    return resource.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class ScalableTarget:
    resource_id: str
    min_capacity: int
    max_capacity: int


@dataclass(frozen=True)
class TargetTracking:
    """A target tracking policy: a predefined metric, or a customized one."""

    policy_name: str
    resource_id: str
    target_value: float
    predefined_metric: str | None = None  # e.g. SageMakerVariantInvocationsPerInstance
    custom_metric: dict[str, Any] | None = None  # CustomizedMetricSpecification
    scale_in_cooldown: int = 300
    scale_out_cooldown: int = 300
    disable_scale_in: bool = False

    def configuration(self) -> dict[str, Any]:
        config: dict[str, Any] = {
            "TargetValue": self.target_value,
            "ScaleInCooldown": self.scale_in_cooldown,
            "ScaleOutCooldown": self.scale_out_cooldown,
            "DisableScaleIn": self.disable_scale_in,
        }
        if self.predefined_metric is not None:
            config["PredefinedMetricSpecification"] = {
                "PredefinedMetricType": self.predefined_metric
            }
        if self.custom_metric is not None:
            config["CustomizedMetricSpecification"] = self.custom_metric
        return config


@dataclass(frozen=True)
class ScheduledAction:
    name: str
    resource_id: str
    schedule: str  # at(…), rate(…) or cron(…)
    min_capacity: int | None
    max_capacity: int | None
    timezone: str | None = None


@dataclass(frozen=True)
class ScalingActivity:
    resource_id: str
    status: str  # Pending | InProgress | Successful | Overridden | Unfulfilled | Failed
    description: str
    cause: str
    started_at: datetime
    ended_at: datetime | None
    message: str | None = None


@dataclass(frozen=True)
class VariantScaling:
    """Everything Application Auto Scaling holds for one variant."""

    target: ScalableTarget
    policies: list[TargetTracking] = field(default_factory=list)
    scheduled: list[ScheduledAction] = field(default_factory=list)


class ApplicationAutoScaling:
    def __init__(self, client: ApplicationAutoScalingClient) -> None:
        self._aas = client

    # --- reads ---------------------------------------------------------------------------

    def targets(self, resource_ids: Sequence[str]) -> list[ScalableTarget]:
        found: list[ScalableTarget] = []
        ids = list(resource_ids)
        for start in range(0, len(ids), _DESCRIBE_BATCH):
            with aws_errors():
                pages = self._aas.get_paginator("describe_scalable_targets").paginate(
                    ServiceNamespace=NAMESPACE,
                    ResourceIds=ids[start : start + _DESCRIBE_BATCH],
                    ScalableDimension=DIMENSION,
                )
                for page in pages:
                    found.extend(
                        ScalableTarget(
                            resource_id=t["ResourceId"],
                            min_capacity=int(t["MinCapacity"]),
                            max_capacity=int(t["MaxCapacity"]),
                        )
                        for t in page.get("ScalableTargets", [])
                    )
        return found

    def policies(self, resource: str) -> list[TargetTracking]:
        found: list[TargetTracking] = []
        with aws_errors():
            pages = self._aas.get_paginator("describe_scaling_policies").paginate(
                ServiceNamespace=NAMESPACE, ResourceId=resource, ScalableDimension=DIMENSION
            )
            for page in pages:
                for p in page.get("ScalingPolicies", []):
                    config: Any = p.get("TargetTrackingScalingPolicyConfiguration")
                    if p.get("PolicyType") != "TargetTrackingScaling" or not config:
                        continue  # MLM makes target tracking policies only
                    predefined = config.get("PredefinedMetricSpecification") or {}
                    found.append(
                        TargetTracking(
                            policy_name=p["PolicyName"],
                            resource_id=p["ResourceId"],
                            target_value=float(config["TargetValue"]),
                            predefined_metric=predefined.get("PredefinedMetricType"),
                            custom_metric=config.get("CustomizedMetricSpecification"),
                            scale_in_cooldown=int(config.get("ScaleInCooldown", 300)),
                            scale_out_cooldown=int(config.get("ScaleOutCooldown", 300)),
                            disable_scale_in=bool(config.get("DisableScaleIn", False)),
                        )
                    )
        return found

    def scheduled_actions(self, resource: str) -> list[ScheduledAction]:
        found: list[ScheduledAction] = []
        with aws_errors():
            pages = self._aas.get_paginator("describe_scheduled_actions").paginate(
                ServiceNamespace=NAMESPACE, ResourceId=resource, ScalableDimension=DIMENSION
            )
            for page in pages:
                for a in page.get("ScheduledActions", []):
                    bounds: Any = a.get("ScalableTargetAction") or {}
                    found.append(
                        ScheduledAction(
                            name=a["ScheduledActionName"],
                            resource_id=a["ResourceId"],
                            schedule=a["Schedule"],
                            min_capacity=_int_or_none(bounds.get("MinCapacity")),
                            max_capacity=_int_or_none(bounds.get("MaxCapacity")),
                            timezone=a.get("Timezone"),
                        )
                    )
        return found

    def activities(self, resource: str, limit: int = 10) -> list[ScalingActivity]:
        """The most recent scaling activities first (AWS keeps six weeks of them)."""
        with aws_errors():
            page = self._aas.describe_scaling_activities(
                ServiceNamespace=NAMESPACE,
                ResourceId=resource,
                ScalableDimension=DIMENSION,
                MaxResults=limit,
            )
        return [
            ScalingActivity(
                resource_id=a["ResourceId"],
                status=a["StatusCode"],
                description=a["Description"],
                cause=a["Cause"],
                started_at=a["StartTime"],
                ended_at=a.get("EndTime"),
                message=a.get("StatusMessage"),
            )
            for a in page.get("ScalingActivities", [])
        ]

    def read(self, resource_ids: Sequence[str]) -> list[VariantScaling]:
        """Target, policies and scheduled actions of each registered variant."""
        return [
            VariantScaling(t, self.policies(t.resource_id), self.scheduled_actions(t.resource_id))
            for t in self.targets(resource_ids)
        ]

    # --- changes -------------------------------------------------------------------------

    def register(self, target: ScalableTarget) -> None:
        with aws_errors("ENDPOINT_NOT_FOUND"):
            self._aas.register_scalable_target(
                ServiceNamespace=NAMESPACE,
                ResourceId=target.resource_id,
                ScalableDimension=DIMENSION,
                MinCapacity=target.min_capacity,
                MaxCapacity=target.max_capacity,
            )

    def put_policy(self, policy: TargetTracking) -> None:
        with aws_errors():
            self._aas.put_scaling_policy(
                PolicyName=policy.policy_name,
                ServiceNamespace=NAMESPACE,
                ResourceId=policy.resource_id,
                ScalableDimension=DIMENSION,
                PolicyType="TargetTrackingScaling",
                TargetTrackingScalingPolicyConfiguration=policy.configuration(),  # type: ignore[arg-type]
            )

    def put_scheduled_action(self, action: ScheduledAction) -> None:
        bounds: dict[str, int] = {}
        if action.min_capacity is not None:
            bounds["MinCapacity"] = action.min_capacity
        if action.max_capacity is not None:
            bounds["MaxCapacity"] = action.max_capacity
        extra: dict[str, Any] = {"Timezone": action.timezone} if action.timezone else {}
        with aws_errors():
            self._aas.put_scheduled_action(
                ServiceNamespace=NAMESPACE,
                ScheduledActionName=action.name,
                ResourceId=action.resource_id,
                ScalableDimension=DIMENSION,
                Schedule=action.schedule,
                ScalableTargetAction=bounds,  # type: ignore[arg-type]
                **extra,
            )

    def delete_policy(self, resource: str, name: str) -> None:
        try:
            with aws_errors():
                self._aas.delete_scaling_policy(
                    PolicyName=name,
                    ServiceNamespace=NAMESPACE,
                    ResourceId=resource,
                    ScalableDimension=DIMENSION,
                )
        except NotFound:
            pass  # already gone: what a retry of a lost reply finds

    def delete_scheduled_action(self, resource: str, name: str) -> None:
        try:
            with aws_errors():
                self._aas.delete_scheduled_action(
                    ServiceNamespace=NAMESPACE,
                    ScheduledActionName=name,
                    ResourceId=resource,
                    ScalableDimension=DIMENSION,
                )
        except NotFound:
            pass

    def deregister(self, resource: str) -> None:
        """Deregistering also deletes the target's policies and scheduled actions."""
        try:
            with aws_errors():
                self._aas.deregister_scalable_target(
                    ServiceNamespace=NAMESPACE, ResourceId=resource, ScalableDimension=DIMENSION
                )
        except NotFound:
            pass

    def remove(self, scaling: VariantScaling) -> None:
        """Policies and scheduled actions first, then the target (AWS_FACTS: "delete
        policies first")."""
        resource = scaling.target.resource_id
        for policy in scaling.policies:
            self.delete_policy(resource, policy.policy_name)
        for action in scaling.scheduled:
            self.delete_scheduled_action(resource, action.name)
        self.deregister(resource)

    def apply(self, scaling: VariantScaling) -> None:
        """Register the target, then put its policies and scheduled actions."""
        self.register(scaling.target)
        for policy in scaling.policies:
            self.put_policy(policy)
        for action in scaling.scheduled:
            self.put_scheduled_action(action)


def _int_or_none(value: Any) -> int | None:
    return None if value is None else int(value)
