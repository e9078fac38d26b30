"""The emulator's sense of time: how long SageMaker transitions take, and "now".

Statuses are computed from timestamps when a resource is read, never by background
threads, so a later ``configure()`` also shortens (or stretches) transitions in flight.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

from moto.core.utils import utcnow

# moto serves requests on several threads; every patched change of endpoint state holds it.
LOCK = threading.RLock()

_transition = timedelta(seconds=2.0)
# How long one AWS minute lasts here for CloudWatch, Application Auto Scaling and
# deployment guardrails (metric periods, alarm evaluation, scaling cooldowns, a rollout's
# baking and termination waits): compressed, so a walk-through takes seconds.
_minute_seconds = 60.0
# How far the emulator's "now" is ahead of the wall clock: only tests move it (in process,
# never over the wire), so metric periods and cooldowns pass without waiting for them.
_ahead = timedelta(0)


def configure(transition_seconds: float) -> None:
    if transition_seconds < 0:
        raise ValueError("transition_seconds must be >= 0")
    global _transition
    _transition = timedelta(seconds=transition_seconds)


def configure_minute(minute_seconds: float) -> None:
    if minute_seconds <= 0:
        raise ValueError("minute_seconds must be > 0")
    global _minute_seconds
    _minute_seconds = minute_seconds


def travel(aws_seconds: float) -> None:
    """Move the emulator's "now" forward by this many AWS seconds of metric time."""
    if aws_seconds < 0:
        raise ValueError("the emulator's clock only moves forward")
    global _ahead
    _ahead += metric_time(aws_seconds)


def back_to_wall_clock() -> None:
    global _ahead
    _ahead = timedelta(0)


def metric_time(aws_seconds: float) -> timedelta:
    """AWS seconds of metric time (periods, cooldowns) in emulator time."""
    return timedelta(seconds=aws_seconds * _minute_seconds / 60.0)


def transition() -> timedelta:
    return _transition


def now() -> datetime:
    """Naive UTC, like the timestamps moto stores."""
    return utcnow() + _ahead
