"""`--wait`: live progress on stderr while the SDK's waiters poll (stdout stays the answer).

An endpoint shows its status as it changes; a packaging job a progress bar of bytes done,
described by Batch's status and the packager's phase.
"""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TransferSpeedColumn,
)

from ..models import Endpoint, PackagingJob
from ..sync_client import MLM

stderr = Console(stderr=True)


def wait_for_endpoint(mlm: MLM, name: str, status: str, timeout: float) -> Endpoint:
    with stderr.status(f"{name}: waiting for {status}") as shown:
        seen: list[str] = []

        def show(endpoint: Endpoint) -> None:
            now = str(endpoint.status)
            if not seen or seen[-1] != now:
                seen.append(now)
                stderr.log(f"{name}: {now}", highlight=False)
            shown.update(f"{name}: {now} (waiting for {status})")

        return mlm.wait_for_endpoint(name, status, timeout=timeout, on_progress=show)


def wait_for_endpoint_deleted(mlm: MLM, name: str, timeout: float) -> None:
    with stderr.status(f"{name}: deleting") as shown:
        mlm.wait_for_endpoint_deleted(
            name, timeout=timeout, on_progress=lambda e: shown.update(f"{name}: {e.status}")
        )
    stderr.log(f"{name}: deleted", highlight=False)


def wait_for_packaging_job(mlm: MLM, job_id: str, timeout: float) -> PackagingJob:
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=stderr, transient=False) as bar:
        task = bar.add_task(f"{job_id}: submitted", total=None)
        return mlm.wait_for_packaging_job(
            job_id, timeout=timeout, on_progress=lambda job: _show(bar, task, job)
        )


def _show(bar: Progress, task: TaskID, job: PackagingJob) -> None:
    phase = f" {job.phase}" if job.phase else ""
    files = ""
    total: float | None = None
    done = 0.0
    if job.progress is not None:
        files = f" ({job.progress.files_done}/{job.progress.files_total} files)"
        total = float(job.progress.bytes_total) or None
        done = float(job.progress.bytes_done)
    bar.update(
        task, description=f"{job.job_id}: {job.status}{phase}{files}", total=total, completed=done
    )
