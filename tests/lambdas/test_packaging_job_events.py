"""The EventBridge rule and registration Lambda in deploy/packaging.yaml against
mlm.lambdas.packaging_job_events."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
from typing import Any

import pytest

from mlm.aws.batch import BatchJobs
from mlm.container import Container
from mlm.lambdas import packaging_job_events
from mlm.services.packaging import job_command, names
from mlm.services.packaging.requests import PackagingRequest
from mlm.services.registry.requests import NewModel
from tests.conftest import Keys
from tests.deploy.template import dockerfile_stages, event_pattern_matches, properties
from tests.polling import poll

MODEL = "minilm"
RESULT = {
    "artifact_uri": "s3://bucket/x/model/",
    "format": "s3_prefix",
    "manifest_uri": "s3://bucket/x/manifest.json",
    "series": "bert",
    "container_image": "763104351884.dkr.ecr.us-east-1.amazonaws.com/tei:2.1",
    "environment": {},
    "source_commit": "a" * 40,
}


QUEUE_ARN = "arn:aws:batch:us-east-1:123456789012:job-queue/mlm-packaging"


def sample_event(queue_arn: str, status: str) -> dict[str, Any]:
    """The shape of AWS Batch's documented example event (detail abridged)."""
    return {
        "version": "0",
        "detail-type": "Batch Job State Change",
        "source": "aws.batch",
        "region": "us-east-1",
        "detail": {"jobId": "4c7599ae", "jobQueue": queue_arn, "status": status},
    }


def handler_path() -> str:
    [path] = properties("RegistrationFunction")["ImageConfig"]["Command"]
    return str(path)


def pattern(queue_arn: str) -> dict[str, Any]:
    """The rule's pattern with the stack's queue ARN in place of ``!GetAtt``."""
    raw = json.dumps(properties("BatchJobSucceededRule")["EventPattern"])
    return json.loads(
        raw.replace(json.dumps({"Fn::GetAtt": ["JobQueue", "JobQueueArn"]}), json.dumps(queue_arn))
    )


@pytest.fixture
def succeeded_event(container: Container, keys: Keys) -> dict[str, Any]:
    """A "Batch Job State Change" event of a succeeded packaging job, its detail the job
    as DescribeJobs shows it (as Batch's events carry). The job's command is inert."""
    container.models.create(keys.tenant, NewModel(name=MODEL, metadata={"license": "mit"}))
    s = container.settings
    batch = BatchJobs(container.clients.client("batch"), s.batch_job_queue, s.batch_job_definition)
    request = PackagingRequest(model_name=MODEL, platform="huggingface", model_id="o/m")
    job_id = names.new_job_id(request)
    prefix = names.job_prefix(s.packaging_output_prefix, keys.tenant, MODEL, job_id)
    params = job_command.parameters(request, keys.tenant, job_id, str(s.artifact_bucket), prefix)
    container.clients.s3().put_object(
        Bucket=str(s.artifact_bucket),
        Key=prefix + names.STATUS_OBJECT,
        Body=json.dumps({"state": "succeeded", "result": RESULT}).encode(),
    )
    tags = {"mlm:tenant": keys.tenant, "mlm:managed-by": "mlm", "mlm:name": MODEL}
    name = names.batch_job_name(keys.tenant, job_id)
    batch_id = batch.submit(name, params, ["true"], tags, 2048, 1)
    detail = poll(
        lambda: batch.describe([batch_id])[0], lambda j: j["status"] == "SUCCEEDED", "the job"
    )
    return {"source": "aws.batch", "detail-type": "Batch Job State Change", "detail": detail}


def queue_arn(container: Container) -> str:
    queues = container.clients.client("batch").describe_job_queues(
        jobQueues=[container.settings.batch_job_queue]
    )["jobQueues"]
    return str(queues[0]["jobQueueArn"])


def test_the_lambda_handler_in_the_template_is_importable() -> None:
    module, _, name = handler_path().rpartition(".")
    assert getattr(importlib.import_module(module), name) is packaging_job_events.lambda_handler


def test_the_registration_image_runs_the_templates_handler() -> None:
    cmd = [rest for keyword, rest in dockerfile_stages()["registration"] if keyword == "CMD"]
    assert [json.loads(c) for c in cmd] == [[handler_path()]]


def test_the_rule_matches_a_succeeded_job_of_the_stacks_queue(
    container: Container, succeeded_event: dict[str, Any]
) -> None:
    assert event_pattern_matches(pattern(queue_arn(container)), succeeded_event)


def test_the_rule_ignores_jobs_of_other_queues() -> None:
    event = sample_event(QUEUE_ARN.replace(":job-queue/", ":job-queue/other-"), "SUCCEEDED")
    assert not event_pattern_matches(pattern(QUEUE_ARN), event)


def test_the_rule_ignores_jobs_that_did_not_succeed() -> None:
    assert event_pattern_matches(pattern(QUEUE_ARN), sample_event(QUEUE_ARN, "SUCCEEDED"))
    assert not event_pattern_matches(pattern(QUEUE_ARN), sample_event(QUEUE_ARN, "FAILED"))


def test_an_event_the_rule_matches_registers_the_version(
    container: Container, keys: Keys, succeeded_event: dict[str, Any]
) -> None:
    packaging_job_events.handle_batch_event(succeeded_event, container)
    [version] = container.versions.list_versions(keys.tenant, MODEL).items
    assert version.artifact == {"uri": RESULT["artifact_uri"], "format": "s3_prefix"}


def test_the_handler_needs_nothing_from_the_packager_extra() -> None:
    # The registration image installs mlm without [packager]: huggingface_hub is absent.
    script = (
        "import sys; sys.modules['huggingface_hub'] = None\n"
        "import mlm.lambdas.packaging_job_events, mlm.services.packaging.service\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, capture_output=True)
