"""The alarms a guarded rollout watches: MLM's own per variant, and the caller's by name.

MLM's are CloudWatch alarms named ``<physical endpoint>--alarm-rollback-<kind>-<variant>``:
under the endpoint's alarm prefix, so they go with the endpoint (``AlarmService.remove_all``),
but not one of the kinds the endpoint's alarm list shows or replaces. Each guarded update
puts its set (PutMetricAlarm replaces by name, so a retry converges) and deletes the rest
of the endpoint's rollback alarms. The caller's own alarms must exist in the account and
must not be another tenant's (``mlm-<tenant>-…`` names belong to that tenant).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from mlm import naming
from mlm.aws.alarms import AlarmRecord, AlarmSpec, AlarmState
from mlm.errors import FieldError, Unprocessable
from mlm.services.alarms.service import (
    GpuCounts,
    rollback_prefix,
    setting_errors,
    variant_alarm,
)
from mlm.services.endpoints import names
from mlm.services.endpoints.requests import AutoRollback, RollbackAlarm

# A quiet canary sends no traffic, and no_traffic counts that as a breach: it would roll
# back every rollout of a quiet endpoint, so it guards nothing.
KINDS_FOR_ROLLBACK = ("error_rate_5xx", "latency_p99_ms", "gpu_memory_utilization")
MAX_ALARMS = 10  # UpdateEndpoint's AutoRollbackConfiguration takes at most 10


class AlarmStore(Protocol):
    def put(self, spec: AlarmSpec) -> None: ...
    def with_prefix(self, prefix: str) -> list[AlarmRecord]: ...
    def states(self, names: Sequence[str]) -> dict[str, AlarmState]: ...
    def delete(self, names: Sequence[str]) -> None: ...


class RollbackAlarms:
    def __init__(self, cloudwatch: AlarmStore, hardware: GpuCounts) -> None:
        self._cw = cloudwatch
        self._hardware = hardware

    def prepare(
        self,
        tenant: str,
        endpoint: str,
        variants: Sequence[tuple[str, str]],
        guard: AutoRollback,
    ) -> tuple[str, ...]:
        """Check the guard, put MLM's alarms on ``variants`` ((name, instance type) of the
        new config), drop this endpoint's other rollback alarms; every name to watch."""
        wanted = guard.wanted
        _check(wanted, guard.alarm_names, len(variants), tenant, self._cw)
        physical = names.endpoint_name(tenant, endpoint)
        prefix = rollback_prefix(tenant, endpoint)
        made = []
        for alarm in wanted:
            for variant, instance_type in variants:
                spec = variant_alarm(
                    f"{prefix}{alarm.kind}-{variant}",
                    f"MLM rollback guard of endpoint {endpoint}, variant {variant}: {alarm.kind}",
                    (physical, variant, instance_type),
                    alarm,
                    (),
                    self._hardware,
                )
                self._cw.put(spec)
                made.append(spec.name)
        stale = [r.name for r in self._cw.with_prefix(prefix) if r.name not in made]
        if stale:
            self._cw.delete(stale)
        return (*made, *guard.alarm_names)


def _check(
    wanted: Sequence[RollbackAlarm],
    own: Sequence[str],
    variant_count: int,
    tenant: str,
    cloudwatch: AlarmStore,
) -> None:
    base = "deployment.auto_rollback"
    errors = setting_errors(wanted, f"{base}.alarms", KINDS_FOR_ROLLBACK)
    total = len(wanted) * variant_count + len(own)
    if total > MAX_ALARMS:
        errors.append(
            FieldError(
                base,
                f"watches {total} alarms ({len(wanted)} per variant x {variant_count} variants "
                f"+ {len(own)} named); SageMaker watches at most {MAX_ALARMS}",
            )
        )
    mine = naming.tenant_prefix(tenant)
    foreign = [n for n in own if n.startswith("mlm-") and not n.startswith(mine)]
    for name in foreign:
        errors.append(FieldError(f"{base}.alarm_names", f"'{name}' is not one of this tenant's"))
    if errors:
        raise Unprocessable(
            code="INVALID_AUTO_ROLLBACK", detail=f"{errors[0].field} {errors[0].message}",
            errors=errors,
        )  # fmt: skip
    missing = sorted(set(own) - set(cloudwatch.states(own))) if own else []
    if missing:
        raise Unprocessable(
            code="UNKNOWN_ALARM",
            detail=f"No CloudWatch alarm named '{missing[0]}' in this account and region; "
            "create it first, or let MLM create the alarms (auto_rollback.alarms).",
            errors=[FieldError(f"{base}.alarm_names", f"'{n}' does not exist") for n in missing],
        )
