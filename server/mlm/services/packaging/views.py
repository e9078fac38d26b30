"""A packaging job as the API shows it: Batch's own state plus what the packager wrote."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any

from mlm.timestamps import rfc3339

# Our TerminateJob reason; Batch reports a terminated job FAILED with it as statusReason.
CANCEL_REASON = "Cancelled through MLM"
PROGRESS_KEYS = ("bytes_total", "bytes_done", "files_total", "files_done")
OUTPUT_KEYS = (
    "artifact_uri",
    "format",
    "manifest_uri",
    "container_image",
    "environment",
    "parameter_count",
    "dtype",
    "size_bytes",
    "estimated_gpu_memory_gib",
    "recommended_instance_types",
)
FINISHED = {"succeeded", "failed", "cancelled"}


@dataclass(frozen=True)
class PackagingJob:
    job_id: str
    model_name: str
    status: str
    phase: str | None
    progress: dict[str, int] | None
    source: dict[str, Any]
    target: dict[str, Any]
    series: str | None
    options: dict[str, Any]
    output: dict[str, Any] | None
    model_version: int | None
    failure_reason: str | None
    log_stream: str | None
    created_at: str | None
    started_at: str | None
    stopped_at: str | None

    def to_api(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def finished(self) -> bool:
        return self.status in FINISHED


def status_of(job: dict[str, Any]) -> str:
    status = str(job.get("status", "SUBMITTED")).lower()
    if status == "failed" and str(job.get("statusReason", "")).startswith(CANCEL_REASON):
        return "cancelled"
    return status


def _time(millis: object) -> str | None:
    if not isinstance(millis, int) or millis <= 0:
        return None
    return rfc3339(datetime.fromtimestamp(millis / 1000, tz=UTC))


def _int(value: str | None) -> int | None:
    return None if value is None or not value.isdigit() else int(value)


def _progress(status_doc: dict[str, Any] | None) -> tuple[str | None, dict[str, int] | None]:
    progress = (status_doc or {}).get("progress")
    if not isinstance(progress, dict):
        return None, None
    phase = progress.get("phase")
    counts = {key: progress.get(key) for key in PROGRESS_KEYS}
    if not all(isinstance(value, int) for value in counts.values()):
        return (phase if isinstance(phase, str) else None), None
    return (phase if isinstance(phase, str) else None), counts  # type: ignore[return-value]


def _output(status_doc: dict[str, Any] | None) -> dict[str, Any] | None:
    result = (status_doc or {}).get("result")
    if not isinstance(result, dict):
        return None
    return {key: result.get(key) for key in OUTPUT_KEYS}


def _detected_series(status_doc: dict[str, Any] | None) -> str | None:
    """The series the packager detected (known once it succeeded), when none was asked for."""
    result = (status_doc or {}).get("result")
    series = result.get("series") if isinstance(result, dict) else None
    return series if isinstance(series, str) else None


def _failure(job: dict[str, Any], status: str, status_doc: dict[str, Any] | None) -> str | None:
    if status == "cancelled":
        return "The job was cancelled."
    if status != "failed":
        return None
    error = (status_doc or {}).get("error")
    if isinstance(error, dict) and isinstance(error.get("reason"), str):
        return str(error["reason"])
    exit_code = (job.get("container") or {}).get("exitCode")
    reason = job.get("statusReason")
    said = f": {reason}" if reason else ""
    if exit_code is not None:
        return f"The packager stopped with exit code {exit_code}{said}."
    return f"AWS Batch stopped the job before the packager finished{said}."


def build_view(
    job_id: str,
    job: dict[str, Any],
    status_doc: dict[str, Any] | None,
    registration: dict[str, Any] | None,
) -> PackagingJob:
    """The view of one described Batch job, its status object and registration record."""
    params: dict[str, str] = dict(job.get("parameters") or {})
    status = status_of(job)
    phase, progress = _progress(status_doc)
    register = params.get("register_version", "true") == "true"
    model_version = None
    failure = _failure(job, status, status_doc)
    if status == "succeeded" and register:
        state = (registration or {}).get("state")
        if state == "registered":
            model_version, phase = _int(str(registration.get("version"))), "done"  # type: ignore[union-attr]
        elif state == "failed":
            failure = str(registration.get("reason"))  # type: ignore[union-attr]
        else:
            phase = "registering"
    elif status in {"failed", "cancelled"} and phase == "done":
        phase = None  # the packager's last word is not the job's outcome
    options: dict[str, Any] = {
        "dtype": params.get("dtype"),
        "trust_remote_code": params.get("trust_remote_code") == "true",
        "max_model_len": _int(params.get("max_model_len")),
        "tensor_parallel_degree": _int(params.get("tensor_parallel_degree")),
        "quantization": params.get("quantization"),
    }
    return PackagingJob(
        job_id=job_id,
        model_name=params.get("model_name", ""),
        status=status,
        phase=phase,
        progress=progress,
        source={
            "platform": params.get("platform", "huggingface"),
            "model_id": params.get("model_id"),
            "revision": params.get("revision"),
            "s3_uri": params.get("s3_uri"),
        },
        target={
            "model_name": params.get("model_name", ""),
            "register_version": register,
            "format": params.get("format", "s3_prefix"),
        },
        series=params.get("series") or _detected_series(status_doc),
        options=options,
        output=_output(status_doc),
        model_version=model_version,
        failure_reason=failure,
        log_stream=(job.get("container") or {}).get("logStreamName"),
        created_at=_time(job.get("createdAt")),
        started_at=_time(job.get("startedAt")),
        stopped_at=_time(job.get("stoppedAt")),
    )
