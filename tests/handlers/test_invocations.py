"""POST /v1/endpoints/{name}/invocations over HTTP (response validation on)."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

from mlm.container import Container
from mlm.emulator.patches import invocations as emulated_invocations
from mlm.settings import ApiKeyEntry, Role, Settings, hash_api_key
from tests.conftest import Keys
from tests.live_server import live_server
from tests.polling import poll

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"
URL = "/v1/endpoints/chat-ep/invocations"
INVOKER_KEY = "invoker-key-for-tests"


def _deploy(client: TestClient, variants: list[dict[str, Any]]) -> None:
    assert client.post(
        "/v1/models", json={"name": "chat", "metadata": {"license": "mit"}}
    ).is_success
    version = client.post("/v1/models/chat/versions", json={"container": {"image": IMAGE}})
    assert version.status_code == 201, version.text
    body = {"name": "chat-ep", "variants": variants}
    assert client.post("/v1/endpoints", json=body).status_code == 202
    poll(
        lambda: client.get("/v1/endpoints/chat-ep").json()["status"],
        lambda status: status == "in_service",
        "chat-ep to be in_service",
    )


def _variant(name: str, weight: float = 1.0) -> dict[str, Any]:
    return {
        "name": name,
        "model_name": "chat",
        "model_version": 1,
        "instance_type": "ml.g5.2xlarge",
        "initial_weight": weight,
    }


@pytest.fixture
def settings(emulator_settings: Settings, keys: Keys) -> Settings:
    """The usual keys plus an invoker."""
    from tests.conftest import settings_with_keys

    base = settings_with_keys(emulator_settings, keys)
    invoker = ApiKeyEntry(
        name="invoker", sha256=hash_api_key(INVOKER_KEY), tenant=keys.tenant, role=Role.INVOKER
    )
    return base.model_copy(update={"api_keys": [*base.api_keys, invoker]})


@pytest.fixture
def live(client: TestClient) -> None:
    _deploy(client, [_variant("primary")])


@pytest.fixture
def short_model_timeout() -> Iterator[None]:
    emulated_invocations.configure(model_timeout_seconds=0.2)
    yield
    emulated_invocations.configure(model_timeout_seconds=60)


# --- pass-through --------------------------------------------------------------------------


@pytest.mark.usefixtures("live")
def test_a_json_body_reaches_the_model_untouched(client: TestClient) -> None:
    raw = b'{"b": 1.50,  "a": [1,2]}'
    response = client.post(URL, content=raw, headers={"Content-Type": "application/json"})
    echo = response.json()
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    assert response.headers["X-Mlm-Invoked-Variant"] == "primary"
    assert echo["request"]["size_bytes"] == len(raw)
    assert echo["request"]["json"] == {"b": 1.5, "a": [1, 2]}


@pytest.mark.usefixtures("live")
def test_a_text_body_and_accept_pass_through(client: TestClient) -> None:
    response = client.post(
        URL, content="hello", headers={"Content-Type": "text/plain", "Accept": "text/plain"}
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    echo = json.loads(response.content)
    assert echo["request"]["text"] == "hello"
    assert echo["request"]["accept"] == "text/plain"


@pytest.mark.usefixtures("live")
def test_a_binary_body_passes_through_byte_for_byte(client: TestClient) -> None:
    payload = bytes(range(256)) * 4
    response = client.post(
        URL,
        content=payload,
        headers={"Content-Type": "application/octet-stream", "Accept": "application/octet-stream"},
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/octet-stream"
    assert base64.b64decode(json.loads(response.content)["request"]["base64"]) == payload


def test_the_target_variant_header_picks_the_variant(client: TestClient) -> None:
    _deploy(client, [_variant("blue", 1.0), _variant("green", 0.0)])
    response = client.post(URL, json={}, headers={"X-Mlm-Target-Variant": "green"})
    assert response.status_code == 200
    assert response.headers["X-Mlm-Invoked-Variant"] == "green"
    assert response.json()["variant"] == "green"


# --- errors --------------------------------------------------------------------------------


@pytest.mark.usefixtures("live")
def test_a_body_over_six_megabytes_is_413_before_aws_is_called(client: TestClient) -> None:
    response = client.post(
        URL,
        content=b"x" * (6 * 1024 * 1024 + 1),
        headers={"Content-Type": "application/octet-stream"},
    )
    assert response.status_code == 413
    assert response.json()["code"] == "PAYLOAD_TOO_LARGE"


@pytest.mark.usefixtures("live")
def test_a_model_error_is_424_with_the_models_status_and_message(client: TestClient) -> None:
    failing = {"mlm_emulator": {"model_error": {"status": 507, "message": "out of KV cache"}}}
    response = client.post(URL, json=failing)
    problem = response.json()
    assert response.status_code == 424
    assert response.headers["Content-Type"] == "application/problem+json"
    assert problem["code"] == "MODEL_ERROR"
    assert problem["original_status_code"] == 507
    assert problem["original_message"] == "out of KV cache"
    assert problem["request_id"] == response.headers["X-Request-Id"]


@pytest.mark.usefixtures("live", "short_model_timeout")
def test_a_model_that_does_not_answer_in_time_is_504(client: TestClient) -> None:
    response = client.post(URL, json={"mlm_emulator": {"delay_ms": 60_000}})
    assert response.status_code == 504
    assert response.json()["code"] == "INVOCATION_TIMEOUT"


def test_an_unknown_endpoint_is_404(client: TestClient) -> None:
    response = client.post(URL, json={})
    assert response.status_code == 404
    assert response.json()["code"] == "ENDPOINT_NOT_FOUND"


def test_an_endpoint_that_is_not_in_service_yet_is_409(
    client: TestClient, container: Container
) -> None:
    from mlm.emulator import patches

    patches.configure(transition_seconds=3600)
    try:
        client.post("/v1/models", json={"name": "chat", "metadata": {"license": "mit"}})
        client.post("/v1/models/chat/versions", json={"container": {"image": IMAGE}})
        client.post("/v1/endpoints", json={"name": "chat-ep", "variants": [_variant("primary")]})
        response = client.post(URL, json={})
    finally:
        patches.configure(transition_seconds=container.settings.emulator_transition_seconds)
    assert response.status_code == 409
    assert response.json()["code"] == "ENDPOINT_NOT_READY"


# --- roles ---------------------------------------------------------------------------------


@pytest.mark.usefixtures("live")
def test_an_invoker_can_read_and_invoke(client: TestClient) -> None:
    key = {"X-Api-Key": INVOKER_KEY}
    assert client.get("/v1/endpoints/chat-ep", headers=key).status_code == 200
    assert client.post(URL, json={}, headers=key).status_code == 200


@pytest.mark.usefixtures("live")
def test_an_invoker_cannot_change_anything(client: TestClient) -> None:
    patch = {"variants": [{"name": "primary", "instance_count": 2}]}
    response = client.patch("/v1/endpoints/chat-ep", json=patch, headers={"X-Api-Key": INVOKER_KEY})
    assert response.status_code == 403
    assert response.json()["code"] == "ROLE_TOO_WEAK"


@pytest.mark.usefixtures("live")
def test_an_operator_can_invoke(client: TestClient, keys: Keys) -> None:
    response = client.post(URL, json={}, headers={"X-Api-Key": keys.operator})
    assert response.status_code == 200


@pytest.mark.usefixtures("live")
def test_a_viewer_cannot_invoke(client: TestClient, keys: Keys) -> None:
    response = client.post(URL, json={}, headers={"X-Api-Key": keys.viewer})
    assert response.status_code == 403


def test_roles_are_ordered_viewer_invoker_operator_admin() -> None:
    assert Role.INVOKER.allows(Role.VIEWER)
    assert not Role.VIEWER.allows(Role.INVOKER)
    assert not Role.INVOKER.allows(Role.OPERATOR)
    assert Role.OPERATOR.allows(Role.INVOKER)
    assert Role.ADMIN.allows(Role.INVOKER)


# --- streaming -----------------------------------------------------------------------------


def _sse(text: str) -> list[tuple[str, str]]:
    """(event, data) pairs of a server-sent event stream."""
    events = []
    for block in text.strip().split("\n\n"):
        lines = block.split("\n")
        name = next(line[7:] for line in lines if line.startswith("event: "))
        data = "\n".join(line[6:] for line in lines if line.startswith("data: "))
        events.append((name, data))
    return events


@pytest.mark.usefixtures("live")
def test_event_stream_accept_streams_the_answer_as_server_sent_events(client: TestClient) -> None:
    body = {"inputs": "hi", "mlm_emulator": {"chunks": 4}}
    response = client.post(URL, json=body, headers={"Accept": "text/event-stream"})
    events = _sse(response.text)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/event-stream")
    assert response.headers["X-Mlm-Invoked-Variant"] == "primary"
    assert [name for name, _ in events] == ["chunk"] * 4 + ["end"]
    echo = json.loads("".join(data for name, data in events if name == "chunk"))
    assert echo["request"]["json"]["inputs"] == "hi"


@pytest.mark.usefixtures("live")
def test_a_model_error_before_streaming_is_424(client: TestClient) -> None:
    failing = {"mlm_emulator": {"model_error": {"status": 500, "message": "boom"}}}
    response = client.post(URL, json=failing, headers={"Accept": "text/event-stream"})
    assert response.status_code == 424
    assert response.json()["original_message"] == "boom"


def test_the_first_part_reaches_a_live_client_before_the_last_is_produced(tmp_path: Path) -> None:
    """The emulator holds the last part until a second invocation releases it, which this
    test sends only after reading the first event: were anything on the way buffering
    the answer, the first event would not arrive, the hold would time out and the stream
    would end in an error event instead of the last part."""
    with live_server(tmp_path) as server:
        headers = {"X-Api-Key": server.api_key}
        with httpx.Client(base_url=server.base_url, headers=headers, timeout=30) as http:
            _deploy_over_http(http)
            held = {"mlm_emulator": {"chunks": 3, "hold_last_chunk": "g1"}}
            with http.stream(
                "POST",
                "/endpoints/chat-ep/invocations",
                json=held,
                headers={"Accept": "text/event-stream"},
            ) as response:
                lines = response.iter_lines()
                first = next(line for line in lines if line.startswith("event: "))
                release = {"mlm_emulator": {"release": "g1"}}
                assert http.post("/endpoints/chat-ep/invocations", json=release).is_success
                rest = [line for line in lines if line.startswith("event: ")]
    assert first == "event: chunk"
    assert rest == ["event: chunk", "event: chunk", "event: end"]


def _deploy_over_http(http: httpx.Client) -> None:
    http.post("/models", json={"name": "chat", "metadata": {"license": "mit"}}).raise_for_status()
    http.post("/models/chat/versions", json={"container": {"image": IMAGE}}).raise_for_status()
    http.post(
        "/endpoints", json={"name": "chat-ep", "variants": [_variant("primary")]}
    ).raise_for_status()
    poll(
        lambda: http.get("/endpoints/chat-ep").json()["status"],
        lambda status: status == "in_service",
        "chat-ep to be in_service",
        deadline_s=20,
    )


@pytest.mark.usefixtures("live")
def test_a_json_null_body_reaches_the_model(client: TestClient) -> None:
    """`null` is a JSON document like any other; only a missing body is empty."""
    response = client.post(URL, content=b"null", headers={"Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    assert response.json()["request"]["size_bytes"] == 4


@pytest.mark.usefixtures("live")
def test_a_missing_body_is_400(client: TestClient) -> None:
    response = client.post(URL, content=b"", headers={"Content-Type": "application/json"})
    assert response.status_code == 400
