"""Rate limits through the API: shared by replicas, answered 429 with Retry-After."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from mlm.app import create_app
from mlm.container import Container, build_container
from mlm.settings import Settings
from tests.botocore_hooks import aws_calls
from tests.conftest import Keys, settings_with_keys


def _app(settings: Settings, keys: Keys) -> Iterator[TestClient]:
    app = create_app(build_container(settings), validate_responses=True)
    with app.test_client(headers={"X-Api-Key": keys.admin}) as client:
        yield client


@pytest.fixture
def replica(settings: Settings, keys: Keys) -> Iterator[TestClient]:
    yield from _app(settings, keys)


def _slow_key(client: TestClient, **limits: object) -> str:
    """A key of 3 requests at once, then one per 100 s (nothing comes back during a test)."""
    body = {
        "name": "slow",
        "role": "operator",
        "limits": {"per_second": 0.01, "burst": 3, **limits},
    }
    created = client.post("/v1/api-keys", json=body)
    assert created.status_code == 201, created.text
    return str(created.json()["secret"])


def test_a_burst_over_the_limit_across_two_replicas_gets_429(
    client: TestClient, replica: TestClient
) -> None:
    secret = _slow_key(client)
    headers = {"X-Api-Key": secret}
    statuses = [c.get("/v1/models", headers=headers).status_code for c in (client, replica) * 2]
    assert statuses == [200, 200, 200, 429]


def test_a_429_is_a_problem_with_retry_after_and_ratelimit_headers(
    client: TestClient, replica: TestClient
) -> None:
    headers = {"X-Api-Key": _slow_key(client)}
    for c in (client, replica, client):
        c.get("/v1/models", headers=headers)
    refused = replica.get("/v1/models", headers=headers)
    assert refused.headers["Content-Type"] == "application/problem+json"
    assert refused.json()["code"] == "RATE_LIMITED"
    assert 1 <= int(refused.headers["Retry-After"]) <= 100
    assert (refused.headers["RateLimit-Limit"], refused.headers["RateLimit-Remaining"]) == (
        "3",
        "0",
    )


def test_answers_carry_ratelimit_headers(client: TestClient) -> None:
    headers = {"X-Api-Key": _slow_key(client)}
    answered = client.get("/v1/models", headers=headers)
    assert (answered.headers["RateLimit-Limit"], answered.headers["RateLimit-Remaining"]) == (
        "3",
        "2",
    )
    assert int(answered.headers["RateLimit-Reset"]) >= 0


def test_changes_have_their_own_stricter_limit(client: TestClient) -> None:
    created = client.post(
        "/v1/api-keys",
        json={
            "name": "w",
            "role": "operator",
            "limits": {"writes_per_second": 0.01, "writes_burst": 1},
        },
    )
    headers = {"X-Api-Key": created.json()["secret"]}
    body = {"name": "rl-model", "metadata": {"license": "mit"}}
    assert client.post("/v1/models", json=body, headers=headers).status_code == 201
    refused = client.post("/v1/models", json=body | {"name": "rl-two"}, headers=headers)
    assert refused.status_code == 429
    assert client.get("/v1/models", headers=headers).status_code == 200


def test_the_day_quota_is_429_quota_exceeded(client: TestClient) -> None:
    headers = {"X-Api-Key": _slow_key(client, per_second=0, per_day=2)}
    assert [client.get("/v1/models", headers=headers).status_code for _ in range(2)] == [200, 200]
    refused = client.get("/v1/models", headers=headers)
    assert (refused.status_code, refused.json()["code"]) == (429, "QUOTA_EXCEEDED")


def test_the_tenant_limit_covers_all_its_keys(emulator_settings: Settings, keys: Keys) -> None:
    tight = settings_with_keys(
        emulator_settings, keys, rate_limit_tenant_per_second=0.01, rate_limit_tenant_burst=2
    )
    for client in _app(tight, keys):
        assert client.get("/v1/models").status_code == 200
        assert client.get("/v1/models", headers={"X-Api-Key": keys.viewer}).status_code == 200
        refused = client.get("/v1/models", headers={"X-Api-Key": keys.operator})
        assert refused.status_code == 429
        assert "tenant" in refused.json()["detail"]


def test_health_is_not_limited(emulator_settings: Settings, keys: Keys) -> None:
    tight = settings_with_keys(
        emulator_settings, keys, rate_limit_tenant_per_second=0.01, rate_limit_tenant_burst=1
    )
    for client in _app(tight, keys):
        assert {client.get("/v1/health").status_code for _ in range(3)} == {200}


def test_a_request_costs_one_dynamodb_write_per_limited_subject(
    client: TestClient, container: Container
) -> None:
    """The steady state, with a settings key (no key-table read): the key's bucket and the
    tenant's, one conditional UpdateItem each."""
    client.get("/v1/models")  # this replica learns the buckets' state
    with aws_calls(container.clients, ("dynamodb",)) as calls:
        assert client.get("/v1/models").status_code == 200
    assert calls == ["dynamodb:UpdateItem", "dynamodb:UpdateItem"]
