"""An endpoint's autoscaling: read, replace and remove, per variant.

Each variant MLM scales is an Application Auto Scaling target with one target tracking
policy (``mlm-<metric>``) and optional scheduled actions (``mlm-<name>``). ``put``
replaces the endpoint's whole autoscaling (variants left out stop scaling) under the
endpoint's lease, the same lease endpoint changes take, so an instance-type change that
sets the autoscaling aside (``endpoints.scaling_guard``) never interleaves with it. Every
step is an upsert or a delete that accepts what is gone, so a retried PUT or DELETE
converges; a PUT that failed part way may have applied part of the new autoscaling, never
anything else, and says so in its error.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from mlm.aws.autoscaling import (
    ApplicationAutoScaling,
    ScalableTarget,
    ScheduledAction,
    TargetTracking,
    VariantScaling,
    resource_id,
)
from mlm.aws.sagemaker_hosting import SageMakerHosting
from mlm.errors import Conflict
from mlm.services.autoscaling.metrics import METRICS
from mlm.services.autoscaling.requests import VariantAutoscaling, check
from mlm.services.autoscaling.views import (
    EndpointAutoscaling,
    activity_view,
    variant_view,
)
from mlm.services.endpoints import names, scaling_guard
from mlm.services.endpoints.views import Endpoint
from mlm.services.locking import ResourceLocks

ACTIVITIES_SHOWN = 10


class EndpointReads(Protocol):
    def get(self, tenant: str, name: str) -> Endpoint: ...


class GpuCounts(Protocol):
    def get(self, name: str) -> Any: ...


class AutoscalingService:
    def __init__(
        self,
        autoscaling: ApplicationAutoScaling,
        hosting: SageMakerHosting,
        endpoints: EndpointReads,
        hardware: GpuCounts,
        locks: ResourceLocks,
    ) -> None:
        self._aas = autoscaling
        self._hosting = hosting
        self._endpoints = endpoints
        self._hardware = hardware
        self._locks = locks

    # --- reads ---------------------------------------------------------------------------

    def get(self, tenant: str, name: str) -> EndpointAutoscaling:
        endpoint = self._endpoints.get(tenant, name)
        physical = names.endpoint_name(tenant, name)
        live = {v.name: v for v in endpoint.variants}
        registered = self._aas.read([resource_id(physical, v) for v in live])
        shown = [
            variant_view(s, "active", live.get(_variant(s)), self._gpus(live.get(_variant(s))))
            for s in registered
        ]
        shown += [
            variant_view(
                s, "set_aside_for_update", live.get(_variant(s)), self._gpus(live.get(_variant(s)))
            )
            for s in self._set_aside(physical)
            if _variant(s) not in {v.variant for v in shown}
        ]
        activities = sorted(
            (
                activity_view(a)
                for s in registered
                for a in self._aas.activities(s.target.resource_id, ACTIVITIES_SHOWN)
            ),
            key=lambda a: a.started_at,
            reverse=True,
        )[:ACTIVITIES_SHOWN]
        return EndpointAutoscaling(
            endpoint_name=name,
            variants=sorted(shown, key=lambda v: v.variant),
            activities=activities,
        )

    # --- changes -------------------------------------------------------------------------

    def put(
        self, tenant: str, name: str, wanted: Sequence[VariantAutoscaling]
    ) -> EndpointAutoscaling:
        endpoint = self._endpoints.get(tenant, name)
        live = {v.name: v for v in endpoint.variants}
        check(wanted, list(live))
        physical = names.endpoint_name(tenant, name)
        desired = [self._desired(physical, w, self._gpus(live.get(w.variant))) for w in wanted]
        with self._locks.hold(tenant, "endpoint", name) as held:
            self._require_in_service(physical, name)
            held.confirm()
            current = {
                s.target.resource_id: s
                for s in self._aas.read([resource_id(physical, v) for v in live])
            }
            self._forget_set_aside(physical)
            for scaling in desired:
                self._aas.apply(scaling)
                old = current.pop(scaling.target.resource_id, None)
                if old is not None:
                    self._drop_stale(old, scaling)
            for old in current.values():
                self._aas.remove(old)
        return self.get(tenant, name)

    def delete(self, tenant: str, name: str) -> None:
        endpoint = self._endpoints.get(tenant, name)
        physical = names.endpoint_name(tenant, name)
        with self._locks.hold(tenant, "endpoint", name) as held:
            held.confirm()
            for scaling in self._aas.read(
                [resource_id(physical, v.name) for v in endpoint.variants]
            ):
                self._aas.remove(scaling)
            self._forget_set_aside(physical)

    # --- helpers -------------------------------------------------------------------------

    def _desired(self, physical: str, wanted: VariantAutoscaling, gpus: int) -> VariantScaling:
        resource = resource_id(physical, wanted.variant)
        metric = METRICS[wanted.metric]
        scale = max(gpus, 1) if metric.per_gpu else 1
        return VariantScaling(
            target=ScalableTarget(resource, wanted.min_instances, wanted.max_instances),
            policies=[
                TargetTracking(
                    policy_name=metric.policy_name(),
                    resource_id=resource,
                    target_value=wanted.target_value * scale,
                    predefined_metric=metric.predefined,
                    custom_metric=metric.customized(physical, wanted.variant, gpus),
                    scale_in_cooldown=wanted.scale_in_cooldown_seconds,
                    scale_out_cooldown=wanted.scale_out_cooldown_seconds,
                    disable_scale_in=not wanted.scale_in_enabled,
                )
            ],
            scheduled=[
                ScheduledAction(
                    name=f"mlm-{s.name}",
                    resource_id=resource,
                    schedule=s.schedule,
                    min_capacity=s.min_instances,
                    max_capacity=s.max_instances,
                    timezone=s.timezone,
                )
                for s in wanted.schedules
            ],
        )

    def _drop_stale(self, old: VariantScaling, new: VariantScaling) -> None:
        resource = new.target.resource_id
        keep_policies = {p.policy_name for p in new.policies}
        for policy in old.policies:
            if policy.policy_name not in keep_policies:
                self._aas.delete_policy(resource, policy.policy_name)
        keep_actions = {a.name for a in new.scheduled}
        for action in old.scheduled:
            if action.name not in keep_actions:
                self._aas.delete_scheduled_action(resource, action.name)

    def _require_in_service(self, physical: str, name: str) -> None:
        record = self._hosting.describe_endpoint(physical)
        if record is not None and record.status == "InService" and not record.pending_config_name:
            return
        status = "gone" if record is None else record.status
        raise Conflict(
            code="ENDPOINT_NOT_READY",
            detail=f"Endpoint '{name}' is {status}; its autoscaling can be set once it is "
            "in_service; poll it and retry.",
            headers={"Retry-After": "5"},
        )

    def _set_aside(self, physical: str) -> list[VariantScaling]:
        record = self._hosting.describe_endpoint(physical)
        if record is None:
            return []
        return scaling_guard.set_aside(self._hosting.tags(record.arn))

    def _forget_set_aside(self, physical: str) -> None:
        """What an instance-type change set aside is replaced by this change."""
        record = self._hosting.describe_endpoint(physical)
        if record is not None:
            scaling_guard.forget(self._hosting, record)

    def _gpus(self, variant: Any) -> int:
        hardware = self._hardware.get(getattr(variant, "instance_type", None) or "")
        return int(getattr(hardware, "gpu_count", 0) or 0)


def _variant(scaling: VariantScaling) -> str:
    return scaling.target.resource_id.rsplit("/", 1)[-1]
