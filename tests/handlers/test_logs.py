"""GET …/endpoints/{name}/logs and …/packaging-jobs/{id}/logs over HTTP (response
validation on), the emulator's containers and packager writing the lines."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from mlm.settings import Settings
from tests.conftest import Keys
from tests.polling import poll

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"
LOGS = "/v1/endpoints/chat-ep/logs"


@pytest.fixture
def invoked(client: TestClient) -> None:
    """An in-service endpoint that served a dozen invocations."""
    assert client.post(
        "/v1/models", json={"name": "chat", "metadata": {"license": "mit"}}
    ).is_success
    assert client.post("/v1/models/chat/versions", json={"container": {"image": IMAGE}}).is_success
    variant = {"model_name": "chat", "model_version": 1, "instance_type": "ml.g5.2xlarge"}
    assert client.post("/v1/endpoints", json={"name": "chat-ep", "variants": [variant]}).is_success
    poll(
        lambda: client.get("/v1/endpoints/chat-ep").json()["status"],
        lambda status: status == "in_service",
        "chat-ep to be in_service",
    )
    for n in range(12):
        assert client.post("/v1/endpoints/chat-ep/invocations", json={"n": n}).is_success


@pytest.mark.usefixtures("invoked")
def test_after_a_dozen_invocations_the_endpoints_logs_show_them(client: TestClient) -> None:
    response = client.get(LOGS, params={"contains": "/invocations 200"})
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert len(items) == 12
    assert {item["variant"] for item in items} == {"primary"}
    assert all(item["instance_id"].startswith("i-") for item in items)


@pytest.mark.usefixtures("invoked")
def test_logs_come_in_pages(client: TestClient) -> None:
    first = client.get(LOGS, params={"page_size": 5}).json()
    second = client.get(
        LOGS, params={"page_size": 5, "page_token": first["next_page_token"]}
    ).json()
    assert len(first["items"]) == 5
    assert first["items"][-1]["timestamp"] <= second["items"][0]["timestamp"]


@pytest.mark.usefixtures("invoked")
def test_following_answers_server_sent_events_then_ends(client: TestClient) -> None:
    response = client.get(LOGS, params={"follow": "true", "follow_seconds": 1})
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/event-stream")
    assert response.text.count("event: log\n") >= 13  # start-up and 12 invocations
    assert response.text.endswith("event: end\ndata: {}\n\n")


@pytest.mark.usefixtures("invoked")
def test_another_tenant_cannot_read_the_endpoints_logs(client: TestClient, keys: Keys) -> None:
    response = client.get(LOGS, headers={"X-Api-Key": keys.other_tenant_admin})
    assert response.status_code == 404


def test_a_bad_time_range_is_400(client: TestClient, invoked: None) -> None:
    response = client.get(
        LOGS, params={"start_time": "2026-01-02T00:00:00Z", "end_time": "2026-01-01T00:00:00Z"}
    )
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID_TIME_RANGE"


def test_a_packaging_jobs_logs_show_what_the_packager_printed(
    client: TestClient, emulator_settings: Settings, keys: Keys
) -> None:
    assert client.post(
        "/v1/models", json={"name": "tiny", "metadata": {"license": "mit"}}
    ).is_success
    uri = f"s3://{emulator_settings.artifact_bucket}/{keys.tenant}/nothing-here/"
    body: dict[str, Any] = {
        "source": {"platform": "s3", "s3_uri": uri},
        "target": {"model_name": "tiny", "register_version": False},
    }
    job_id = client.post("/v1/packaging-jobs", json=body).json()["job_id"]
    poll(
        lambda: client.get(f"/v1/packaging-jobs/{job_id}").json()["status"],
        lambda status: status in {"succeeded", "failed"},
        f"{job_id} to finish",
        deadline_s=30,
    )
    response = client.get(f"/v1/packaging-jobs/{job_id}/logs")
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert items
    assert all(item["variant"] is None for item in items)
    # Following a finished job sends its lines and ends at once, not after follow_seconds.
    followed = client.get(
        f"/v1/packaging-jobs/{job_id}/logs", params={"follow": "true", "follow_seconds": 900}
    )
    assert followed.text.count("event: log\n") == len(items)
    assert followed.text.endswith("event: end\ndata: {}\n\n")
