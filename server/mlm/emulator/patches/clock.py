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


def configure(transition_seconds: float) -> None:
    if transition_seconds < 0:
        raise ValueError("transition_seconds must be >= 0")
    global _transition
    _transition = timedelta(seconds=transition_seconds)


def transition() -> timedelta:
    return _transition


def now() -> datetime:
    """Naive UTC, like the timestamps moto stores."""
    return utcnow()
