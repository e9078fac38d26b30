"""What a client asks of an endpoint, and the checks made before anything is created.

The spec validates shapes over HTTP; these checks repeat the domain rules so the service
is safe when called without HTTP (and say what is wrong in plain words).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from mlm import naming
from mlm.errors import FieldError, Unprocessable
from mlm.services.endpoints.data_capture import DataCaptureSpec

MAX_VARIANTS = 10
MIN_INSTANCES, MAX_INSTANCES = 1, 100
STRATEGIES = ("all_at_once", "canary", "linear", "rolling")
MIN_STEP_PERCENT, MAX_STEP_PERCENT = 10, 50
# A rolling update's batch: between 5 % and 50 % of each variant's instances (AWS's
# RollingUpdatePolicy.MaximumBatchSize), so a variant needs at least two instances.
MIN_BATCH_PERCENT, MAX_BATCH_PERCENT = 5, 50
BATCH_UNITS = ("instances", "percent")
MAX_WAIT_SECONDS = 3600
MIN_BAKE_SECONDS = 60  # one CloudWatch period: a shorter bake is never watched
# UpdateEndpoint's MaximumExecutionTimeoutInSeconds bounds.
MIN_EXECUTION_SECONDS, MAX_EXECUTION_SECONDS = 600, 28800
_VARIANT_NAME = re.compile(naming.VARIANT_NAME_PATTERN)


class InstanceTypeCheck(Protocol):
    def is_valid(self, instance_type: str) -> bool: ...


class RollbackGuards(Protocol):
    """Puts the alarms a guarded update watches (mlm.services.alarms.RollbackAlarms)."""

    def prepare(
        self,
        tenant: str,
        endpoint: str,
        variants: Sequence[tuple[str, str]],
        guard: AutoRollback,
    ) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class VariantSpec:
    model_name: str
    model_version: int
    instance_type: str
    name: str = "primary"
    instance_count: int = 1
    initial_weight: float = 1.0


@dataclass(frozen=True)
class NewEndpoint:
    name: str
    variants: Sequence[VariantSpec]
    enhanced_metrics: bool = False
    tags: dict[str, str] = field(default_factory=dict)
    data_capture: DataCaptureSpec | None = None


@dataclass(frozen=True)
class VariantChange:
    name: str
    instance_count: int | None = None
    weight: float | None = None
    instance_type: str | None = None
    model_version: int | None = None

    @property
    def empty(self) -> bool:
        return (
            self.instance_count is None
            and self.weight is None
            and self.instance_type is None
            and self.model_version is None
        )


@dataclass(frozen=True)
class RollbackAlarm:
    """An alarm MLM creates on each changed variant to guard a rollout (the alarms
    service's kinds: ``error_rate_5xx``, ``latency_p99_ms`` …)."""

    kind: str
    threshold: float | None = None
    evaluation_periods: int = 1


DEFAULT_ROLLBACK_ALARMS = (RollbackAlarm("error_rate_5xx"),)


@dataclass(frozen=True)
class AutoRollback:
    """The alarms that roll a blue/green update back by themselves while it bakes."""

    alarms: tuple[RollbackAlarm, ...] = ()
    alarm_names: tuple[str, ...] = ()  # the caller's own CloudWatch alarms

    @property
    def wanted(self) -> tuple[RollbackAlarm, ...]:
        """MLM's alarms to create: the default 5xx rate when the request names none."""
        if not self.alarms and not self.alarm_names:
            return DEFAULT_ROLLBACK_ALARMS
        return self.alarms


@dataclass(frozen=True)
class BatchSize:
    """How much of a variant a rolling update replaces at a time (AWS's CapacitySize)."""

    unit: str  # instances | percent
    value: int

    def instances(self, count: int) -> float:
        """The batch in instances of a variant of ``count``."""
        return float(self.value) if self.unit == "instances" else count * self.value / 100


@dataclass(frozen=True)
class Deployment:
    """How an update moves traffic to the new fleet: blue/green (UpdateEndpoint's
    BlueGreenUpdatePolicy) or ``rolling`` (its RollingUpdatePolicy, batch by batch)."""

    strategy: str = "all_at_once"
    traffic_percent: int | None = None
    wait_seconds: int = 0
    termination_wait_seconds: int = 0
    auto_rollback: AutoRollback | None = None
    maximum_execution_seconds: int | None = None
    batch_size: BatchSize | None = None
    rollback_batch_size: BatchSize | None = None


class _Problems:
    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def add(self, path: str, message: str) -> None:
        self.errors.append(FieldError(field=path, message=message))

    def raise_if_any(self, code: str, what: str) -> None:
        if self.errors:
            first = self.errors[0]
            raise Unprocessable(
                code=code, detail=f"{what}: {first.field} {first.message}", errors=self.errors
            )


def _check_count(problems: _Problems, path: str, count: int) -> None:
    if not MIN_INSTANCES <= count <= MAX_INSTANCES:
        problems.add(path, f"must be between {MIN_INSTANCES} and {MAX_INSTANCES}")


def _check_weight(problems: _Problems, path: str, weight: float) -> None:
    if not math.isfinite(weight) or weight < 0:
        problems.add(path, "must be a number of at least 0")


def _check_type(problems: _Problems, path: str, value: str, catalog: InstanceTypeCheck) -> None:
    if not catalog.is_valid(value):
        problems.add(path, f"'{value}' is not an instance type SageMaker endpoints accept")


def check_new(request: NewEndpoint, catalog: InstanceTypeCheck) -> None:
    problems = _Problems()
    if not naming.is_api_name(request.name):
        problems.add(
            "name",
            f"must be lowercase letters, digits and single hyphens, starting with a letter, "
            f"at most {naming.API_NAME_MAX} characters",
        )
    if not 1 <= len(request.variants) <= MAX_VARIANTS:
        problems.add("variants", f"must list between 1 and {MAX_VARIANTS} variants")
    seen: set[str] = set()
    for i, variant in enumerate(request.variants):
        path = f"variants[{i}]"
        if not _VARIANT_NAME.match(variant.name):
            problems.add(f"{path}.name", "must be lowercase letters, digits and single hyphens")
        if variant.name in seen:
            problems.add(f"{path}.name", f"'{variant.name}' is used by more than one variant")
        seen.add(variant.name)
        if variant.model_version < 1:
            problems.add(f"{path}.model_version", "must be at least 1")
        _check_type(problems, f"{path}.instance_type", variant.instance_type, catalog)
        _check_count(problems, f"{path}.instance_count", variant.instance_count)
        _check_weight(problems, f"{path}.initial_weight", variant.initial_weight)
    if request.variants and all(v.initial_weight <= 0 for v in request.variants):
        problems.add("variants", "at least one variant needs a weight above 0")
    for key in request.tags:
        if key.startswith(naming.RESERVED_TAG_PREFIXES):
            problems.add(f"tags.{key}", "keys starting with 'mlm:' or 'aws:' are reserved")
    problems.raise_if_any("INVALID_ENDPOINT", "The endpoint request is not valid")


def check_changes(
    changes: Sequence[VariantChange],
    existing: Sequence[str],
    deployment: Deployment | None,
    catalog: InstanceTypeCheck,
) -> None:
    """Shape checks of an update; variant names are checked against ``existing``."""
    unknown = [c.name for c in changes if c.name not in existing]
    if unknown:
        raise Unprocessable(
            code="UNKNOWN_VARIANT",
            detail=f"The endpoint has no variant named '{unknown[0]}'; "
            f"its variants are: {', '.join(existing)}.",
        )
    problems = _Problems()
    if not changes:
        problems.add("variants", "must name at least one variant to change")
    seen: set[str] = set()
    for i, change in enumerate(changes):
        path = f"variants[{i}]"
        if change.name in seen:
            problems.add(f"{path}.name", f"'{change.name}' is listed more than once")
        seen.add(change.name)
        if change.empty:
            problems.add(
                path,
                "must change at least one of instance_count, weight, instance_type, model_version",
            )
        if change.instance_count is not None:
            _check_count(problems, f"{path}.instance_count", change.instance_count)
        if change.weight is not None:
            _check_weight(problems, f"{path}.weight", change.weight)
        if change.instance_type is not None:
            _check_type(problems, f"{path}.instance_type", change.instance_type, catalog)
        if change.model_version is not None and change.model_version < 1:
            problems.add(f"{path}.model_version", "must be at least 1")
    if deployment is not None:
        _check_deployment(problems, deployment)
    problems.raise_if_any("INVALID_ENDPOINT_UPDATE", "The update is not valid")


def _check_deployment(problems: _Problems, deployment: Deployment) -> None:
    if deployment.strategy not in STRATEGIES:
        problems.add("deployment.strategy", f"must be one of {', '.join(STRATEGIES)}")
    if deployment.strategy in ("canary", "linear"):
        percent = deployment.traffic_percent
        if percent is None:
            problems.add("deployment.traffic_percent", f"is required for {deployment.strategy}")
        elif not MIN_STEP_PERCENT <= percent <= MAX_STEP_PERCENT:
            problems.add(
                "deployment.traffic_percent",
                f"must be between {MIN_STEP_PERCENT} and {MAX_STEP_PERCENT}",
            )
    _check_batches(problems, deployment)
    for path, seconds in (
        ("deployment.wait_seconds", deployment.wait_seconds),
        ("deployment.termination_wait_seconds", deployment.termination_wait_seconds),
    ):
        if not 0 <= seconds <= MAX_WAIT_SECONDS:
            problems.add(path, f"must be between 0 and {MAX_WAIT_SECONDS}")
    if deployment.auto_rollback is not None and deployment.wait_seconds < MIN_BAKE_SECONDS:
        problems.add(
            "deployment.wait_seconds",
            f"must be at least {MIN_BAKE_SECONDS} with auto_rollback: alarms are watched "
            "while the new fleet bakes, and CloudWatch evaluates them once a minute",
        )
    timeout = deployment.maximum_execution_seconds
    if timeout is not None and not MIN_EXECUTION_SECONDS <= timeout <= MAX_EXECUTION_SECONDS:
        problems.add(
            "deployment.maximum_execution_seconds",
            f"must be between {MIN_EXECUTION_SECONDS} and {MAX_EXECUTION_SECONDS}",
        )


def _check_batches(problems: _Problems, deployment: Deployment) -> None:
    rolling = deployment.strategy == "rolling"
    if rolling and deployment.batch_size is None:
        problems.add("deployment.batch_size", "is required for rolling")
    if rolling and deployment.traffic_percent is not None:
        problems.add(
            "deployment.traffic_percent",
            "does not apply to rolling: batch_size says how much moves at each step",
        )
    if rolling and deployment.termination_wait_seconds:
        problems.add(
            "deployment.termination_wait_seconds",
            "does not apply to rolling: each batch of the old fleet goes once its successor "
            "has baked",
        )
    # A step is 5 % to 50 % of a variant (MaximumBatchSize); a rollback may bring back up
    # to all of it at once (RollbackMaximumBatchSize; AWS's default is 100 %).
    for path, batch, most in (
        ("deployment.batch_size", deployment.batch_size, MAX_BATCH_PERCENT),
        ("deployment.rollback_batch_size", deployment.rollback_batch_size, 100),
    ):
        if batch is None:
            continue
        least = MIN_BATCH_PERCENT if most == MAX_BATCH_PERCENT else 1
        if not rolling:
            problems.add(path, "applies only to the rolling strategy")
        elif batch.unit not in BATCH_UNITS:
            problems.add(f"{path}.unit", f"must be one of {', '.join(BATCH_UNITS)}")
        elif batch.unit == "percent" and not least <= batch.value <= most:
            problems.add(f"{path}.value", f"must be between {least} and {most} percent")
        elif batch.unit == "instances" and batch.value < 1:
            problems.add(f"{path}.value", "must be at least 1 instance")


def check_rolling_fleet(deployment: Deployment | None, counts: dict[str, int]) -> None:
    """A rolling update's batch against the new config's variants (``counts``: instances
    by variant): AWS takes a batch of 5 % to 50 % of every variant's instances."""
    if deployment is None or deployment.strategy != "rolling" or deployment.batch_size is None:
        return
    problems = _Problems()
    batch = deployment.batch_size
    for variant, count in sorted(counts.items()):
        size = batch.instances(count)
        if count < 2:
            problems.add(
                "deployment.batch_size",
                f"cannot roll variant '{variant}' of {count} instance: a batch is at most "
                "half a variant, so a rolling update needs at least 2 instances (use a "
                "blue/green strategy instead)",
            )
        elif size < 1 or not count * MIN_BATCH_PERCENT / 100 <= size <= count / 2:
            low, high = max(1, math.ceil(count * MIN_BATCH_PERCENT / 100)), count // 2
            allowed = f"{low} instance" if low == high else f"{low} to {high} instances"
            problems.add(
                "deployment.batch_size",
                f"is {size:g} instances of variant '{variant}' (of {count}); a batch must be at "
                f"least 1 instance and between {MIN_BATCH_PERCENT} % and {MAX_BATCH_PERCENT} % "
                f"of them: {allowed}",
            )
    problems.raise_if_any("INVALID_ENDPOINT_UPDATE", "The update is not valid")
