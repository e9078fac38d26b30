"""Emulated AWS Batch runs the packager's job definition for real (patches/batch.py)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from mlm.aws.clients import ClientFactory
from mlm.settings import Settings
from tests.conftest import Keys, Transitions
from tests.packager.hub import Hub, Repo, serve_hub
from tests.packager.models import LLAMA, tiny_llm_files
from tests.polling import poll

ORDER = ["SUBMITTED", "PENDING", "RUNNABLE", "STARTING", "RUNNING", "SUCCEEDED"]
_names = itertools.count()


@pytest.fixture(scope="module")
def hub() -> Iterator[Hub]:
    with serve_hub() as running:
        yield running


@pytest.fixture(scope="module")
def factory(emulator_settings: Settings) -> ClientFactory:
    return ClientFactory(emulator_settings)


@pytest.fixture(scope="module")
def batch(factory: ClientFactory) -> Any:
    return factory.client("batch")


@dataclass
class Packaging:
    """Submits packager jobs for one tenant against the local hub."""

    batch: Any
    s3: Any
    settings: Settings
    hub: Hub
    tenant: str

    def prefix(self, job: str) -> str:
        return f"packaging/{self.tenant}/{job}/"

    def submit(self, model_id: str, job: str, **extra: Any) -> str:
        bucket = self.settings.artifact_bucket
        command = [
            "mlm",
            "package",
            "--output-uri",
            "Ref::output_uri",
            "--tenant",
            self.tenant,
            "--model-name",
            "tiny",
            "--model-id",
            model_id,
            "--status-uri",
            f"s3://{bucket}/{self.prefix(job)}status.json",
        ]
        response = self.batch.submit_job(
            jobName=f"{job}-{next(_names)}",
            jobQueue=self.settings.batch_job_queue,
            jobDefinition=self.settings.batch_job_definition,
            parameters={"output_uri": f"s3://{bucket}/{self.prefix(job)}"},
            containerOverrides={
                "command": command,
                "environment": [{"name": "HF_ENDPOINT", "value": self.hub.url}],
            },
            **extra,
        )
        return str(response["jobId"])

    def describe(self, job_id: str) -> dict[str, Any]:
        jobs: list[dict[str, Any]] = self.batch.describe_jobs(jobs=[job_id])["jobs"]
        return jobs[0]

    def wait(self, job_id: str, statuses: set[str], seen: list[str] | None = None) -> Any:
        def read() -> dict[str, Any]:
            job = self.describe(job_id)
            if seen is not None and (not seen or seen[-1] != job["status"]):
                seen.append(job["status"])
            return job

        return poll(read, lambda j: j["status"] in statuses, f"{job_id} in {statuses}", 20, 0.02)

    def status_document(self, job: str) -> Any:
        body = self.s3.get_object(
            Bucket=self.settings.artifact_bucket, Key=f"{self.prefix(job)}status.json"
        )["Body"]
        return json.loads(body.read())


def _packaging(
    batch: Any, factory: ClientFactory, settings: Settings, hub: Hub, tenant: str
) -> Packaging:
    return Packaging(batch=batch, s3=factory.s3(), settings=settings, hub=hub, tenant=tenant)


@pytest.fixture
def packaging(
    batch: Any, factory: ClientFactory, emulator_settings: Settings, hub: Hub, keys: Keys
) -> Packaging:
    return _packaging(batch, factory, emulator_settings, hub, keys.tenant)


@dataclass
class Finished:
    packaging: Packaging
    job_id: str
    seen: list[str]
    described: dict[str, Any]


@pytest.fixture(scope="module")
def succeeded(
    batch: Any, factory: ClientFactory, emulator_settings: Settings, hub: Hub
) -> Finished:
    """One real packaging job run to the end; several tests read what it left."""
    packaging = _packaging(batch, factory, emulator_settings, hub, "batchok")
    hub.add(Repo("acme/batch-ok", tiny_llm_files(LLAMA)))
    job_id = packaging.submit("acme/batch-ok", "ok")
    seen: list[str] = []
    described = packaging.wait(job_id, {"SUCCEEDED", "FAILED"}, seen)
    return Finished(packaging, job_id, seen, described)


def test_submit_job_moves_through_batch_states_to_succeeded(succeeded: Finished) -> None:
    assert succeeded.described["status"] == "SUCCEEDED", succeeded.described.get("statusReason")
    assert "RUNNING" in succeeded.seen
    assert succeeded.seen == sorted(succeeded.seen, key=ORDER.index)


def test_succeeded_job_reports_exit_code_zero_and_times(succeeded: Finished) -> None:
    described = succeeded.described
    assert described["container"]["exitCode"] == 0
    assert described["createdAt"] <= described["startedAt"] <= described["stoppedAt"]


def test_job_parameters_and_overrides_reach_the_packager(succeeded: Finished) -> None:
    """Ref::output_uri was substituted and HF_ENDPOINT pointed it at the local hub."""
    s3, settings = succeeded.packaging.s3, succeeded.packaging.settings
    key = f"{succeeded.packaging.prefix('ok')}manifest.json"
    manifest = json.loads(s3.get_object(Bucket=settings.artifact_bucket, Key=key)["Body"].read())
    assert manifest["source"]["model_id"] == "acme/batch-ok"


def test_packager_writes_its_result_to_the_status_object(succeeded: Finished) -> None:
    document = succeeded.packaging.status_document("ok")
    assert document["state"] == "succeeded"
    assert document["progress"]["phase"] == "done"
    assert document["result"]["series"] == "llama"
    assert document["error"] is None


def test_job_output_is_in_cloudwatch_logs_under_its_log_stream(
    succeeded: Finished, factory: ClientFactory
) -> None:
    stream = succeeded.described["container"]["logStreamName"]
    events = factory.client("logs").get_log_events(
        logGroupName="/aws/batch/job", logStreamName=stream
    )["events"]
    messages = [json.loads(e["message"]) for e in events]
    assert any(m.get("progress", {}).get("phase") == "uploading" for m in messages)
    assert any(m.get("series") == "llama" for m in messages)


def test_list_jobs_filters_by_status(succeeded: Finished, batch: Any) -> None:
    listed = batch.list_jobs(
        jobQueue=succeeded.packaging.settings.batch_job_queue, jobStatus="SUCCEEDED"
    )["jobSummaryList"]
    assert succeeded.job_id in {job["jobId"] for job in listed}


def test_failed_packager_fails_the_job_with_exit_code_and_reason(packaging: Packaging) -> None:
    job_id = packaging.submit("acme/no-such-model", "missing")
    described = packaging.wait(job_id, {"SUCCEEDED", "FAILED"})
    assert described["status"] == "FAILED"
    assert described["container"]["exitCode"] == 1
    assert "acme/no-such-model" in described["statusReason"]
    document = packaging.status_document("missing")
    assert (document["state"], document["error"]["code"]) == ("failed", "SOURCE_NOT_FOUND")


def test_terminate_job_stops_the_running_process_and_fails_with_the_reason(
    packaging: Packaging, hub: Hub
) -> None:
    files = tiny_llm_files(LLAMA)
    # The hub keeps answering 503: the packager retries with backoff, still RUNNING.
    shard = next(name for name in files if name.endswith(".safetensors"))
    hub.add(Repo("acme/batch-slow", files, unavailable={shard: 1000}))
    job_id = packaging.submit("acme/batch-slow", "slow")
    packaging.wait(job_id, {"RUNNING"})
    packaging.batch.terminate_job(jobId=job_id, reason="Cancelled by the user")
    described = packaging.wait(job_id, {"SUCCEEDED", "FAILED"})
    assert described["status"] == "FAILED"
    assert described["statusReason"] == "Cancelled by the user"
    assert described["container"]["exitCode"] == 143  # stopped by SIGTERM


def test_job_output_reaches_its_log_stream_while_the_job_runs(
    packaging: Packaging, hub: Hub, factory: ClientFactory
) -> None:
    """The awslogs driver ships a container's lines as it prints them, not at its end."""
    files = tiny_llm_files(LLAMA)
    shard = next(name for name in files if name.endswith(".safetensors"))
    hub.add(Repo("acme/batch-chatty", files, unavailable={shard: 1000}))
    job_id = packaging.submit("acme/batch-chatty", "chatty")
    stream = packaging.wait(job_id, {"RUNNING"})["container"]["logStreamName"]
    logs = factory.client("logs")
    try:
        events = poll(
            lambda: logs.get_log_events(logGroupName="/aws/batch/job", logStreamName=stream)[
                "events"
            ],
            bool,
            f"{job_id}'s first log lines",
        )
        assert packaging.describe(job_id)["status"] == "RUNNING"
        assert events
    finally:
        packaging.batch.terminate_job(jobId=job_id, reason="Done with the test")
        packaging.wait(job_id, {"FAILED"})


def test_cancel_job_before_it_starts_fails_it_without_running(
    packaging: Packaging, hub: Hub, transitions: Transitions
) -> None:
    transitions.hold()
    hub.add(Repo("acme/batch-never", tiny_llm_files(LLAMA)))
    job_id = packaging.submit("acme/batch-never", "never")
    packaging.batch.cancel_job(jobId=job_id, reason="Not needed")
    described = packaging.wait(job_id, {"SUCCEEDED", "FAILED"})
    assert (described["status"], described["statusReason"]) == ("FAILED", "Not needed")
    assert "startedAt" not in described
    assert "exitCode" not in described["container"]


def test_cancel_job_leaves_a_started_job_running(packaging: Packaging, hub: Hub) -> None:
    files = tiny_llm_files(LLAMA)
    shard = next(name for name in files if name.endswith(".safetensors"))
    hub.add(Repo("acme/batch-busy", files, unavailable={shard: 1000}))
    job_id = packaging.submit("acme/batch-busy", "busy")
    packaging.wait(job_id, {"RUNNING"})
    packaging.batch.cancel_job(jobId=job_id, reason="Too late")
    assert packaging.describe(job_id)["status"] == "RUNNING"
    packaging.batch.terminate_job(jobId=job_id, reason="Done with the test")
    packaging.wait(job_id, {"FAILED"})


def test_jobs_that_do_not_run_mlm_keep_succeeding_at_once(
    batch: Any, emulator_settings: Settings
) -> None:
    job_id = batch.submit_job(
        jobName="other",
        jobQueue=emulator_settings.batch_job_queue,
        jobDefinition=emulator_settings.batch_job_definition,
        containerOverrides={"command": ["echo", "hello"]},
    )["jobId"]
    assert batch.describe_jobs(jobs=[job_id])["jobs"][0]["status"] == "SUCCEEDED"


def test_bootstrap_creates_the_queue_and_job_definition_named_in_settings(
    batch: Any, emulator_settings: Settings
) -> None:
    queues = batch.describe_job_queues(jobQueues=[emulator_settings.batch_job_queue])
    definitions = batch.describe_job_definitions(
        jobDefinitionName=emulator_settings.batch_job_definition, status="ACTIVE"
    )
    assert queues["jobQueues"][0]["state"] == "ENABLED"
    assert definitions["jobDefinitions"][0]["containerProperties"]["command"][0] == "mlm"
