"""The status object `mlm package --status-uri` keeps up to date (packager/status.py)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from mlm import naming
from mlm.packager.progress import Phase, Progress
from mlm.packager.run import PackagerClients
from mlm.packager.status import StatusWriter


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _progress(phase: Phase, done: int) -> Progress:
    return Progress(phase=phase, bytes_total=100, bytes_done=done, files_total=2, files_done=0)


@pytest.fixture
def status_uri(output_uri: str) -> str:
    return f"{output_uri}status.json"


def _read(clients: PackagerClients, uri: str) -> Any:
    bucket, key = uri.removeprefix("s3://").split("/", 1)
    return json.loads(clients.s3.get_object(Bucket=bucket, Key=key)["Body"].read())


def _writer(clients: PackagerClients, uri: str, clock: Clock) -> StatusWriter:
    tags = naming.managed_tags("acme", "tiny")
    return StatusWriter(clients.s3, uri, tags, min_interval_s=2.0, clock=clock)


def test_progress_within_the_interval_is_not_rewritten(
    clients: PackagerClients, status_uri: str
) -> None:
    clock = Clock()
    writer = _writer(clients, status_uri, clock)
    writer.progress(_progress(Phase.DOWNLOADING, 10))
    clock.now = 1.0
    writer.progress(_progress(Phase.DOWNLOADING, 20))
    assert _read(clients, status_uri)["progress"]["bytes_done"] == 10


def test_progress_after_the_interval_is_written(clients: PackagerClients, status_uri: str) -> None:
    clock = Clock()
    writer = _writer(clients, status_uri, clock)
    writer.progress(_progress(Phase.DOWNLOADING, 10))
    clock.now = 2.0
    writer.progress(_progress(Phase.DOWNLOADING, 20))
    document = _read(clients, status_uri)
    assert (document["state"], document["progress"]["bytes_done"]) == ("running", 20)


def test_a_phase_change_is_written_at_once(clients: PackagerClients, status_uri: str) -> None:
    clock = Clock()
    writer = _writer(clients, status_uri, clock)
    writer.progress(_progress(Phase.DOWNLOADING, 10))
    writer.progress(_progress(Phase.UPLOADING, 0))
    assert _read(clients, status_uri)["progress"]["phase"] == "uploading"


def test_failure_keeps_the_last_progress_and_names_code_and_reason(
    clients: PackagerClients, status_uri: str
) -> None:
    clock = Clock()
    writer = _writer(clients, status_uri, clock)
    writer.progress(_progress(Phase.DOWNLOADING, 10))
    writer.progress(_progress(Phase.DOWNLOADING, 30))  # throttled, still remembered
    writer.failed("NETWORK_ERROR", "The hub did not answer.")
    document = _read(clients, status_uri)
    assert document["state"] == "failed"
    assert document["error"] == {"code": "NETWORK_ERROR", "reason": "The hub did not answer."}
    assert document["progress"]["bytes_done"] == 30
    assert document["result"] is None


def test_success_carries_the_result(clients: PackagerClients, status_uri: str) -> None:
    writer = _writer(clients, status_uri, Clock())
    writer.succeeded({"series": "llama"})
    document = _read(clients, status_uri)
    assert (document["state"], document["result"], document["error"]) == (
        "succeeded",
        {"series": "llama"},
        None,
    )


def test_status_object_carries_the_managed_tags(clients: PackagerClients, status_uri: str) -> None:
    writer = _writer(clients, status_uri, Clock())
    writer.succeeded({})
    bucket, key = status_uri.removeprefix("s3://").split("/", 1)
    tags = clients.s3.get_object_tagging(Bucket=bucket, Key=key)["TagSet"]
    assert {"Key": naming.TAG_TENANT, "Value": "acme"} in tags


def test_a_failed_status_write_is_logged_not_raised(
    clients: PackagerClients, caplog: pytest.LogCaptureFixture
) -> None:
    writer = _writer(clients, "s3://no-such-bucket-mlm/job/status.json", Clock())
    writer.failed("UPLOAD_FAILED", "S3 refused the upload.")
    assert "Could not write the job status" in caplog.text
