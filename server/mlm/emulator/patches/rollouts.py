"""Blue/green rollouts as SageMaker's deployment guardrails run them, step by step.

An UpdateEndpoint with ``DeploymentConfig.BlueGreenUpdatePolicy`` first provisions the new
(green) fleet (the transition delay), then shifts traffic to it (AWS: "Blue/Green
Deployments", "Use canary traffic shifting", "Use linear traffic shifting"):

- ``ALL_AT_ONCE``: all traffic at once, then one baking period of WaitIntervalInSeconds;
- ``CANARY``: CanarySize of the green fleet's capacity, a baking period, then the rest;
- ``LINEAR``: LinearStepSize more at each step, a baking period after each step but the
  one that completes the shift.

TerminationWaitInSeconds follows the last shift, then the blue fleet is gone and the
endpoint is InService on the new config. During every baking period the alarms of
``AutoRollbackConfiguration`` are watched: CloudWatch evaluates each once a period, so
here an alarm is evaluated at every metric minute of a baking period that has passed
since it was last looked at (AWS: "Auto-Rollback Configuration and Monitoring": "If any
of your alarms trip during the specified monitoring period, SageMaker AI initiates a
complete rollback"). A rollback moves all traffic back to the blue fleet at once
(``RollingBack`` for the transition delay, then InService on the old config with a
FailureReason naming the alarm). MaximumExecutionTimeoutInSeconds, when the steps would
outlast it, rolls back at that time too.

An UpdateEndpoint with ``DeploymentConfig.RollingUpdatePolicy`` replaces the fleet a
MaximumBatchSize at a time (AWS: "Use rolling deployments"): each batch of the new fleet
is provisioned (a transition), takes its share of traffic and bakes for
WaitIntervalInSeconds with the alarms watched, and then a batch of the old fleet goes; the
last batch bakes too. A rollback brings the old fleet back RollbackMaximumBatchSize at a
time (one transition per batch; all at once without it). MaximumBatchSize must be 5 % to
50 % of each variant's instances, as UpdateEndpoint requires.

Waits are AWS seconds compressed like metric minutes (``clock.metric_time``: a 60 s bake is
one emulated minute, 6 s under ``make run``), so a baking period holds the same number of
alarm evaluations as on AWS; tests keep AWS's minute and move the clock instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Literal

from mlm.emulator.patches import alarms, clock

Phase = Literal["provisioning", "baking", "shifted", "terminating", "done"]
_MAX_EVALUATIONS = 600  # per read: enough for ten hours of baking at one-minute periods


@dataclass(frozen=True)
class Window:
    """One stretch of the rollout: the green fleet's share of traffic while it lasts."""

    phase: Phase
    start: datetime
    end: datetime
    green_share: float
    step: int  # 1-based shift number (0 while provisioning)


@dataclass
class Rollout:
    kind: str
    shares: list[float]  # the green fleet's share of traffic after each shift
    wait: timedelta
    termination_wait: timedelta
    alarm_names: list[str]
    max_execution: timedelta | None
    account: str
    region: str
    started: datetime
    provisioned_at: datetime | None = None  # once seen, fixed (see ``windows``)
    # A rolling update provisions each later batch in a transition, fixed with the first.
    batch_time: timedelta | None = None
    rollback_batches: int = 1
    checked_until: datetime | None = None
    rolled_back_at: datetime | None = None
    rollback_reason: str | None = None

    @property
    def steps(self) -> int:
        return len(self.shares)

    @property
    def windows(self) -> list[Window]:
        """The stretches from the update's start (provisioning takes a transition), laid
        out when asked: a later ``clock.configure`` moves them while the new fleet is being
        provisioned, as it does transitions; once it is, the steps stay where they are."""
        at = self.provisioned_at or self.started + clock.transition()
        if self.provisioned_at is None and clock.now() >= at:
            self.provisioned_at = at
            self.batch_time = clock.transition()
        batch_time = self.batch_time if self.batch_time is not None else clock.transition()
        found = [Window("provisioning", self.started, at, 0.0, 0)]
        for index, share in enumerate(self.shares):
            last = index == len(self.shares) - 1
            if self.kind == "ROLLING" and index > 0:
                before = self.shares[index - 1]
                found.append(Window("provisioning", at, at + batch_time, before, index + 1))
                at += batch_time
            bakes = not last or self.kind in ("ALL_AT_ONCE", "ROLLING")
            if bakes and self.wait > timedelta(0):
                found.append(Window("baking", at, at + self.wait, share, index + 1))
                at += self.wait
            elif not last:
                found.append(Window("shifted", at, at, share, index + 1))
        found.append(Window("terminating", at, at + self.termination_wait, 1.0, self.steps))
        return found

    @property
    def ends(self) -> datetime:
        if self.rolled_back_at is not None:
            return self.rolled_back_at + clock.transition() * self.rollback_batches
        end = self.windows[-1].end
        limit = self._deadline()
        return end if limit is None or end <= limit else limit + clock.transition()

    def _deadline(self) -> datetime | None:
        if self.max_execution is None:
            return None
        return self.windows[0].start + self.max_execution

    def window_at(self, moment: datetime) -> Window:
        for window in self.windows:
            if window.start <= moment < window.end:
                return window
        return self.windows[-1] if moment >= self.windows[-1].end else self.windows[0]

    def green_share(self, moment: datetime) -> float:
        if self.rolled_back_at is not None and moment >= self.rolled_back_at:
            return 0.0
        return self.window_at(moment).green_share

    # --- watching the alarms -------------------------------------------------------------

    def watch(self, now: datetime) -> None:
        """Evaluate the alarms at each metric minute of baking (and at its end) that has
        passed since the last look; roll back at the first one in ALARM, or at the
        deadline."""
        if self.rolled_back_at is not None:
            return
        since = self.checked_until or self.windows[0].start
        self.checked_until = max(since, now)
        deadline = self._deadline()
        for moment, window in self._marks(since, now)[-_MAX_EVALUATIONS:]:
            if deadline is not None and moment >= deadline:
                break
            if self._tripped(moment, window):
                return
        if deadline is not None and now >= deadline and self.windows[-1].end > deadline:
            self.rolled_back_at = deadline
            self.rollback_reason = (
                "Deployment rolled back: it did not complete within "
                f"MaximumExecutionTimeoutInSeconds ({int(self.max_execution_seconds)})."
            )

    def _marks(self, since: datetime, now: datetime) -> list[tuple[datetime, Window]]:
        """The moments in (since, now] at which CloudWatch evaluated during baking."""
        minute = clock.metric_time(60)
        found = []
        for window in self.windows:
            if window.phase != "baking":
                continue
            moment = window.start + minute
            while moment < window.end:
                if since < moment <= now:
                    found.append((moment, window))
                moment += minute
            if since < window.end <= now:
                found.append((window.end, window))
        return found

    @property
    def max_execution_seconds(self) -> float:
        return 0.0 if self.max_execution is None else self.max_execution.total_seconds()

    def _tripped(self, moment: datetime, window: Window) -> bool:
        for name in self.alarm_names:
            if alarms.evaluate(self.account, self.region, name, at=moment) == "ALARM":
                self.rolled_back_at = moment
                self.rollback_reason = (
                    f"Deployment rolled back: alarm {name} went into ALARM while step "
                    f"{window.step} of {self.steps} was baking "
                    f"({alarms.reason(self.account, self.region, name)})"
                )
                return True
        return False

    # --- what DescribeEndpoint says ------------------------------------------------------

    def variant_status(self, moment: datetime) -> dict[str, Any]:
        if self.rolled_back_at is not None and moment >= self.rolled_back_at:
            return _status("Updating", self.rolled_back_at, "Rolling back to the old fleet.")
        window = self.window_at(moment)
        if window.phase == "provisioning" and window.step > 0:
            return _status(
                "Creating",
                window.start,
                f"Step {window.step} of {self.steps}: provisioning the next batch of the new "
                f"fleet; {round(window.green_share * 100)}% of traffic on it.",
            )
        if window.phase == "provisioning":
            return _status("Creating", window.start, "Provisioning the new fleet.")
        shifted = (
            f"Step {window.step} of {self.steps}: {round(window.green_share * 100)}% of "
            "traffic on the new fleet"
        )
        if window.phase == "baking":
            until = window.end.isoformat(timespec="seconds")
            return _status("Baking", window.start, f"{shifted}; baking until {until}Z.")
        return _status("ActivatingTraffic", window.start, f"{shifted}.")


def _status(status: str, start: datetime, message: str) -> dict[str, Any]:
    return {"Status": status, "StartTime": start, "StatusMessage": message}


class InvalidDeployment(ValueError):
    """A DeploymentConfig UpdateEndpoint refuses (a ValidationException on AWS)."""


def check(deployment: dict[str, Any] | None, variant_instances: list[int]) -> None:
    """What UpdateEndpoint validates of a RollingUpdatePolicy against the new config."""
    policy = (deployment or {}).get("RollingUpdatePolicy")
    if not policy:
        return
    if (deployment or {}).get("BlueGreenUpdatePolicy"):
        raise InvalidDeployment("Only one update policy can be specified in DeploymentConfig.")
    size = policy.get("MaximumBatchSize")
    if size is None:
        raise InvalidDeployment("RollingUpdatePolicy requires MaximumBatchSize.")
    for count in variant_instances:
        batch = _instances(size, count)
        if batch < 1 or not 0.05 * count <= batch <= 0.5 * count:
            raise InvalidDeployment(
                "MaximumBatchSize must be between 5% and 50% of the variant's instance "
                f"count ({count}), and at least one instance."
            )


def from_config(
    deployment: dict[str, Any] | None,
    green_instances: int,
    started: datetime,
    account: str,
    region: str,
    variant_instances: list[int] | None = None,
) -> Rollout | None:
    """The rollout an UpdateEndpoint's DeploymentConfig asks for (None: a plain update).
    A rolling update's steps are a variant's batches: the largest variant takes most."""
    rolling = (deployment or {}).get("RollingUpdatePolicy")
    if rolling:
        largest = max(variant_instances or [green_instances])
        return _rolling(deployment or {}, rolling, largest, started, account, region)
    policy = (deployment or {}).get("BlueGreenUpdatePolicy")
    if not policy:
        return None
    routing = policy.get("TrafficRoutingConfiguration") or {}
    kind = str(routing.get("Type") or "ALL_AT_ONCE")
    if kind == "CANARY":
        share = _share(routing.get("CanarySize"), green_instances)
        shares = [share, 1.0] if share < 1.0 else [1.0]
    elif kind == "LINEAR":
        step = _share(routing.get("LinearStepSize"), green_instances)
        count = max(1, math.ceil(1.0 / step - 1e-9)) if step > 0 else 1
        shares = [min(1.0, step * (i + 1)) for i in range(count)]
    else:
        shares = [1.0]
    rollback = (deployment or {}).get("AutoRollbackConfiguration") or {}
    timeout = policy.get("MaximumExecutionTimeoutInSeconds")
    return Rollout(
        kind=kind,
        shares=shares,
        wait=clock.metric_time(float(routing.get("WaitIntervalInSeconds") or 0)),
        termination_wait=clock.metric_time(float(policy.get("TerminationWaitInSeconds") or 0)),
        alarm_names=[str(a["AlarmName"]) for a in rollback.get("Alarms") or []],
        max_execution=None if timeout is None else clock.metric_time(float(timeout)),
        account=account,
        region=region,
        started=started,
    )


def _share(size: dict[str, Any] | None, green_instances: int) -> float:
    """CanarySize / LinearStepSize as a share of the green fleet's capacity."""
    if not size:
        return 1.0
    value = float(size.get("Value") or 0)
    if size.get("Type") == "INSTANCE_COUNT":
        return min(1.0, value / max(green_instances, 1))
    return min(1.0, value / 100.0)


def _instances(size: dict[str, Any], count: int) -> float:
    value = float(size.get("Value") or 0)
    return value if size.get("Type") == "INSTANCE_COUNT" else count * value / 100.0


def _rolling(
    deployment: dict[str, Any],
    policy: dict[str, Any],
    variant_instances: int,
    started: datetime,
    account: str,
    region: str,
) -> Rollout:
    step = _share(policy.get("MaximumBatchSize"), variant_instances)
    count = max(1, math.ceil(1.0 / step - 1e-9)) if step > 0 else 1
    back = policy.get("RollbackMaximumBatchSize")
    back_step = _share(back, variant_instances) if back else 1.0
    rollback = deployment.get("AutoRollbackConfiguration") or {}
    timeout = policy.get("MaximumExecutionTimeoutInSeconds")
    return Rollout(
        kind="ROLLING",
        shares=[min(1.0, step * (i + 1)) for i in range(count)],
        wait=clock.metric_time(float(policy.get("WaitIntervalInSeconds") or 0)),
        termination_wait=timedelta(0),
        alarm_names=[str(a["AlarmName"]) for a in rollback.get("Alarms") or []],
        max_execution=None if timeout is None else clock.metric_time(float(timeout)),
        account=account,
        region=region,
        started=started,
        rollback_batches=max(1, math.ceil(1.0 / back_step - 1e-9)) if back_step > 0 else 1,
    )
