"""Idempotency-Key on create operations (powertools idempotency on the emulated DynamoDB)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from botocore.exceptions import ClientError
from starlette.testclient import TestClient

from mlm.container import Container
from mlm.errors import NotFound
from mlm.idempotency import Idempotency, Reply
from tests.botocore_hooks import hooked
from tests.conftest import Keys

MODEL = {"name": "idem-model", "metadata": {"license": "mit"}}
VERSION = {"container": {"image": "example.com/serving:1"}}


def key() -> dict[str, str]:
    return {"Idempotency-Key": str(uuid.uuid4())}


def test_a_replayed_create_returns_the_first_answer_and_creates_once(client: TestClient) -> None:
    headers = key()
    first = client.post("/v1/models", json=MODEL, headers=headers)
    again = client.post("/v1/models", json=MODEL, headers=headers)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert again.headers["Location"] == first.headers["Location"]
    assert again.headers["ETag"] == first.headers["ETag"]


def test_without_a_key_a_second_create_conflicts(client: TestClient) -> None:
    assert client.post("/v1/models", json=MODEL).status_code == 201
    assert client.post("/v1/models", json=MODEL).status_code == 409


def test_a_replayed_version_create_makes_one_version(client: TestClient) -> None:
    client.post("/v1/models", json=MODEL)
    headers = key()
    first = client.post("/v1/models/idem-model/versions", json=VERSION, headers=headers)
    again = client.post("/v1/models/idem-model/versions", json=VERSION, headers=headers)
    assert again.json()["version"] == first.json()["version"] == 1
    assert client.get("/v1/models/idem-model").json()["version_count"] == 1


def test_the_same_key_with_another_body_is_422(client: TestClient) -> None:
    headers = key()
    client.post("/v1/models", json=MODEL, headers=headers)
    other = client.post("/v1/models", json={**MODEL, "name": "idem-other"}, headers=headers)
    assert other.status_code == 422
    assert other.json()["code"] == "IDEMPOTENCY_KEY_REUSED"


def test_a_failed_request_is_not_remembered(client: TestClient) -> None:
    headers = key()
    missing = client.post("/v1/models/idem-model/versions", json=VERSION, headers=headers)
    assert missing.status_code == 404
    client.post("/v1/models", json=MODEL)
    retried = client.post("/v1/models/idem-model/versions", json=VERSION, headers=headers)
    assert retried.status_code == 201


def test_keys_are_scoped_to_the_tenant(client: TestClient, keys: Keys) -> None:
    headers = key()
    mine = client.post("/v1/models", json=MODEL, headers=headers)
    theirs = client.post(
        "/v1/models", json=MODEL, headers={**headers, "X-Api-Key": keys.other_tenant_admin}
    )
    assert (mine.status_code, theirs.status_code) == (201, 201)
    assert client.get("/v1/models").json()["items"][0]["name"] == "idem-model"


def test_a_replayed_endpoint_create_starts_one_endpoint(client: TestClient) -> None:
    client.post("/v1/models", json=MODEL)
    client.post("/v1/models/idem-model/versions", json=VERSION)
    body = {
        "name": "idem-ep",
        "variants": [
            {"model_name": "idem-model", "model_version": 1, "instance_type": "ml.m5.large"}
        ],
    }
    headers = key()
    first = client.post("/v1/endpoints", json=body, headers=headers)
    again = client.post("/v1/endpoints", json=body, headers=headers)
    assert (first.status_code, again.status_code) == (202, 202)
    assert again.json() == first.json()
    assert [e["name"] for e in client.get("/v1/endpoints").json()["items"]] == ["idem-ep"]


# --- the store failing around a request that did its work -------------------------------


def _throttled(**_: object) -> None:
    raise ClientError({"Error": {"Code": "ThrottlingException", "Message": "Rate exceeded"}}, "x")


def _idempotency(container: Container) -> tuple[Idempotency, Any]:
    client = container.clients.dynamodb()
    s = container.settings
    return Idempotency(client, s.idempotency_table, s.idempotency_ttl_seconds), client


def test_an_answer_the_store_cannot_keep_is_still_the_answer(
    container: Container, keys: Keys
) -> None:
    """The create happened: failing to store its answer must not turn it into an error."""
    idempotency, client = _idempotency(container)
    made: list[int] = []

    def make() -> Reply:
        made.append(1)
        return Reply(body={"name": "m"}, status=201, headers={})

    with hooked(client, "before-call.dynamodb.UpdateItem", _throttled):
        reply = idempotency.run(keys.tenant, "create_model", "k1", {"a": 1}, make)
    assert (reply["status"], reply["body"], len(made)) == (201, {"name": "m"}, 1)


def test_a_failed_request_keeps_its_own_error_when_the_store_fails_too(
    container: Container, keys: Keys
) -> None:
    idempotency, client = _idempotency(container)

    def make() -> Reply:
        raise NotFound(code="MODEL_NOT_FOUND", detail="No such model.")

    with (
        hooked(client, "before-call.dynamodb.DeleteItem", _throttled),
        pytest.raises(NotFound) as caught,
    ):
        idempotency.run(keys.tenant, "create_model_version", "k2", {"a": 1}, make)
    assert caught.value.code == "MODEL_NOT_FOUND"
