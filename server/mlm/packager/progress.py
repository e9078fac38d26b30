"""Where a packaging run is: its phase and bytes/files done, reported through a callback.

The Batch wiring publishes what the callback receives; the CLI prints it. Byte updates
arrive from several download/upload threads, so the tracker is thread-safe and only
reports a byte update once ``min_step_bytes`` more are done (phase changes and finished
files are always reported).

Stages overlap (a checked file starts uploading while others still download): work
counted for a later phase is kept aside and that phase starts with it already done.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class Phase(StrEnum):
    RESOLVING = "resolving"
    DOWNLOADING = "downloading"  # each file is checked (sha256, safetensors header) as it lands
    UPLOADING = "uploading"
    REGISTERING = "registering"
    DONE = "done"


@dataclass(frozen=True)
class Progress:
    phase: Phase
    bytes_total: int
    bytes_done: int
    files_total: int
    files_done: int

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "phase": self.phase.value}


ProgressCallback = Callable[[Progress], None]
DEFAULT_MIN_STEP_BYTES = 8 * 1024 * 1024


class ProgressTracker:
    """Counts work within the current phase and reports snapshots to ``callback``."""

    def __init__(
        self, callback: ProgressCallback | None, min_step_bytes: int = DEFAULT_MIN_STEP_BYTES
    ) -> None:
        self._callback = callback
        self._min_step = min_step_bytes
        self._lock = threading.Lock()
        self._phase = Phase.RESOLVING
        self._bytes_total = 0
        self._bytes_done = 0
        self._files_total = 0
        self._files_done = 0
        self._last_reported_bytes = 0
        self._ahead: dict[Phase, list[int]] = {}  # [bytes, files] done for later phases

    def start(self, phase: Phase, bytes_total: int = 0, files_total: int = 0) -> None:
        with self._lock:
            self._phase = phase
            self._bytes_total, self._files_total = bytes_total, files_total
            self._bytes_done, self._files_done = self._ahead.pop(phase, [0, 0])
            self._last_reported_bytes = self._bytes_done
            if phase is Phase.DONE:  # finished: everything counted is done
                self._bytes_done, self._files_done = bytes_total, files_total
            snapshot = self._snapshot()
        self._report(snapshot)

    def add_bytes(self, count: int, phase: Phase | None = None) -> None:
        """Count ``count`` bytes done in ``phase`` (default: the current one)."""
        with self._lock:
            if phase is not None and phase is not self._phase:
                self._ahead.setdefault(phase, [0, 0])[0] += count
                return
            self._bytes_done += count
            if self._bytes_done - self._last_reported_bytes < self._min_step:
                return
            self._last_reported_bytes = self._bytes_done
            snapshot = self._snapshot()
        self._report(snapshot)

    def file_done(self, phase: Phase | None = None) -> None:
        with self._lock:
            if phase is not None and phase is not self._phase:
                self._ahead.setdefault(phase, [0, 0])[1] += 1
                return
            self._files_done += 1
            self._last_reported_bytes = self._bytes_done
            snapshot = self._snapshot()
        self._report(snapshot)

    def current(self) -> Progress:
        with self._lock:
            return self._snapshot()

    def _snapshot(self) -> Progress:
        return Progress(
            phase=self._phase,
            bytes_total=self._bytes_total,
            bytes_done=self._bytes_done,
            files_total=self._files_total,
            files_done=self._files_done,
        )

    def _report(self, snapshot: Progress) -> None:
        if self._callback is not None:
            self._callback(snapshot)
