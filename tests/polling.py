"""One bounded poll for tests that wait on emulated transitions.

It is a wait with a deadline, not a timing assertion: the deadline only stops a test
that would otherwise hang, and the error names the last state seen.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

DEADLINE_SECONDS = 10.0
INTERVAL_SECONDS = 0.05


def poll(
    read: Callable[[], T],
    done: Callable[[T], bool],
    what: str,
    deadline_s: float = DEADLINE_SECONDS,
    interval_s: float = INTERVAL_SECONDS,
) -> T:
    """Call ``read`` until ``done`` holds for its result; that result is returned."""
    end = time.monotonic() + deadline_s
    seen = read()
    while not done(seen):
        if time.monotonic() >= end:
            raise AssertionError(f"{what}: still {seen!r} after {deadline_s} s")
        time.sleep(interval_s)
        seen = read()
    return seen


def poll_until_raises(
    read: Callable[[], object],
    gone: Callable[[Exception], bool],
    what: str,
    deadline_s: float = DEADLINE_SECONDS,
    interval_s: float = INTERVAL_SECONDS,
) -> None:
    """Call ``read`` until it raises an exception ``gone`` accepts (others propagate)."""

    def attempt() -> bool:
        try:
            read()
        except Exception as error:
            if gone(error):
                return True
            raise
        return False

    poll(attempt, bool, what, deadline_s, interval_s)
