"""A task run every N seconds on a daemon thread (the janitor under ``mlm serve``)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger("mlm.schedule")


class PeriodicTask:
    def __init__(self, name: str, interval_seconds: float, task: Callable[[], object]) -> None:
        self._name = name
        self._interval = interval_seconds
        self._task = task
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=self._interval + 5)

    def _run(self) -> None:
        # The first run waits one interval: a fresh process has nothing to sweep yet.
        while not self._stop.wait(self._interval):
            try:
                self._task()
            except Exception:  # a failed run is retried at the next interval
                log.exception("%s failed; it runs again in %.0f s", self._name, self._interval)
