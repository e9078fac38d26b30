"""…/endpoints/{name}/alarms over HTTP (response validation on): set, read, subscribe,
and the states on the endpoint's view."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from mlm.container import Container
from tests.conftest import Keys
from tests.polling import poll

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"
ALARMS = "/v1/endpoints/chat-ep/alarms"


@pytest.fixture
def live(client: TestClient) -> None:
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


@pytest.mark.usefixtures("live")
def test_a_5xx_rate_alarm_goes_to_alarm_and_shows_on_the_endpoint(client: TestClient) -> None:
    body = {"alarms": [{"kind": "error_rate_5xx", "threshold": 5}]}
    assert client.put(ALARMS, json=body).status_code == 200
    failing = {"mlm_emulator": {"model_error": {"status": 500, "message": "out of memory"}}}
    for _ in range(3):
        assert client.post("/v1/endpoints/chat-ep/invocations", json=failing).status_code == 424
    [alarm] = client.get(ALARMS).json()["alarms"]
    assert alarm["state"] == "alarm"
    shown = client.get("/v1/endpoints/chat-ep").json()["alarms"]
    assert [(a["kind"], a["state"]) for a in shown] == [("error_rate_5xx", "alarm")]


@pytest.mark.usefixtures("live")
def test_an_endpoint_without_alarms_shows_none(client: TestClient) -> None:
    assert client.get("/v1/endpoints/chat-ep").json()["alarms"] == []
    assert client.get(ALARMS).json() == {"topic_arn": None, "alarms": []}


@pytest.mark.usefixtures("live")
def test_a_team_subscribes_an_email_address(client: TestClient) -> None:
    response = client.post(
        f"{ALARMS}/subscriptions", json={"protocol": "email", "endpoint": "oncall@example.com"}
    )
    assert response.status_code == 201, response.text
    assert response.json()["confirmed"] is False


@pytest.mark.usefixtures("live")
def test_a_webhook_must_be_https(client: TestClient) -> None:
    response = client.post(
        f"{ALARMS}/subscriptions", json={"protocol": "https", "endpoint": "http://x.example"}
    )
    assert response.status_code == 422


@pytest.mark.usefixtures("live")
def test_a_viewer_cannot_set_alarms(client: TestClient, keys: Keys) -> None:
    response = client.put(ALARMS, json={"alarms": []}, headers={"X-Api-Key": keys.viewer})
    assert response.status_code == 403


@pytest.mark.usefixtures("live")
def test_deleting_the_endpoint_removes_its_alarms(
    client: TestClient, container: Container, keys: Keys
) -> None:
    client.put(ALARMS, json={"alarms": [{"kind": "no_traffic"}]})
    assert client.delete("/v1/endpoints/chat-ep").status_code == 202
    prefix = f"mlm-{keys.tenant}-chat-ep--"
    left = container.clients.cloudwatch().describe_alarms(AlarmNamePrefix=prefix)
    assert left["MetricAlarms"] == []
