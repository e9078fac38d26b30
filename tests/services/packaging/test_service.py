"""Packaging jobs over the emulator's Batch and S3, without HTTP.

Most tests submit jobs whose command is not the packager (the emulator's Batch then
finishes them at once, as moto does) and write the packager's status object themselves,
so they do not depend on the packager running.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import Any

import pytest
from botocore.exceptions import EndpointConnectionError

from mlm.aws.batch import BatchJobs
from mlm.container import Container
from mlm.errors import Conflict, NotFound, Unprocessable
from mlm.lambdas.packaging_job_events import handle_batch_event
from mlm.services.packaging import job_command, names, requests
from mlm.services.packaging.service import PackagingJobService
from mlm.services.registry.models import ModelService
from mlm.services.registry.requests import NewModel
from mlm.services.registry.versions import ModelVersionService
from tests.botocore_hooks import hooked
from tests.conftest import Keys
from tests.polling import poll
from tests.services.packaging.examples import MODEL, REQUEST, SECRET

RESULT = {
    "artifact_uri": "s3://bucket/x/model/",
    "format": "s3_prefix",
    "manifest_uri": "s3://bucket/x/manifest.json",
    "series": "glm4",
    "container_image": "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0",
    "environment": {"OPTION_TRUST_REMOTE_CODE": "true"},
    "startup_health_check_timeout_seconds": 900,
    "source_commit": "a" * 40,
    "parameter_count": 9_400_000_000,
    "dtype": "BF16",
    "size_bytes": 18_800_000_000,
    "estimated_gpu_memory_gib": 21.5,
    "recommended_instance_types": ["ml.g6e.xlarge"],
}


@pytest.fixture
def service(container: Container, keys: Keys, model_service: ModelService) -> PackagingJobService:
    model_service.create(keys.tenant, NewModel(name=MODEL, metadata={"license": "mit"}))
    return container.packaging_jobs


@pytest.fixture
def batch(container: Container) -> BatchJobs:
    s = container.settings
    return BatchJobs(container.clients.client("batch"), s.batch_job_queue, s.batch_job_definition)


Submit = Callable[..., str]


@pytest.fixture
def submit_inert(container: Container, batch: BatchJobs, keys: Keys) -> Submit:
    """A job exactly as the service submits it, but whose command is not the packager."""

    def submit(request: requests.PackagingRequest = REQUEST, tenant: str | None = None) -> str:
        owner = tenant or keys.tenant
        job_id = names.new_job_id(request)
        prefix = names.job_prefix("", owner, request.model_name, job_id)
        bucket = str(container.settings.artifact_bucket)
        params = job_command.parameters(request, owner, job_id, bucket, prefix)
        tags = {"mlm:tenant": owner, "mlm:managed-by": "mlm", "mlm:name": request.model_name}
        batch.submit(names.batch_job_name(owner, job_id), params, ["true"], tags, 512, 1)
        return job_id

    return submit


def put_status(container: Container, tenant: str, job_id: str, document: dict[str, Any]) -> None:
    key = names.job_prefix("", tenant, MODEL, job_id) + names.STATUS_OBJECT
    container.clients.s3().put_object(
        Bucket=str(container.settings.artifact_bucket), Key=key, Body=json.dumps(document).encode()
    )


def finished(service: PackagingJobService, tenant: str, job_id: str) -> Any:
    return poll(
        lambda: service.get(tenant, job_id),
        lambda job: job.status in {"succeeded", "failed", "cancelled"},
        f"job {job_id} to finish",
    )


# --- submit, get, list, cancel -----------------------------------------------------------


def test_a_job_reading_another_tenants_secret_is_never_submitted(
    service: PackagingJobService, keys: Keys
) -> None:
    arn = SECRET.format(keys.other_tenant)
    with pytest.raises(Unprocessable):
        service.submit(keys.tenant, replace(REQUEST, hf_token_secret_arn=arn))
    assert service.list_jobs(keys.tenant).items == []


def test_submit_needs_an_existing_model(container: Container, service: PackagingJobService) -> None:
    with pytest.raises(NotFound):
        service.submit("nobody", replace(REQUEST, model_name="nope"))


def test_a_submitted_job_is_in_batch_under_its_prefix_with_tags(
    container: Container, service: PackagingJobService, batch: BatchJobs, keys: Keys
) -> None:
    job = service.submit(keys.tenant, REQUEST)
    [described] = batch.describe(batch.ids_named(f"mlm-{keys.tenant}-{job.job_id}"))
    bucket = container.settings.artifact_bucket
    prefix = f"s3://{bucket}/{keys.tenant}/{MODEL}/jobs/{job.job_id}/"
    assert described["parameters"]["output_uri"] == prefix
    assert described["tags"]["mlm:tenant"] == keys.tenant
    assert described["tags"]["mlm:packaging-job-id"] == job.job_id
    assert job.source["model_id"] == "THUDM/glm-4-9b-chat"
    assert job.options["trust_remote_code"] is True


def test_phase_and_progress_are_null_until_the_packager_reports(
    service: PackagingJobService, submit_inert: Submit, keys: Keys
) -> None:
    job = service.get(
        keys.tenant,
        submit_inert(replace(REQUEST, register_version=False)),
    )
    assert job.phase is None
    assert job.progress is None


def test_phase_and_progress_come_from_the_status_object(
    container: Container, service: PackagingJobService, submit_inert: Submit, keys: Keys
) -> None:
    job_id = submit_inert(replace(REQUEST, register_version=False))
    progress = {"phase": "downloading", "bytes_total": 100, "bytes_done": 40}
    put_status(
        container,
        keys.tenant,
        job_id,
        {"state": "running", "progress": {**progress, "files_total": 3, "files_done": 1}},
    )
    job = service.get(keys.tenant, job_id)
    assert job.phase == "downloading"
    assert job.progress == {"bytes_total": 100, "bytes_done": 40, "files_total": 3, "files_done": 1}


def test_another_tenants_job_is_not_found(
    service: PackagingJobService, submit_inert: Submit, keys: Keys
) -> None:
    job_id = submit_inert()
    with pytest.raises(NotFound):
        service.get(keys.other_tenant, job_id)


def test_a_malformed_job_id_is_not_found(service: PackagingJobService, keys: Keys) -> None:
    with pytest.raises(NotFound):
        service.get(keys.tenant, "Not_An_Id")


def test_lists_hold_only_the_tenants_jobs_filtered_by_model_and_status(
    service: PackagingJobService, submit_inert: Submit, keys: Keys, model_service: ModelService
) -> None:
    mine = submit_inert(replace(REQUEST, register_version=False))
    other_model = replace(REQUEST, model_name="glm-x", register_version=False)
    submit_inert(other_model)
    submit_inert(tenant=keys.other_tenant)
    assert {j.job_id for j in service.list_jobs(keys.tenant, model_name=MODEL).items} == {mine}
    assert len(service.list_jobs(keys.tenant).items) == 2
    finished(service, keys.tenant, mine)
    assert service.list_jobs(keys.tenant, status="running").items == []


def test_list_pages_are_bounded(
    service: PackagingJobService, submit_inert: Submit, keys: Keys
) -> None:
    request = replace(REQUEST, register_version=False)
    ids = {submit_inert(request) for _ in range(3)}
    first = service.list_jobs(keys.tenant, page_size=2)
    second = service.list_jobs(keys.tenant, page_size=2, page_token=first.next_page_token)
    assert len(first.items) == 2
    assert second.next_page_token is None
    assert {j.job_id for j in first.items + second.items} == ids


def test_a_list_page_reads_s3_only_for_the_jobs_on_it(
    service: PackagingJobService, submit_inert: Submit, keys: Keys, container: Container
) -> None:
    request = replace(REQUEST, register_version=False)
    for _ in range(3):
        submit_inert(request)
    reads: list[str] = []

    def count(params: dict[str, Any], **_: Any) -> None:
        reads.append(params["Key"])

    with hooked(container.clients.s3(), "before-parameter-build.s3.GetObject", count):
        page = service.list_jobs(keys.tenant, page_size=1)

    [job] = page.items
    assert len(reads) == 1
    assert reads[0].endswith(f"/{job.job_id}/{names.STATUS_OBJECT}")


def test_a_finished_job_cannot_be_cancelled(
    service: PackagingJobService, submit_inert: Submit, keys: Keys
) -> None:
    job_id = submit_inert(replace(REQUEST, register_version=False))
    finished(service, keys.tenant, job_id)
    with pytest.raises(Conflict):
        service.cancel(keys.tenant, job_id, "test")


def test_a_failed_job_shows_the_packagers_reason_and_registers_nothing(
    container: Container,
    service: PackagingJobService,
    batch: BatchJobs,
    keys: Keys,
    version_service: ModelVersionService,
) -> None:
    job_id = names.new_job_id(REQUEST)
    put_status(
        container,
        keys.tenant,
        job_id,
        {
            "state": "failed",
            "error": {"code": "MODEL_NOT_FOUND", "reason": "No model THUDM/x on the hub."},
        },
    )
    params = job_command.parameters(REQUEST, keys.tenant, job_id, "b", "p/")
    tags = {"mlm:tenant": keys.tenant, "mlm:managed-by": "mlm", "mlm:name": MODEL}
    # `mlm package` without options exits 2 at once (in the emulator: a real child process).
    batch.submit(
        names.batch_job_name(keys.tenant, job_id), params, ["mlm", "package"], tags, 512, 1
    )
    job = poll(lambda: service.get(keys.tenant, job_id), lambda j: j.status == "failed", "failed")
    assert job.failure_reason == "No model THUDM/x on the hub."
    assert job.model_version is None
    assert version_service.list_versions(keys.tenant, MODEL).items == []


# --- registration ------------------------------------------------------------------------


def test_a_succeeded_job_shows_the_series_the_packager_detected(
    container: Container, service: PackagingJobService, submit_inert: Submit, keys: Keys
) -> None:
    request = replace(REQUEST, register_version=False)
    job_id = submit_inert(request)
    assert service.get(keys.tenant, job_id).series is None  # none asked, none detected yet
    put_status(
        container, keys.tenant, job_id, {"state": "succeeded", "progress": None, "result": RESULT}
    )
    assert finished(service, keys.tenant, job_id).series == RESULT["series"]


def test_a_succeeded_job_registers_one_version_with_its_output(
    container: Container,
    service: PackagingJobService,
    submit_inert: Submit,
    keys: Keys,
    version_service: ModelVersionService,
) -> None:
    job_id = submit_inert()
    put_status(
        container, keys.tenant, job_id, {"state": "succeeded", "progress": None, "result": RESULT}
    )
    job = finished(service, keys.tenant, job_id)
    assert job.model_version == 1
    assert job.phase == "done"
    assert job.output is not None
    assert job.output["container_image"] == RESULT["container_image"]
    version = version_service.get(keys.tenant, MODEL, 1)
    assert version.packaging_job_id == job_id
    assert version.artifact == {"uri": RESULT["artifact_uri"], "format": "s3_prefix"}
    assert version.container["environment"] == RESULT["environment"]
    assert version.source == {
        "platform": "huggingface",
        "model_id": "THUDM/glm-4-9b-chat",
        "revision": "a" * 40,
    }
    assert version.metadata["manifest_uri"] == RESULT["manifest_uri"]


def test_concurrent_polls_and_an_event_register_exactly_once(
    container: Container,
    service: PackagingJobService,
    submit_inert: Submit,
    batch: BatchJobs,
    keys: Keys,
    version_service: ModelVersionService,
) -> None:
    job_id = submit_inert()
    put_status(container, keys.tenant, job_id, {"state": "succeeded", "result": RESULT})
    [batch_id] = batch.ids_named(f"mlm-{keys.tenant}-{job_id}")
    poll(lambda: batch.describe([batch_id])[0]["status"], lambda s: s == "SUCCEEDED", "done")
    event = {
        "detail-type": "Batch Job State Change",
        "source": "aws.batch",
        "detail": {"jobId": batch_id, "status": "SUCCEEDED"},
    }

    def notice(i: int) -> None:
        if i % 2:
            handle_batch_event(event, container)
        else:
            service.get(keys.tenant, job_id)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(notice, range(8)))
    assert len(version_service.list_versions(keys.tenant, MODEL).items) == 1
    assert service.get(keys.tenant, job_id).model_version == 1


def test_a_registration_aws_could_not_finish_leaves_no_claim_so_the_next_look_registers(
    container: Container,
    service: PackagingJobService,
    submit_inert: Submit,
    keys: Keys,
    version_service: ModelVersionService,
) -> None:
    job_id = submit_inert()
    put_status(container, keys.tenant, job_id, {"state": "succeeded", "result": RESULT})
    claim = names.job_prefix("", keys.tenant, MODEL, job_id) + names.REGISTRATION_OBJECT
    bucket = str(container.settings.artifact_bucket)

    def unreachable(**_: Any) -> None:
        raise EndpointConnectionError(endpoint_url="https://api.sagemaker.us-east-1.amazonaws.com")

    sagemaker = container.clients.client("sagemaker")
    with hooked(sagemaker, "before-call.sagemaker.CreateModelPackage", unreachable):
        job = finished(service, keys.tenant, job_id)
        assert (job.status, job.model_version) == ("succeeded", None)
    s3 = container.clients.s3()
    assert s3.list_objects_v2(Bucket=bucket, Prefix=claim).get("KeyCount") == 0
    assert finished(service, keys.tenant, job_id).model_version == 1
    assert len(version_service.list_versions(keys.tenant, MODEL).items) == 1


def test_a_job_not_asked_to_register_registers_nothing(
    container: Container,
    service: PackagingJobService,
    submit_inert: Submit,
    keys: Keys,
    version_service: ModelVersionService,
) -> None:
    job_id = submit_inert(replace(REQUEST, register_version=False))
    put_status(container, keys.tenant, job_id, {"state": "succeeded", "result": RESULT})
    assert finished(service, keys.tenant, job_id).model_version is None
    assert version_service.list_versions(keys.tenant, MODEL).items == []


def test_a_success_without_a_result_says_so_and_registers_nothing(
    service: PackagingJobService,
    submit_inert: Submit,
    keys: Keys,
    version_service: ModelVersionService,
) -> None:
    job = finished(service, keys.tenant, submit_inert())
    assert job.model_version is None
    assert job.failure_reason is not None
    assert "no result" in job.failure_reason
    assert version_service.list_versions(keys.tenant, MODEL).items == []


def test_events_for_jobs_that_are_not_ours_are_ignored(
    container: Container, service: PackagingJobService
) -> None:
    assert (
        service.on_batch_event(
            {"detail-type": "Batch Job State Change", "detail": {"jobId": "nope"}}
        )
        is None
    )
