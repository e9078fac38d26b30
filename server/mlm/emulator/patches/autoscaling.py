"""Application Auto Scaling that acts on SageMaker endpoint variants (moto only stores it).

What moto 5.2.5 lacks and AWS does, for the ``sagemaker`` namespace:

- RegisterScalableTarget needs the endpoint and variant to exist (AWS answers
  ValidationException); a target whose current capacity is outside its new bounds is
  brought inside them at once (AWS: "If the current capacity is outside the new range,
  Application Auto Scaling scales it"), recorded as an activity whose cause is "minimum
  capacity was set to N" (or maximum).
- PutScalingPolicy / PutScheduledAction need a registered target (ObjectNotFoundException);
  DeregisterScalableTarget also deletes the target's policies and scheduled actions (AWS:
  "Deregistering a scalable target deletes the scaling policies and the scheduled actions
  that are associated with it"); DescribeScalingPolicies matches ResourceId exactly (moto
  matched substrings); deleting what is not there is ObjectNotFoundException (moto:
  ValidationException).
- DescribeScalingActivities (missing in moto), newest first.
- Target tracking acts (Application Auto Scaling User Guide, "How target tracking scaling
  works"): the policy's metric is read per period (one minute; 10 s for
  SageMakerVariantConcurrentRequestsPerModelHighResolution); when the last 3 periods are
  all above the target, the desired instance count becomes ceil(current x metric /
  target), at most the maximum, unless a scale-out happened within ScaleOutCooldown; when
  the last 15 periods are all below 90 % of the target, it becomes ceil(current x metric /
  target), at least the minimum, unless any scaling happened within ScaleInCooldown (and
  not at all with DisableScaleIn). A period without any datapoint is missing data, which
  never scales in (the alarm is INSUFFICIENT_DATA): SageMaker publishes nothing for a
  minute without invocations, so an idle endpoint keeps its instances until light traffic
  shows it is over-provisioned. Metrics are the ones the emulator's real traffic produces
  (``traffic_metrics``: InvocationsPerInstance = 1 / instances per request,
  ConcurrentRequestsPerModel). Periods and cooldowns last ``clock.metric_time``.
  Evaluated when the endpoint or its scaling is read (DescribeEndpoint, ListEndpoints,
  DescribeScalableTargets, DescribeScalingActivities), like every status here, and at most
  once a period per policy, as CloudWatch evaluates the policy's alarms (reads in between
  see the last outcome; with a cooldown of 0 the next period may scale again).
- UpdateEndpoint that changes the instance type of a variant that is a scalable target is
  refused (SageMaker developer guide, "Update endpoints that use auto scaling").
- DeleteEndpoint deregisters the endpoint's targets (AWS does so "without notifying you").
"""

from __future__ import annotations

import json
import math
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from moto.applicationautoscaling.exceptions import AWSValidationException
from moto.applicationautoscaling.models import (
    ApplicationAutoscalingBackend,
    FakeApplicationAutoscalingPolicy,
    applicationautoscaling_backends,
)
from moto.applicationautoscaling.responses import ApplicationAutoScalingResponse
from moto.core.exceptions import JsonRESTError
from moto.sagemaker.exceptions import ValidationError
from moto.sagemaker.models import SageMakerModelBackend, sagemaker_backends

from mlm.emulator.patches import alarms, clock, endpoints

NAMESPACE = "sagemaker"
DIMENSION = "sagemaker:variant:DesiredInstanceCount"
SAGEMAKER = "AWS/SageMaker"
SCALE_OUT_PERIODS = 3
SCALE_IN_PERIODS = 15
SCALE_IN_RATIO = 0.9
_PREDEFINED = {
    # metric name, statistic per period, period (AWS seconds)
    "SageMakerVariantInvocationsPerInstance": ("InvocationsPerInstance", "Sum", 60),
    "SageMakerVariantConcurrentRequestsPerModelHighResolution": (
        "ConcurrentRequestsPerModel",
        "Average",
        10,
    ),
}

# What each patched method was when ``install`` ran (after the endpoints patch).
_original: dict[str, Any] = {}


class ObjectNotFound(JsonRESTError):
    code = 400

    def __init__(self, message: str) -> None:
        super().__init__("ObjectNotFoundException", message)


@dataclass
class Activity:
    resource_id: str
    description: str
    cause: str
    started: datetime
    ends: datetime
    count: int
    activity_id: str = field(default_factory=lambda: str(uuid.uuid4()))

    def to_aws(self, now: datetime) -> dict[str, Any]:
        done = now >= self.ends
        out: dict[str, Any] = {
            "ActivityId": self.activity_id,
            "ServiceNamespace": NAMESPACE,
            "ResourceId": self.resource_id,
            "ScalableDimension": DIMENSION,
            "Description": self.description,
            "Cause": self.cause,
            "StartTime": self.started.timestamp(),
            "StatusCode": "Successful" if done else "InProgress",
        }
        if done:
            out["EndTime"] = self.ends.timestamp()
            out["StatusMessage"] = (
                f"Successfully set desired instance count to {self.count}. "
                "Change successfully fulfilled by sagemaker."
            )
        return out


@dataclass
class _History:
    activities: list[Activity] = field(default_factory=list)
    last_scale_out: dict[str, datetime] = field(default_factory=dict)
    last_scaling: dict[str, datetime] = field(default_factory=dict)
    # (resource id, policy name) → when its alarms were last evaluated: CloudWatch does so
    # once a period, however often the endpoint is read.
    last_evaluated: dict[tuple[str, str], datetime] = field(default_factory=dict)


_histories: dict[tuple[str, str], _History] = {}


def _history(account: str, region: str) -> _History:
    return _histories.setdefault((account, region), _History())


def _parts(resource_id: str) -> tuple[str, str] | None:
    pieces = resource_id.split("/")
    if len(pieces) != 4 or pieces[0] != "endpoint" or pieces[2] != "variant":
        return None
    return pieces[1], pieces[3]


# --- Application Auto Scaling backend ---------------------------------------------------


def register_scalable_target(
    self: ApplicationAutoscalingBackend,
    namespace: str,
    r_id: str,
    dimension: str,
    min_capacity: int | None,
    max_capacity: int | None,
    role_arn: str,
    suspended_state: str,
) -> Any:
    if namespace == NAMESPACE and dimension == DIMENSION:
        parts = _parts(r_id)
        sm = sagemaker_backends[self.account_id][self.region_name]
        endpoint = endpoints.live_endpoint(sm, parts[0]) if parts else None
        if parts is None or endpoint is None or endpoint.deleted:
            raise AWSValidationException(f"The endpoint of resource {r_id} does not exist.")
        if parts[1] not in {v.name for v in endpoint.variants + _pending_variants(endpoint)}:
            raise AWSValidationException(f"The variant of resource {r_id} does not exist.")
    target = _original["register_scalable_target"](
        self, namespace, r_id, dimension, min_capacity, max_capacity, role_arn, suspended_state
    )
    if namespace == NAMESPACE and dimension == DIMENSION:
        with clock.LOCK:
            _within_bounds(self.account_id, self.region_name, target)
    return target


def deregister_scalable_target(
    self: ApplicationAutoscalingBackend, namespace: str, r_id: str, dimension: str
) -> None:
    with _not_found_as_aws_says():
        _original["deregister_scalable_target"](self, namespace, r_id, dimension)
    for key, policy in list(self.policies.items()):
        if (policy.service_namespace, policy.resource_id, policy.scalable_dimension) == (
            namespace,
            r_id,
            dimension,
        ):
            del self.policies[key]
    self.scheduled_actions = [
        a
        for a in self.scheduled_actions
        if (a.service_namespace, a.resource_id, a.scalable_dimension)
        != (namespace, r_id, dimension)
    ]


@contextmanager
def _not_found_as_aws_says() -> Iterator[None]:
    """Deleting what is not there: AWS answers ObjectNotFoundException (API reference of
    DeregisterScalableTarget, DeleteScalingPolicy, DeleteScheduledAction); moto answered
    ValidationException."""
    try:
        yield
    except AWSValidationException as error:
        if "No " in error.message and " found" in error.message:
            raise ObjectNotFound(error.message) from error
        raise


def delete_scaling_policy(self: ApplicationAutoscalingBackend, *args: Any, **kwargs: Any) -> None:
    with _not_found_as_aws_says():
        _original["delete_scaling_policy"](self, *args, **kwargs)


def delete_scheduled_action(
    self: ApplicationAutoscalingBackend,
    service_namespace: str,
    scheduled_action_name: str,
    resource_id: str,
    scalable_dimension: str,
) -> None:
    key = (service_namespace, scheduled_action_name, resource_id, scalable_dimension)
    if not any(
        (a.service_namespace, a.scheduled_action_name, a.resource_id, a.scalable_dimension) == key
        for a in self.scheduled_actions
    ):  # moto deleted nothing and said nothing
        raise ObjectNotFound(f"No scheduled action found for name: {scheduled_action_name}")
    _original["delete_scheduled_action"](
        self, service_namespace, scheduled_action_name, resource_id, scalable_dimension
    )


def _require_target(
    self: ApplicationAutoscalingBackend, namespace: str, r_id: str, dimension: str
) -> None:
    if namespace == NAMESPACE and r_id not in self.targets.get(dimension, {}):
        raise ObjectNotFound(
            f"No scalable target registered for service namespace: {namespace}, resource ID: "
            f"{r_id}, scalable dimension: {dimension}"
        )


def put_scaling_policy(
    self: ApplicationAutoscalingBackend,
    policy_name: str,
    service_namespace: str,
    resource_id: str,
    scalable_dimension: str,
    policy_body: dict[str, Any],
    policy_type: str | None,
) -> FakeApplicationAutoscalingPolicy:
    _require_target(self, service_namespace, resource_id, scalable_dimension)
    made: FakeApplicationAutoscalingPolicy = _original["put_scaling_policy"](
        self,
        policy_name,
        service_namespace,
        resource_id,
        scalable_dimension,
        policy_body,
        policy_type,
    )
    return made


def put_scheduled_action(self: ApplicationAutoscalingBackend, **kwargs: Any) -> None:
    _require_target(
        self, kwargs["service_namespace"], kwargs["resource_id"], kwargs["scalable_dimension"]
    )
    _original["put_scheduled_action"](self, **kwargs)


def describe_scaling_policies(
    self: ApplicationAutoscalingBackend,
    service_namespace: str,
    resource_id: str,
    scalable_dimension: str,
    max_results: int | None,
    next_token: str,
) -> tuple[str | None, list[FakeApplicationAutoscalingPolicy]]:
    policies = [
        p
        for p in self.policies.values()
        if p.service_namespace == service_namespace
        and (not resource_id or p.resource_id == resource_id)
        and (not scalable_dimension or p.scalable_dimension == scalable_dimension)
    ]
    start = int(next_token) if next_token else 0
    end = start + (max_results or 100)
    return (str(end) if end < len(policies) else None), policies[start:end]


# --- responses --------------------------------------------------------------------------


def describe_scalable_targets(self: ApplicationAutoScalingResponse) -> Any:
    if self._get_param("ServiceNamespace") == NAMESPACE:
        evaluate_all(self.current_account, self.region)
    return _original["describe_scalable_targets"](self)


def describe_scaling_activities(self: ApplicationAutoScalingResponse) -> str:
    account, region = self.current_account, self.region
    if self._get_param("ServiceNamespace") == NAMESPACE:
        evaluate_all(account, region)
    resource = self._get_param("ResourceId")
    limit = int(self._get_param("MaxResults") or 50)
    start = int(self._get_param("NextToken") or 0)
    now = clock.now()
    with clock.LOCK:
        found = [
            a
            for a in reversed(_history(account, region).activities)
            if not resource or a.resource_id == resource
        ]
        page = [a.to_aws(now) for a in found[start : start + limit]]
    body: dict[str, Any] = {"ScalingActivities": page}
    if start + limit < len(found):
        body["NextToken"] = str(start + limit)
    return json.dumps(body)


# --- SageMaker backend ------------------------------------------------------------------


def describe_endpoint(self: SageMakerModelBackend, endpoint_name: str) -> dict[str, Any]:
    evaluate_endpoint(self.account_id, self.region_name, endpoint_name)
    described: dict[str, Any] = _original["describe_endpoint"](self, endpoint_name)
    return described


def update_endpoint(
    self: SageMakerModelBackend, endpoint_name: str, endpoint_config_name: str, **kw: Any
) -> str:
    with clock.LOCK:
        endpoint = endpoints.live_endpoint(self, endpoint_name)
        old = self.endpoint_configs.get(endpoint.endpoint_config_name) if endpoint else None
        new = self.endpoint_configs.get(endpoint_config_name)
        if endpoint is not None and old is not None and new is not None:
            before = {pv["VariantName"]: pv.get("InstanceType") for pv in old.production_variants}
            scaled = _registered_variants(self.account_id, self.region_name, endpoint_name)
            retyped = sorted(
                pv["VariantName"]
                for pv in new.production_variants
                if pv["VariantName"] in scaled
                and before.get(pv["VariantName"]) not in (None, pv.get("InstanceType"))
            )
            if retyped:
                raise ValidationError(
                    f"The variant(s) {retyped} of endpoint {endpoint.arn} are scalable targets "
                    "of Application Auto Scaling; deregister them before changing their "
                    "instance type."
                )
    arn: str = _original["update_endpoint"](self, endpoint_name, endpoint_config_name, **kw)
    return arn


def delete_endpoint(self: SageMakerModelBackend, endpoint_name: str) -> None:
    _original["delete_endpoint"](self, endpoint_name)
    aas = applicationautoscaling_backends[self.account_id][self.region_name]
    for variant in _registered_variants(self.account_id, self.region_name, endpoint_name):
        deregister_scalable_target(
            aas, NAMESPACE, f"endpoint/{endpoint_name}/variant/{variant}", DIMENSION
        )


# --- target tracking --------------------------------------------------------------------


def _registered_variants(account: str, region: str, endpoint: str) -> set[str]:
    aas = applicationautoscaling_backends[account][region]
    found = set()
    for target in aas.targets.get(DIMENSION, {}).values():
        parts = _parts(target.resource_id)
        if target.service_namespace == NAMESPACE and parts and parts[0] == endpoint:
            found.add(parts[1])
    return found


def _pending_variants(endpoint: endpoints.EmulatedEndpoint) -> list[endpoints.Variant]:
    return endpoint.change.variants if endpoint.change is not None else []


def evaluate_all(account: str, region: str) -> None:
    aas = applicationautoscaling_backends[account][region]
    names = {
        parts[0]
        for t in list(aas.targets.get(DIMENSION, {}).values())
        if t.service_namespace == NAMESPACE and (parts := _parts(t.resource_id))
    }
    for name in names:
        evaluate_endpoint(account, region, name)


def evaluate_endpoint(account: str, region: str, name: str) -> None:
    """What Application Auto Scaling would have done to this endpoint by now."""
    aas = applicationautoscaling_backends[account][region]
    targets = [
        t
        for t in list(aas.targets.get(DIMENSION, {}).values())
        if t.service_namespace == NAMESPACE and (_parts(t.resource_id) or ("", ""))[0] == name
    ]
    if not targets:
        return
    with clock.LOCK:
        for target in targets:
            _within_bounds(account, region, target)
            for policy in list(aas.policies.values()):
                if (
                    policy.resource_id == target.resource_id
                    and policy.service_namespace == NAMESPACE
                    and policy.policy_type == "TargetTrackingScaling"
                ):
                    _track(account, region, target, policy)


def _variant(account: str, region: str, resource_id: str) -> tuple[Any, Any] | None:
    parts = _parts(resource_id)
    if parts is None:
        return None
    sm = sagemaker_backends[account][region]
    endpoint = endpoints.live_endpoint(sm, parts[0])
    if endpoint is None or endpoint.endpoint_status != "InService":
        return None  # AWS scales only an InService endpoint
    variant = next((v for v in endpoint.variants if v.name == parts[1]), None)
    return None if variant is None else (endpoint, variant)


def _within_bounds(account: str, region: str, target: Any) -> None:
    found = _variant(account, region, target.resource_id)
    if found is None:
        return
    _, variant = found
    count = int(variant.desired_count or 0)
    low, high = int(target.min_capacity or 0), int(target.max_capacity or count)
    if count < low:
        _scale(account, region, target.resource_id, low, f"minimum capacity was set to {low}")
    elif count > high:
        _scale(account, region, target.resource_id, high, f"maximum capacity was set to {high}")


def _track(account: str, region: str, target: Any, policy: Any) -> None:
    found = _variant(account, region, target.resource_id)
    if found is None:
        return
    endpoint, variant = found
    config = policy.target_tracking_scaling_policy_configuration or {}
    goal = float(config.get("TargetValue") or 0)
    if goal <= 0:
        return
    current = int(variant.desired_count or 0)
    low, high = int(target.min_capacity or 1), int(target.max_capacity or current)
    now = clock.now()
    history = _history(account, region)
    rid = target.resource_id
    evaluated = history.last_evaluated.get((rid, policy.policy_name))
    if evaluated is not None and now - evaluated < clock.metric_time(_period_seconds(config)):
        return
    history.last_evaluated[(rid, policy.policy_name)] = now
    values = _metric(account, region, endpoint.endpoint_name, variant.name, config)
    recent = values[:SCALE_OUT_PERIODS]
    cooldown_out = clock.metric_time(float(config.get("ScaleOutCooldown", 300)))
    if len(recent) == SCALE_OUT_PERIODS and all(v is not None and v > goal for v in recent):
        wanted = min(high, math.ceil(current * float(recent[0] or 0) / goal))
        last = history.last_scale_out.get(rid)
        if wanted > current and (last is None or now - last >= cooldown_out):
            alarm = f"TargetTracking-{rid}-AlarmHigh"
            cause = f"monitor alarm {alarm} in state ALARM triggered policy {policy.policy_name}"
            _scale(account, region, rid, wanted, cause)
            history.last_scale_out[rid] = now
        return
    if config.get("DisableScaleIn"):
        return
    window = values[:SCALE_IN_PERIODS]
    floor = goal * SCALE_IN_RATIO
    if len(window) == SCALE_IN_PERIODS and all(v is not None and v < floor for v in window):
        wanted = max(low, math.ceil(current * float(window[0] or 0) / goal))
        last = history.last_scaling.get(rid)
        cooldown_in = clock.metric_time(float(config.get("ScaleInCooldown", 300)))
        if wanted < current and (last is None or now - last >= cooldown_in):
            alarm = f"TargetTracking-{rid}-AlarmLow"
            cause = f"monitor alarm {alarm} in state ALARM triggered policy {policy.policy_name}"
            _scale(account, region, rid, wanted, cause)


def _period_seconds(config: dict[str, Any]) -> int:
    predefined = (config.get("PredefinedMetricSpecification") or {}).get("PredefinedMetricType")
    return _PREDEFINED[predefined][2] if predefined in _PREDEFINED else 60


def _metric(
    account: str, region: str, endpoint: str, variant: str, config: dict[str, Any]
) -> list[float | None]:
    """The policy's metric per period, the most recent period first."""
    predefined = (config.get("PredefinedMetricSpecification") or {}).get("PredefinedMetricType")
    if predefined in _PREDEFINED:
        metric, stat, seconds = _PREDEFINED[predefined]
        namespace: str | None = SAGEMAKER
        dims = {("EndpointName", endpoint), ("VariantName", variant)}
    else:
        custom = config.get("CustomizedMetricSpecification") or {}
        metric = str(custom.get("MetricName"))
        stat, seconds = str(custom.get("Statistic", "Average")), 60
        namespace = custom.get("Namespace")
        dims = {(d["Name"], d["Value"]) for d in custom.get("Dimensions") or []}
    period = clock.metric_time(seconds)
    now = clock.now()
    return [
        alarms.statistic(
            alarms.values_of(
                account, region, namespace, metric, dims, now - period * (i + 1), now - period * i
            ),
            stat,
        )
        for i in range(SCALE_IN_PERIODS)
    ]


def _scale(account: str, region: str, rid: str, count: int, cause: str) -> None:
    parts = _parts(rid)
    assert parts is not None
    sm = sagemaker_backends[account][region]
    endpoints.update_endpoint_weights_and_capacities(
        sm, parts[0], [{"VariantName": parts[1], "DesiredInstanceCount": count}]
    )
    now = clock.now()
    history = _history(account, region)
    history.activities.append(
        Activity(
            resource_id=rid,
            description=f"Setting desired instance count to {count}.",
            cause=cause,
            started=now,
            ends=now + clock.transition(),
            count=count,
        )
    )
    history.last_scaling[rid] = now


def install() -> None:
    """After ``endpoints.install``: it wraps that patch's DescribeEndpoint, UpdateEndpoint
    and DeleteEndpoint."""
    patched: list[tuple[type, str, Any]] = [
        (ApplicationAutoscalingBackend, "register_scalable_target", register_scalable_target),
        (ApplicationAutoscalingBackend, "deregister_scalable_target", deregister_scalable_target),
        (ApplicationAutoscalingBackend, "put_scaling_policy", put_scaling_policy),
        (ApplicationAutoscalingBackend, "delete_scaling_policy", delete_scaling_policy),
        (ApplicationAutoscalingBackend, "delete_scheduled_action", delete_scheduled_action),
        (ApplicationAutoscalingBackend, "put_scheduled_action", put_scheduled_action),
        (ApplicationAutoscalingBackend, "describe_scaling_policies", describe_scaling_policies),
        (ApplicationAutoScalingResponse, "describe_scalable_targets", describe_scalable_targets),
        (
            ApplicationAutoScalingResponse,
            "describe_scaling_activities",
            describe_scaling_activities,
        ),
        (SageMakerModelBackend, "describe_endpoint", describe_endpoint),
        (SageMakerModelBackend, "update_endpoint", update_endpoint),
        (SageMakerModelBackend, "delete_endpoint", delete_endpoint),
    ]
    for owner, name, replacement in patched:
        _original[name] = getattr(owner, name, None)
        setattr(owner, name, replacement)
