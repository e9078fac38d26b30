"""Data capture over HTTP: set on create and update, records read back through
GET …/captures (response validation on)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.conftest import Keys
from tests.polling import poll

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"
CAPTURES = "/v1/endpoints/chat-ep/captures"


def _in_service(client: TestClient) -> dict[str, Any]:
    endpoint: dict[str, Any] = poll(
        lambda: client.get("/v1/endpoints/chat-ep").json(),
        lambda body: body["status"] == "in_service",
        "chat-ep to be in_service",
    )
    return endpoint


def _deploy(client: TestClient, data_capture: dict[str, Any] | None) -> dict[str, Any]:
    assert client.post(
        "/v1/models", json={"name": "chat", "metadata": {"license": "mit"}}
    ).is_success
    assert client.post("/v1/models/chat/versions", json={"container": {"image": IMAGE}}).is_success
    variant = {"model_name": "chat", "model_version": 1, "instance_type": "ml.g5.2xlarge"}
    body: dict[str, Any] = {"name": "chat-ep", "variants": [variant]}
    if data_capture is not None:
        body["data_capture"] = data_capture
    created = client.post("/v1/endpoints", json=body)
    assert created.status_code == 202, created.text
    return _in_service(client)


@pytest.fixture
def captured(client: TestClient) -> dict[str, Any]:
    endpoint = _deploy(client, {"sampling_percent": 100})
    for n in range(12):
        assert client.post("/v1/endpoints/chat-ep/invocations", json={"n": n}).is_success
    return endpoint


def test_the_endpoint_shows_its_data_capture(captured: dict[str, Any], keys: Keys) -> None:
    capture = captured["data_capture"]
    assert capture["enabled"] is True
    assert capture["sampling_percent"] == 100
    assert capture["json_content_types"] == ["application/json"]
    assert capture["destination_s3_uri"].endswith(f"/{keys.tenant}")


@pytest.mark.usefixtures("captured")
def test_after_a_dozen_invocations_the_captures_api_returns_them(client: TestClient) -> None:
    response = client.get(CAPTURES, params={"page_size": 100})
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    assert [json.loads(item["input"]["data"]) for item in items] == [{"n": n} for n in range(12)]
    assert all(item["output"]["encoding"] == "json" for item in items)


@pytest.mark.usefixtures("captured")
def test_another_tenant_sees_none_of_the_captures(client: TestClient, keys: Keys) -> None:
    response = client.get(CAPTURES, headers={"X-Api-Key": keys.other_tenant_admin})
    assert response.status_code == 404


def test_an_update_turns_data_capture_on(client: TestClient) -> None:
    _deploy(client, None)
    response = client.patch(
        "/v1/endpoints/chat-ep", json={"data_capture": {"sampling_percent": 50}}
    )
    assert response.status_code == 202, response.text
    assert _in_service(client)["data_capture"]["sampling_percent"] == 50


def test_an_update_with_nothing_to_change_is_422(client: TestClient) -> None:
    _deploy(client, None)
    response = client.patch("/v1/endpoints/chat-ep", json={})
    assert response.status_code == 422


def test_an_endpoint_without_data_capture_says_so(client: TestClient) -> None:
    assert _deploy(client, None)["data_capture"] is None
