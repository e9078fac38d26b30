"""The job's status document in S3 (``mlm package --status-uri``).

Batch itself only knows a job's state and exit code; the phase, the progress and the
result or failure live in one small JSON object the packager rewrites as it goes, so the
service reads them the same way on AWS and in the emulator. Progress writes are
throttled (a phase change is always written); a failed status write is logged, never
fatal: the status is a view of the job, not part of its output.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from mlm.packager.progress import Phase, Progress
from mlm.packager.request import split_s3_uri
from mlm.packager.upload import tagging

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

log = logging.getLogger(__name__)
DEFAULT_MIN_INTERVAL_SECONDS = 2.0


class StatusWriter:
    """Writes ``{"state", "progress", "result", "error"}`` to ``uri``."""

    def __init__(
        self,
        s3: S3Client,
        uri: str,
        tags: list[dict[str, str]],
        min_interval_s: float = DEFAULT_MIN_INTERVAL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        bucket, key = split_s3_uri(uri)
        self._s3, self._bucket, self._key = s3, bucket, key.rstrip("/")
        self._tagging = tagging(tags)
        self._min_interval = min_interval_s
        self._clock = clock
        self._lock = threading.Lock()
        self._last_written: float | None = None
        self._last_phase: Phase | None = None
        self._progress: dict[str, Any] | None = None

    def progress(self, progress: Progress) -> None:
        with self._lock:
            now = self._clock()
            self._progress = progress.to_dict()
            due = (
                self._last_written is None
                or progress.phase is not self._last_phase
                or now - self._last_written >= self._min_interval
            )
            if not due:
                return
            self._last_written, self._last_phase = now, progress.phase
            self._write({"state": "running", "progress": self._progress})

    def succeeded(self, result: dict[str, Any]) -> None:
        with self._lock:
            self._write({"state": "succeeded", "progress": self._progress, "result": result})

    def failed(self, code: str, reason: str) -> None:
        with self._lock:
            error = {"code": code, "reason": reason}
            self._write({"state": "failed", "progress": self._progress, "error": error})

    def _write(self, document: dict[str, Any]) -> None:
        body = json.dumps({"result": None, "error": None, **document}).encode()
        try:
            self._s3.put_object(
                Bucket=self._bucket,
                Key=self._key,
                Body=body,
                ContentType="application/json",
                Tagging=self._tagging,
            )
        except (ClientError, BotoCoreError):
            log.warning("Could not write the job status to s3://%s/%s", self._bucket, self._key)
