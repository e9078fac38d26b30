"""What a client asks of an endpoint's autoscaling, and the rules it must follow."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from mlm.errors import FieldError, Unprocessable
from mlm.services.autoscaling.metrics import METRICS

MAX_INSTANCES = 100  # per variant; the account's instance quota may be lower
MAX_COOLDOWN_SECONDS = 86_400
MAX_SCHEDULES = 10
# Application Auto Scaling's schedule expressions: at(yyyy-mm-ddThh:mm:ss), rate(…), cron(…)
_SCHEDULE = re.compile(r"^(at\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\)|rate\(\d+ \w+\)|cron\([^()]+\))$")
_SCHEDULE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")


@dataclass(frozen=True)
class Schedule:
    """At ``schedule``, set the variant's bounds (either or both)."""

    name: str
    schedule: str
    min_instances: int | None = None
    max_instances: int | None = None
    timezone: str | None = None


@dataclass(frozen=True)
class VariantAutoscaling:
    variant: str
    min_instances: int
    max_instances: int
    metric: str = "invocations_per_instance"
    target_value: float = 70.0
    scale_in_cooldown_seconds: int = 300
    scale_out_cooldown_seconds: int = 300
    scale_in_enabled: bool = True
    schedules: tuple[Schedule, ...] = field(default_factory=tuple)


def check(wanted: Sequence[VariantAutoscaling], variants: Sequence[str]) -> None:
    """Every rule at once, each broken one named (422 INVALID_AUTOSCALING)."""
    errors: list[FieldError] = []
    seen: set[str] = set()
    for i, v in enumerate(wanted):
        path = f"variants[{i}]"
        if v.variant not in variants:
            errors.append(
                FieldError(f"{path}.variant", f"the endpoint has no variant '{v.variant}'")
            )
        if v.variant in seen:
            errors.append(FieldError(f"{path}.variant", f"'{v.variant}' is listed twice"))
        seen.add(v.variant)
        if not 1 <= v.min_instances <= MAX_INSTANCES:
            errors.append(
                FieldError(
                    f"{path}.min_instances",
                    f"must be 1 to {MAX_INSTANCES} (real-time endpoints without inference "
                    "components cannot scale to zero)",
                )
            )
        if not v.min_instances <= v.max_instances <= MAX_INSTANCES:
            errors.append(
                FieldError(f"{path}.max_instances", f"must be min_instances to {MAX_INSTANCES}")
            )
        metric = METRICS.get(v.metric)
        if metric is None:
            errors.append(FieldError(f"{path}.metric", f"must be one of {', '.join(METRICS)}"))
        elif v.target_value <= 0 or (
            metric.max_target is not None and v.target_value > metric.max_target
        ):
            top = metric.max_target
            errors.append(
                FieldError(
                    f"{path}.target_value",
                    f"must be above 0 and at most {top:g}" if top else "must be above 0",
                )
            )
        for name, seconds in (
            ("scale_in_cooldown_seconds", v.scale_in_cooldown_seconds),
            ("scale_out_cooldown_seconds", v.scale_out_cooldown_seconds),
        ):
            if not 0 <= seconds <= MAX_COOLDOWN_SECONDS:
                errors.append(FieldError(f"{path}.{name}", f"must be 0 to {MAX_COOLDOWN_SECONDS}"))
        errors.extend(_schedule_errors(path, v))
    if errors:
        raise Unprocessable(
            code="INVALID_AUTOSCALING", detail="The autoscaling is not valid", errors=errors
        )


def _schedule_errors(path: str, v: VariantAutoscaling) -> list[FieldError]:
    errors: list[FieldError] = []
    if len(v.schedules) > MAX_SCHEDULES:
        errors.append(FieldError(f"{path}.schedules", f"at most {MAX_SCHEDULES} per variant"))
    names: set[str] = set()
    for j, s in enumerate(v.schedules):
        at = f"{path}.schedules[{j}]"
        if not _SCHEDULE_NAME.match(s.name):
            errors.append(
                FieldError(f"{at}.name", "1-64 letters, digits, '-' or '_', starting with one")
            )
        if s.name in names:
            errors.append(FieldError(f"{at}.name", f"'{s.name}' is used twice"))
        names.add(s.name)
        if not _SCHEDULE.match(s.schedule):
            errors.append(
                FieldError(
                    f"{at}.schedule",
                    "must be at(yyyy-mm-ddThh:mm:ss), rate(<n> <unit>) or cron(<fields>)",
                )
            )
        if s.min_instances is None and s.max_instances is None:
            errors.append(FieldError(at, "needs min_instances, max_instances or both"))
        for key, value in (("min_instances", s.min_instances), ("max_instances", s.max_instances)):
            if value is not None and not 1 <= value <= MAX_INSTANCES:
                errors.append(FieldError(f"{at}.{key}", f"must be 1 to {MAX_INSTANCES}"))
        if (
            s.min_instances is not None
            and s.max_instances is not None
            and s.min_instances > s.max_instances
        ):
            errors.append(FieldError(f"{at}.max_instances", "must not be below min_instances"))
    return errors
