"""/v1/packaging-jobs over HTTP (the app in process, the emulator behind it)."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from mlm.settings import Settings
from tests.conftest import Keys
from tests.polling import poll

MODEL = "tiny"


@pytest.fixture
def body(emulator_settings: Settings, keys: Keys) -> dict[str, Any]:
    """A job from an empty S3 prefix of the tenant's own (it starts, then fails)."""
    uri = f"s3://{emulator_settings.artifact_bucket}/{keys.tenant}/nothing-here/"
    return {
        "source": {"platform": "s3", "s3_uri": uri},
        "target": {"model_name": MODEL, "register_version": False},
    }


@pytest.fixture
def model(client: TestClient) -> None:
    created = client.post("/v1/models", json={"name": MODEL, "metadata": {"license": "mit"}})
    assert created.status_code == 201, created.text


@pytest.mark.usefixtures("model")
def test_create_answers_202_with_the_job_and_its_location(
    client: TestClient, body: dict[str, Any]
) -> None:
    response = client.post("/v1/packaging-jobs", json=body)
    assert response.status_code == 202, response.text
    job = response.json()
    assert response.headers["Location"] == f"/v1/packaging-jobs/{job['job_id']}"
    assert client.get(response.headers["Location"]).json()["job_id"] == job["job_id"]


@pytest.mark.usefixtures("model")
def test_one_idempotency_key_starts_one_job(client: TestClient, body: dict[str, Any]) -> None:
    headers = {"Idempotency-Key": "same-key-1"}
    first = client.post("/v1/packaging-jobs", json=body, headers=headers)
    again = client.post("/v1/packaging-jobs", json=body, headers=headers)
    assert first.json()["job_id"] == again.json()["job_id"]
    assert len(client.get("/v1/packaging-jobs").json()["items"]) == 1


def test_a_job_for_a_missing_model_is_404(client: TestClient, body: dict[str, Any]) -> None:
    response = client.post("/v1/packaging-jobs", json=body)
    assert response.status_code == 404


@pytest.mark.usefixtures("model")
def test_an_hf_source_without_a_model_id_is_400(client: TestClient, body: dict[str, Any]) -> None:
    """The contract says it (PackagingSource is a oneOf on platform): a 400 naming it."""
    response = client.post(
        "/v1/packaging-jobs", json={**body, "source": {"platform": "huggingface"}}
    )
    assert response.status_code == 400
    assert response.json()["errors"] == [{"field": "source.model_id", "message": "is required"}]


@pytest.mark.usefixtures("model")
def test_an_s3_source_with_a_model_id_is_400(client: TestClient, body: dict[str, Any]) -> None:
    source = {"platform": "s3", "s3_uri": "s3://bucket/t/glm/", "model_id": "THUDM/glm-4-9b"}
    response = client.post("/v1/packaging-jobs", json={**body, "source": source})
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {"field": "source.model_id", "message": "is not allowed here"}
    ]


@pytest.mark.usefixtures("model")
def test_a_failed_job_has_a_plain_reason_and_cannot_be_cancelled(
    client: TestClient, body: dict[str, Any]
) -> None:
    job_id = client.post("/v1/packaging-jobs", json=body).json()["job_id"]
    job = poll(
        lambda: client.get(f"/v1/packaging-jobs/{job_id}").json(),
        lambda j: j["status"] in {"succeeded", "failed"},
        "the job to end",
        deadline_s=60,
    )
    assert job["status"] == "failed"
    assert job["failure_reason"]
    response = client.post(f"/v1/packaging-jobs/{job_id}/cancel")
    assert response.status_code == 409
    assert response.json()["code"] == "PACKAGING_JOB_FINISHED"


@pytest.mark.usefixtures("model")
def test_a_source_in_another_tenants_part_of_the_bucket_is_422(
    client: TestClient, body: dict[str, Any], emulator_settings: Settings, keys: Keys
) -> None:
    uri = f"s3://{emulator_settings.artifact_bucket}/{keys.other_tenant}/model/"
    response = client.post(
        "/v1/packaging-jobs", json={**body, "source": {"platform": "s3", "s3_uri": uri}}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "source.s3_uri"
    assert client.get("/v1/packaging-jobs").json()["items"] == []
