"""Per-endpoint alarms: set, read with their states, notify a topic teams subscribe to.

Each alarm is a CloudWatch metric alarm per variant, named
``<physical endpoint>--alarm-<kind>-<variant>`` (the physical name carries the tenant, so
a tenant only ever names its own), and notifies one SNS topic per endpoint,
``<physical endpoint>--alerts``, on ALARM and on OK. Setting the alarms replaces the
endpoint's whole set under the endpoint's alarm lease (so two replicas never interleave
their puts and deletes); PutMetricAlarm and CreateTopic are idempotent by name, so a
retry converges. States are CloudWatch's; the endpoint's view reuses them for
``ttl_seconds`` (a read costs one DescribeAlarms), and a change here refreshes them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from mlm.aws.alarms import AlarmRecord, AlarmSpec, EndpointAlarmStore
from mlm.aws.notifications import Notifications, Subscription
from mlm.errors import FieldError, Unprocessable
from mlm.services.alarms.kinds import KINDS, Kind
from mlm.services.endpoints import names
from mlm.services.endpoints.views import Endpoint, Variant
from mlm.services.locking import ResourceLocks
from mlm.timestamps import rfc3339

MAX_EVALUATION_PERIODS = 60
PROTOCOLS = ("email", "https")
DEFAULT_TTL_SECONDS = 10.0


class EndpointReads(Protocol):
    def get(self, tenant: str, name: str) -> Endpoint: ...


class GpuCounts(Protocol):
    def get(self, name: str) -> Any: ...


@dataclass(frozen=True)
class AlarmRequest:
    kind: str
    threshold: float | None = None
    evaluation_periods: int = 1


@dataclass(frozen=True)
class EndpointAlarm:
    kind: str
    variant: str
    threshold: float
    unit: str
    state: str  # ok | alarm | insufficient_data
    reason: str
    updated_at: Any

    def to_api(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "variant": self.variant,
            "threshold": self.threshold,
            "unit": self.unit,
            "state": self.state,
            "reason": self.reason,
            "state_updated_at": None if self.updated_at is None else rfc3339(self.updated_at),
        }


@dataclass(frozen=True)
class EndpointAlarms:
    topic_arn: str | None
    alarms: list[EndpointAlarm]

    def to_api(self) -> dict[str, Any]:
        return {"topic_arn": self.topic_arn, "alarms": [a.to_api() for a in self.alarms]}


def alarm_prefix(tenant: str, endpoint: str) -> str:
    return f"{names.parts_prefix(tenant, endpoint)}alarm-"


def rollback_prefix(tenant: str, endpoint: str) -> str:
    """MLM's rollout guards (``rollback.py``): under the endpoint's alarm prefix, so they go
    with it, but neither listed nor replaced with the endpoint's own alarms."""
    return f"{alarm_prefix(tenant, endpoint)}rollback-"


def topic_name(tenant: str, endpoint: str) -> str:
    return f"{names.parts_prefix(tenant, endpoint)}alerts"


class AlarmService:
    def __init__(
        self,
        cloudwatch: EndpointAlarmStore,
        notifications: Notifications,
        endpoints: EndpointReads,
        hardware: GpuCounts,
        locks: ResourceLocks,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
    ) -> None:
        self._cw = cloudwatch
        self._sns = notifications
        self._endpoints = endpoints
        self._hardware = hardware
        self._locks = locks
        self._ttl = ttl_seconds
        self._cache: dict[tuple[str, str], tuple[float, list[AlarmRecord]]] = {}
        self._lock = threading.Lock()

    # --- reads ---------------------------------------------------------------------------

    def get(self, tenant: str, name: str) -> EndpointAlarms:
        endpoint = self._endpoints.get(tenant, name)
        records = self._read(tenant, name, fresh=True)
        topic = next((a for r in records for a in r.actions if ":sns:" in a), None)
        return EndpointAlarms(topic, self._views(tenant, endpoint, records))

    def for_view(self, tenant: str, endpoint: Endpoint) -> list[EndpointAlarm]:
        """The states the endpoint's view shows (reused for ``ttl_seconds``)."""
        return self._views(tenant, endpoint, self._read(tenant, endpoint.name, fresh=False))

    # --- changes -------------------------------------------------------------------------

    def put(self, tenant: str, name: str, wanted: Sequence[AlarmRequest]) -> EndpointAlarms:
        endpoint = self._endpoints.get(tenant, name)
        _check(wanted)
        physical = names.endpoint_name(tenant, name)
        with self._locks.hold(tenant, "endpoint-alarms", name) as held:
            topic = self._sns.ensure_topic(topic_name(tenant, name), names.tags(tenant, name, {}))
            held.confirm()
            keep: set[str] = set()
            for request in wanted:
                kind = KINDS[request.kind]
                for variant in endpoint.variants:
                    spec = self._spec(tenant, name, physical, variant, kind, request, topic)
                    self._cw.put(spec)
                    keep.add(spec.name)
            guards = rollback_prefix(tenant, name)
            stale = [
                r.name
                for r in self._read(tenant, name, fresh=True)
                if r.name not in keep and not r.name.startswith(guards)
            ]
            if stale:
                self._cw.delete(stale)
        return self.get(tenant, name)

    def subscribe(self, tenant: str, name: str, protocol: str, endpoint: str) -> Subscription:
        self._endpoints.get(tenant, name)
        if protocol not in PROTOCOLS:
            raise Unprocessable(
                code="INVALID_SUBSCRIPTION", detail=f"protocol must be one of {PROTOCOLS}."
            )
        if protocol == "https" and not endpoint.startswith("https://"):
            raise Unprocessable(
                code="INVALID_SUBSCRIPTION", detail="An https subscription needs an https:// URL."
            )
        if protocol == "email" and "@" not in endpoint:
            raise Unprocessable(
                code="INVALID_SUBSCRIPTION", detail="An email subscription needs an address."
            )
        topic = self._sns.ensure_topic(topic_name(tenant, name), names.tags(tenant, name, {}))
        return self._sns.subscribe(topic, protocol, endpoint)

    def remove_all(self, tenant: str, name: str) -> None:
        """Delete the endpoint's alarms and topic (with the endpoint: nothing is left to
        watch). Safe to repeat: both deletes accept what is already gone."""
        records = self._read(tenant, name, fresh=True)
        if not records:
            return
        self._cw.delete([r.name for r in records])
        for topic in {a for r in records for a in r.actions if ":sns:" in a}:
            self._sns.delete_topic(topic)
        self._read(tenant, name, fresh=True)

    # --- helpers -------------------------------------------------------------------------

    def _read(self, tenant: str, name: str, fresh: bool) -> list[AlarmRecord]:
        key = (tenant, name)
        now = time.monotonic()
        with self._lock:
            cached = self._cache.get(key)
        if not fresh and cached is not None and now - cached[0] < self._ttl:
            return cached[1]
        records = self._cw.with_prefix(alarm_prefix(tenant, name))
        with self._lock:
            self._cache[key] = (now, records)
        return records

    def _spec(
        self,
        tenant: str,
        name: str,
        physical: str,
        variant: Variant,
        kind: Kind,
        request: AlarmRequest,
        topic: str,
    ) -> AlarmSpec:
        return variant_alarm(
            f"{alarm_prefix(tenant, name)}{kind.name}-{variant.name}",
            f"MLM {kind.name} of endpoint {name}, variant {variant.name}",
            (physical, variant.name, variant.instance_type or ""),
            request,
            (topic,),
            self._hardware,
        )

    def _views(
        self, tenant: str, endpoint: Endpoint, records: list[AlarmRecord]
    ) -> list[EndpointAlarm]:
        prefix = alarm_prefix(tenant, endpoint.name)
        variants = {v.name: v for v in endpoint.variants}
        found: list[EndpointAlarm] = []
        for record in records:
            rest = record.name.removeprefix(prefix)
            kind = next((k for k in KINDS.values() if rest.startswith(k.name + "-")), None)
            if kind is None:
                continue
            variant_name = rest.removeprefix(kind.name + "-")
            scale = kind.scale
            if kind.per_gpu:
                variant = variants.get(variant_name)
                hardware = self._hardware.get(variant.instance_type or "") if variant else None
                scale *= max(int(getattr(hardware, "gpu_count", 0) or 1), 1)
            found.append(
                EndpointAlarm(
                    kind=kind.name,
                    variant=variant_name,
                    threshold=round(record.threshold / scale, 6),
                    unit=kind.unit,
                    state=record.state.lower(),
                    reason=record.reason,
                    updated_at=record.updated_at,
                )
            )
        return sorted(found, key=lambda a: (a.kind, a.variant))


def _check(wanted: Sequence[AlarmRequest]) -> None:
    errors = setting_errors(wanted, "alarms", tuple(KINDS))
    if errors:
        raise Unprocessable(code="INVALID_ALARMS", detail="The alarms are not valid", errors=errors)


class AlarmSetting(Protocol):
    """An alarm as asked for: this service's AlarmRequest, or a rollout's RollbackAlarm."""

    @property
    def kind(self) -> str: ...
    @property
    def threshold(self) -> float | None: ...
    @property
    def evaluation_periods(self) -> int: ...


def setting_errors(
    wanted: Sequence[AlarmSetting], base: str, allowed: tuple[str, ...]
) -> list[FieldError]:
    """What is wrong with alarms asked for at ``base`` (``alarms[0].threshold`` …)."""
    errors: list[FieldError] = []
    seen: set[str] = set()
    for i, request in enumerate(wanted):
        path = f"{base}[{i}]"
        kind = KINDS.get(request.kind)
        if kind is None or request.kind not in allowed:
            errors.append(FieldError(f"{path}.kind", f"must be one of {', '.join(allowed)}"))
            continue
        if request.kind in seen:
            errors.append(FieldError(f"{path}.kind", f"'{request.kind}' is listed twice"))
        seen.add(request.kind)
        threshold = request.threshold if request.threshold is not None else kind.default_threshold
        if threshold is None:
            errors.append(FieldError(f"{path}.threshold", f"{kind.name} needs a threshold"))
        elif threshold < 0 or (kind.max_threshold is not None and threshold > kind.max_threshold):
            top = kind.max_threshold
            errors.append(
                FieldError(
                    f"{path}.threshold",
                    f"must be between 0 and {top:g}" if top else "must not be negative",
                )
            )
        if not 1 <= request.evaluation_periods <= MAX_EVALUATION_PERIODS:
            errors.append(
                FieldError(f"{path}.evaluation_periods", f"must be 1 to {MAX_EVALUATION_PERIODS}")
            )
    return errors


def variant_alarm(
    name: str,
    what: str,
    variant: tuple[str, str, str],
    request: AlarmSetting,
    actions: tuple[str, ...],
    hardware: GpuCounts,
) -> AlarmSpec:
    """The CloudWatch alarm of a checked setting on one variant ((physical endpoint,
    variant, instance type)): the kind's metric, its threshold in CloudWatch's unit."""
    physical, variant_name, instance_type = variant
    kind = KINDS[request.kind]
    threshold = request.threshold if request.threshold is not None else kind.default_threshold
    assert threshold is not None  # setting_errors refused a missing one
    scale = kind.scale
    if kind.per_gpu:
        found = hardware.get(instance_type)
        scale *= max(int(getattr(found, "gpu_count", 0) or 1), 1)
    return AlarmSpec(
        name=name,
        description=f"{what}: {threshold:g} {kind.unit}",
        namespace=kind.namespace,
        metric_name=kind.metric_name,
        dimensions=(("EndpointName", physical), ("VariantName", variant_name)),
        statistic=kind.statistic,
        threshold=threshold * scale,
        comparison=kind.comparison,
        evaluation_periods=request.evaluation_periods,
        treat_missing_data=kind.treat_missing_data,
        actions=actions,
        ratio_of=kind.ratio_of,
    )
