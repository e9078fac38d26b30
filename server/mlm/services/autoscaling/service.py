"""An endpoint's autoscaling: read, replace and remove, per variant.

Each variant MLM scales is an Application Auto Scaling target with one target tracking
policy (``mlm-<metric>``) and optional scheduled actions (``mlm-<name>``). ``put``
replaces the endpoint's whole autoscaling (variants left out stop scaling) under the
endpoint's lease, the same lease endpoint changes take, so an instance-type change that
sets the autoscaling aside (``endpoints.scaling_guard``) never interleaves with it. Every
step is an upsert or a delete that accepts what is gone, so a retried PUT or DELETE
converges; a PUT that failed part way may have applied part of the new autoscaling, never
anything else, and says so in its error.

The endpoint's view shows the same record, reused for ``ttl_seconds`` (10 s): a view
read on the replica that made a change shows it at once, on another replica within the
TTL; scaling activities AWS starts by itself show within it too.
"""

from __future__ import annotations

import dataclasses
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
from mlm.aws.read_cache import ReadCache
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
ACTIVITIES_IN_VIEW = 3
DEFAULT_TTL_SECONDS = 10.0


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
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
    ) -> None:
        self._aas = autoscaling
        self._hosting = hosting
        self._endpoints = endpoints
        self._hardware = hardware
        self._locks = locks
        self._views: ReadCache[tuple[str, str], EndpointAutoscaling] = ReadCache(ttl_seconds)

    # --- reads ---------------------------------------------------------------------------

    def get(self, tenant: str, name: str) -> EndpointAutoscaling:
        endpoint = self._endpoints.get(tenant, name)
        found = self._compose(tenant, endpoint, with_set_aside=True)
        self._views.put((tenant, name), found)
        return found

    def for_view(self, tenant: str, endpoint: Endpoint) -> EndpointAutoscaling:
        """What the endpoint's view shows: the variants' scaling and the latest activities
        (reused for ``ttl_seconds``, as the alarms' states are, so a steady stream of
        reads makes no Application Auto Scaling call per read)."""
        key = (tenant, endpoint.name)
        found = self._views.get(key)
        if found is None:
            # Only an instance-type change sets scaling aside, and it shows as updating.
            found = self._compose(tenant, endpoint, with_set_aside=endpoint.status != "in_service")
            self._views.put(key, found)
        return dataclasses.replace(found, activities=found.activities[:ACTIVITIES_IN_VIEW])

    def _compose(
        self, tenant: str, endpoint: Endpoint, with_set_aside: bool
    ) -> EndpointAutoscaling:
        physical = names.endpoint_name(tenant, endpoint.name)
        live = {v.name: v for v in endpoint.variants}
        registered = self._aas.read([resource_id(physical, v) for v in live])
        shown = [
            variant_view(s, "active", live.get(_variant(s)), self._gpus(live.get(_variant(s))))
            for s in registered
        ]
        set_aside = self._set_aside(physical) if with_set_aside else []
        shown += [
            variant_view(
                s, "set_aside_for_update", live.get(_variant(s)), self._gpus(live.get(_variant(s)))
            )
            for s in set_aside
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
            endpoint_name=endpoint.name,
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
            self._views.forget((tenant, name))  # a failure from here may have changed part
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
            self._views.forget((tenant, name))
            for scaling in self._aas.read(
                [resource_id(physical, v.name) for v in endpoint.variants]
            ):
                self._aas.remove(scaling)
            self._forget_set_aside(physical)
        self._views.forget((tenant, name))  # a view read meanwhile may have kept the old

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
