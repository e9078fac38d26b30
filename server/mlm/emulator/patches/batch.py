"""AWS Batch jobs that really run: a job whose command starts with ``mlm`` runs that
command as a child process of the emulator (the packager's container entry point), with
Batch's states following the process. Every other job keeps moto's behaviour
(``SUCCEEDED`` at once).

- The command is ``containerOverrides.command`` or the job definition's, with
  ``Ref::<name>`` replaced by the job's ``parameters`` (as Batch does).
- The environment is the job definition's, then ``containerOverrides.environment``, plus
  what points the packager at the emulator (``MLM_MODE``, ``MLM_AWS_ENDPOINT_URL``,
  credentials "testing") and ``AWS_BATCH_JOB_ID``.
- SUBMITTED → PENDING → RUNNABLE → STARTING, each for half the transition delay, then
  RUNNING while the process runs, then SUCCEEDED (exit 0) or FAILED (``container.exitCode``
  set; ``statusReason`` is the packager's ``reason`` from its JSON error on stdout).
- stdout/stderr go to a temporary directory per job and, line by line while the process
  runs (every ``_SHIP_SECONDS``) and once more when it ends, into CloudWatch Logs (group
  ``/aws/batch/job``, the job's ``logStreamName``, created when the container starts), as
  the awslogs driver does; then the directory is removed.
- TerminateJob stops the process (SIGTERM, then SIGKILL after a grace period) and the job
  ends FAILED with the given reason and exit code 143. CancelJob does the same for a job
  that has not started yet and, like AWS, leaves STARTING/RUNNING jobs alone.
- Children die with the emulator: ``shutdown()`` (on Emulator.stop and at exit) kills
  them, and on Linux they are also killed if the emulator process dies.
"""

from __future__ import annotations

import atexit
import ctypes
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from moto.batch.models import Job
from moto.batch.utils import JobStatus
from moto.batch_simple.models import BatchSimpleBackend

from mlm.emulator.patches import clock

PROGRAM = "mlm"
EXIT_TERMINATED = 128 + signal.SIGTERM  # what a container stopped with SIGTERM reports
KILL_GRACE_SECONDS = 5.0  # AWS waits 30 s before SIGKILL; the emulator need not
DEFAULT_REASON = "Essential container in task exited"
_LOG_GROUP = "/aws/batch/job"
_TICK_SECONDS = 0.02
_SHIP_SECONDS = 0.5

_endpoint_url: str | None = None
_lock = threading.Lock()
_processes: dict[str, subprocess.Popen[bytes]] = {}


def configure(endpoint_url: str) -> None:
    """Tell jobs where the emulator listens (known only once the server has started)."""
    global _endpoint_url
    _endpoint_url = endpoint_url


def install() -> None:
    original = BatchSimpleBackend._mark_job_as_finished

    def mark_job_as_finished(self: Any, include_start_attempt: bool, job: Job) -> None:
        command = _command(job)
        if not include_start_attempt or not command or command[0] != PROGRAM:
            original(self, include_start_attempt, job)
            return
        self.backend._jobs[job.job_id] = job
        job.__class__ = ProcessJob
        assert isinstance(job, ProcessJob)
        job.prepare(command)
        threading.Thread(target=job.drive, name=f"batch-{job.job_id}", daemon=True).start()

    setattr(BatchSimpleBackend, "_mark_job_as_finished", mark_job_as_finished)  # noqa: B010
    atexit.register(shutdown)


def shutdown() -> None:
    """Kill every job process still running (the emulator is going away)."""
    with _lock:
        running = list(_processes.values())
    for process in running:
        process.kill()


def _command(job: Job) -> list[str]:
    properties = job.job_definition.container_properties or {}
    command = job.container_overrides.get("command") or properties.get("command") or []
    return list(job._add_parameters_to_command(command))


class ProcessJob(Job):
    """A moto Job whose state follows a child process (set as a job's class at submit)."""

    _stopping: threading.Event
    _argv: list[str]
    _shipper: _LogShipper

    def prepare(self, command: list[str]) -> None:
        self._stopping = threading.Event()
        self._argv = [*_program(), *command[1:]]

    # moto's state manager would jump to RUNNING on the first read; ours is driven.
    @property
    def status(self) -> str | None:
        return self._status

    @status.setter
    def status(self, value: str) -> None:
        self._status = value

    def describe_short(self) -> dict[str, Any]:
        result = super().describe_short()
        if not self.attempts:  # never started (cancelled while queued): no start time
            result.pop("startedAt", None)
        return result

    def describe(self) -> dict[str, Any]:
        result = super().describe()
        container = result.setdefault("container", {})
        if self.exit_code is not None:
            container["exitCode"] = self.exit_code
        if self.log_stream_name:
            container["logStreamName"] = self.log_stream_name
        return result

    def terminate(self, reason: str) -> None:
        with _lock:
            if self.stop or self.job_stopped:
                return
            self.stop = True
            self.job_stopped_reason = reason
            process = _processes.get(self.job_id)
        self._stopping.set()
        if process is not None:
            process.terminate()

    def drive(self) -> None:
        """The job's life: queue states, the process, the outcome."""
        for status in (JobStatus.PENDING, JobStatus.RUNNABLE, JobStatus.STARTING):
            if not self._stay():
                self._mark_stopped(success=False)
                return
            self.status = status.value
        if not self._stay():
            self._mark_stopped(success=False)
            return
        work = Path(tempfile.mkdtemp(prefix=f"mlm-batch-{self.job_id}-"))
        try:
            code = self._run_process(work)
            if code is None:  # stopped before the process started
                self._mark_stopped(success=False)
                return
            self.exit_code = code
            if code != 0 and not self.stop:
                self.job_stopped_reason = _failure_reason(work / "stdout")
            self._shipper.ship(final=True)
            self._mark_stopped(success=code == 0 and not self.stop)
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def _stay(self) -> bool:
        """Wait out half a transition in the current state; False when stopped meanwhile.
        The delay is re-read while waiting, so a reconfigured clock applies at once."""
        entered = time.monotonic()
        while not self._stopping.is_set():
            if time.monotonic() - entered >= clock.transition().total_seconds() / 2:
                return True
            self._stopping.wait(_TICK_SECONDS)
        return False

    def _run_process(self, work: Path) -> int | None:
        with (work / "stdout").open("wb") as out, (work / "stderr").open("wb") as err:
            with _lock:
                if self.stop:
                    return None
                process = subprocess.Popen(  # noqa: S603 - argv from our own job definition
                    self._argv,
                    stdin=subprocess.DEVNULL,
                    stdout=out,
                    stderr=err,
                    env=self._environment(),
                    cwd=work,
                    preexec_fn=_die_with_parent if sys.platform == "linux" else None,
                )
                _processes[self.job_id] = process
                self.job_started_at = datetime.now()
                self.log_stream_name = self._stream_name
                self._shipper = _LogShipper(self._log_backend, self.log_stream_name, work)
                self._start_attempt()
                self.status = JobStatus.RUNNING.value
            try:
                return _wait(process, self._stopping, self._shipper.ship)
            finally:
                with _lock:
                    _processes.pop(self.job_id, None)

    def _environment(self) -> dict[str, str]:
        region = self.job_definition._region
        # The emulator's own settings (MLM_*, AWS_*) must not leak into the job.
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MLM_", "AWS_", "HF_"))}
        env.update(
            {
                "MLM_MODE": "emulator",
                "MLM_REGION": region,
                "AWS_DEFAULT_REGION": region,
                "AWS_ACCESS_KEY_ID": "testing",
                "AWS_SECRET_ACCESS_KEY": "testing",
            }
        )
        if _endpoint_url is not None:
            env["MLM_AWS_ENDPOINT_URL"] = _endpoint_url
        properties = self.job_definition.container_properties or {}
        for source in (properties, self.container_overrides):
            for variable in source.get("environment") or []:
                env[variable["name"]] = variable["value"]
        env["AWS_BATCH_JOB_ID"] = self.job_id
        env["AWS_BATCH_JQ_NAME"] = self.job_queue.name
        return env


class _LogShipper:
    """Puts a job's new output lines into its log stream (the awslogs driver's job)."""

    def __init__(self, backend: Any, stream: str, work: Path) -> None:
        self._backend, self._stream, self._work = backend, stream, work
        self._offsets = {"stderr": 0, "stdout": 0}
        self._lock = threading.Lock()
        backend.ensure_log_group(_LOG_GROUP)
        backend.ensure_log_stream(_LOG_GROUP, stream)

    def ship(self, final: bool = False) -> None:
        with self._lock:
            stamp = int(time.time() * 1000)
            events = [
                {"timestamp": stamp, "message": line}
                for name in ("stderr", "stdout")
                for line in self._new_lines(name, final)
                if line.strip()
            ]
            if events:
                self._backend.put_log_events(_LOG_GROUP, self._stream, events)

    def _new_lines(self, name: str, final: bool) -> list[str]:
        path = self._work / name
        if not path.exists():
            return []
        with path.open("rb") as file:
            file.seek(self._offsets[name])
            data = file.read()
        # A line still being written waits for its newline, unless the process is done.
        end = len(data) if final else data.rfind(b"\n") + 1
        self._offsets[name] += end
        return data[:end].decode("utf-8", errors="replace").splitlines()


def _program() -> list[str]:
    script = Path(sys.executable).with_name(PROGRAM)
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from mlm.cli import app; sys.exit(app())"]


def _wait(
    process: subprocess.Popen[bytes], stopping: threading.Event, tick: Callable[[], None]
) -> int:
    """Wait for the process (calling ``tick`` now and then); once stopping, give it a
    grace period, then kill it."""
    last_tick = time.monotonic()
    while True:
        try:
            code = process.wait(timeout=_TICK_SECONDS)
            break
        except subprocess.TimeoutExpired:
            if time.monotonic() - last_tick >= _SHIP_SECONDS:
                tick()
                last_tick = time.monotonic()
            if stopping.is_set():
                try:
                    code = process.wait(timeout=KILL_GRACE_SECONDS)
                except subprocess.TimeoutExpired:
                    process.kill()
                    code = process.wait()
                break
    # Popen reports a signal as -N; a container reports 128 + N.
    return code if code >= 0 else 128 - code


def _failure_reason(stdout: Path) -> str:
    """The packager's ``{"code", "reason"}`` (its last stdout line), or AWS's generic one."""
    lines = stdout.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    try:
        error = json.loads(lines[-1]) if lines else None
    except ValueError:
        error = None
    if isinstance(error, dict) and isinstance(error.get("reason"), str):
        return str(error["reason"])
    return DEFAULT_REASON


def _die_with_parent() -> None:
    # PR_SET_PDEATHSIG: the kernel kills the child when the thread that started it ends,
    # and that thread waits for the child, so this fires only if the emulator dies.
    ctypes.CDLL(None).prctl(1, signal.SIGKILL)
