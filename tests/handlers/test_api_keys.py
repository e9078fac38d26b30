"""/v1/api-keys: keys created, used, listed, changed, rotated and revoked, as data."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from mlm.app import create_app
from mlm.aws.api_keys import ApiKeyTable
from mlm.container import Container, build_container
from mlm.principal import Principal
from mlm.services.access import ApiKeyService, Denial, NewKey
from mlm.settings import Role, Settings, hash_api_key
from tests.botocore_hooks import hooked
from tests.clock import Clock
from tests.conftest import Keys


@pytest.fixture
def replica(settings: Settings, keys: Keys) -> Iterator[TestClient]:
    """A second replica: its own container (and caches), the same tables."""
    app = create_app(build_container(settings), validate_responses=True)
    with app.test_client(headers={"X-Api-Key": keys.admin}) as other:
        yield other


def _create(client: TestClient, name: str = "ci", role: str = "operator", **extra: object) -> str:
    created = client.post("/v1/api-keys", json={"name": name, "role": role, **extra})
    assert created.status_code == 201, created.text
    return str(created.json()["secret"])


def _models(client: TestClient, secret: str) -> int:
    return client.get("/v1/models", headers={"X-Api-Key": secret}).status_code


def test_a_created_key_is_shown_once_and_works_at_once(client: TestClient, keys: Keys) -> None:
    created = client.post("/v1/api-keys", json={"name": "ci", "role": "operator"})
    assert created.status_code == 201
    body = created.json()
    assert created.headers["Location"] == "/v1/api-keys/ci"
    assert created.headers["Cache-Control"] == "no-store"
    assert body["secret"].startswith("mlm_")
    assert body["key"]["tenant"] == keys.tenant
    assert body["key"]["role"] == "operator"
    assert _models(client, body["secret"]) == 200


def test_a_key_works_on_another_replica_at_once(client: TestClient, replica: TestClient) -> None:
    secret = _create(client)
    assert _models(replica, secret) == 200


def test_a_keys_role_is_enforced(client: TestClient) -> None:
    secret = _create(client, role="viewer")
    refused = client.post("/v1/models", json={"name": "m"}, headers={"X-Api-Key": secret})
    assert refused.status_code == 403
    assert refused.json()["code"] == "ROLE_TOO_WEAK"


def test_no_answer_ever_holds_the_secret_or_its_hash(client: TestClient) -> None:
    secret = _create(client)
    texts = [client.get("/v1/api-keys").text, client.get("/v1/api-keys/ci").text]
    assert all(secret not in t and hash_api_key(secret) not in t for t in texts)


def test_the_list_shows_data_keys_and_settings_keys(client: TestClient) -> None:
    _create(client)
    items = {item["name"]: item for item in client.get("/v1/api-keys").json()["items"]}
    assert items["ci"]["source"] == "data"
    assert {items[n]["source"] for n in ("admin", "operator", "viewer")} == {"settings"}


def test_last_used_is_recorded(client: TestClient) -> None:
    secret = _create(client)
    assert "last_used_at" not in client.get("/v1/api-keys/ci").json()
    _models(client, secret)
    assert "last_used_at" in client.get("/v1/api-keys/ci").json()


def test_a_key_name_is_unique_in_its_tenant(client: TestClient) -> None:
    _create(client)
    again = client.post("/v1/api-keys", json={"name": "ci", "role": "viewer"})
    assert again.status_code == 409
    assert again.json()["code"] == "API_KEY_NAME_TAKEN"


def test_a_settings_keys_name_cannot_be_taken(client: TestClient) -> None:
    taken = client.post("/v1/api-keys", json={"name": "viewer", "role": "viewer"})
    assert taken.status_code == 409


def test_a_revoked_key_is_refused_at_once_on_every_replica(
    client: TestClient, replica: TestClient
) -> None:
    secret = _create(client)
    assert _models(replica, secret) == 200
    assert client.delete("/v1/api-keys/ci").status_code == 204
    refused = replica.get("/v1/models", headers={"X-Api-Key": secret})
    assert refused.status_code == 401
    assert refused.json()["detail"] == "This API key was revoked."
    assert _models(client, secret) == 401


def test_a_revoked_keys_name_can_be_used_again(client: TestClient) -> None:
    _create(client)
    client.delete("/v1/api-keys/ci")
    assert client.get("/v1/api-keys/ci").status_code == 404
    assert _models(client, _create(client)) == 200


def test_rotation_gives_a_new_secret_and_ends_the_old_one(
    client: TestClient, replica: TestClient
) -> None:
    old = _create(client)
    rotated = client.post("/v1/api-keys/ci/rotate")
    assert rotated.status_code == 200
    new = rotated.json()["secret"]
    assert new != old
    assert (_models(replica, old), _models(replica, new)) == (401, 200)


def test_rotation_keeps_the_role_and_limits(client: TestClient) -> None:
    _create(client, role="invoker", limits={"per_second": 7})
    key = client.post("/v1/api-keys/ci/rotate").json()["key"]
    assert (key["role"], key["limits"]["per_second"]) == ("invoker", 7)


def test_the_old_secret_works_through_a_grace_period(client: TestClient) -> None:
    old = _create(client)
    client.post("/v1/api-keys/ci/rotate?grace_seconds=600")
    assert _models(client, old) == 200


def test_revoking_ends_a_rotated_out_key_in_its_grace_period(client: TestClient) -> None:
    old = _create(client)
    client.post("/v1/api-keys/ci/rotate?grace_seconds=600")
    client.delete("/v1/api-keys/ci")
    assert _models(client, old) == 401


def test_a_key_cannot_be_made_already_expired(client: TestClient) -> None:
    refused = client.post(
        "/v1/api-keys", json={"name": "ci", "role": "viewer", "expires_at": "2020-01-01T00:00:00Z"}
    )
    assert (refused.status_code, refused.json()["code"]) == (422, "EXPIRY_IN_PAST")


def test_an_expired_key_is_refused(container: Container, keys: Keys) -> None:
    clock = Clock(now=time.time())
    service = ApiKeyService(
        ApiKeyTable(container.clients.dynamodb(), container.settings.api_key_table),
        container.settings,
        container.page_tokens,
        clock=clock,
    )
    admin = Principal(tenant=keys.tenant, role=Role.ADMIN, key_name="admin")
    _, secret = service.create(admin, NewKey("ci", Role.VIEWER, expires_at=clock.now + 60))
    clock.now += 61
    denied = service.authenticate(secret)
    assert isinstance(denied, Denial)
    assert denied.reason == "This API key has expired."


def test_patch_sets_limits_and_null_restores_the_default(
    client: TestClient, settings: Settings
) -> None:
    _create(client)
    changed = client.patch("/v1/api-keys/ci", json={"limits": {"per_day": 1234}})
    assert changed.status_code == 200
    assert changed.json()["limits"]["per_day"] == 1234
    restored = client.patch("/v1/api-keys/ci", json={"limits": {"per_day": None}})
    assert restored.json()["limits"]["per_day"] == settings.rate_limit_key_per_day


def test_patch_sets_and_clears_the_expiry(client: TestClient) -> None:
    _create(client)
    set_ = client.patch("/v1/api-keys/ci", json={"expires_at": "2099-01-01T00:00:00Z"})
    assert set_.json()["expires_at"] == "2099-01-01T00:00:00Z"
    cleared = client.patch("/v1/api-keys/ci", json={"expires_at": None})
    assert "expires_at" not in cleared.json()


def test_a_settings_key_cannot_be_rotated_here(client: TestClient) -> None:
    refused = client.post("/v1/api-keys/operator/rotate")
    assert refused.status_code == 409
    assert refused.json()["code"] == "API_KEY_FROM_SETTINGS"


def test_an_admin_cannot_touch_another_tenants_key(client: TestClient, keys: Keys) -> None:
    secret = _create(client)
    other = {"X-Api-Key": keys.other_tenant_admin}
    assert client.delete("/v1/api-keys/ci", headers=other).status_code == 404
    assert client.post("/v1/api-keys/ci/rotate", headers=other).status_code == 404
    assert _models(client, secret) == 200


def test_a_data_admin_key_manages_keys_of_its_own_tenant(client: TestClient, keys: Keys) -> None:
    admin = _create(client, name="root", role="admin")
    made = client.post(
        "/v1/api-keys", json={"name": "child", "role": "viewer"}, headers={"X-Api-Key": admin}
    )
    assert made.json()["key"]["tenant"] == keys.tenant


def test_last_used_costs_one_write_per_interval_not_one_per_request(
    client: TestClient, container: Container
) -> None:
    secret = _create(client)
    writes: list[str] = []
    table = container.settings.api_key_table

    def count(params: dict[str, object], **_: object) -> None:
        if params.get("TableName") == table:
            writes.append("UpdateItem")

    with hooked(container.clients.dynamodb(), "before-parameter-build.dynamodb.UpdateItem", count):
        for _ in range(5):
            assert _models(client, secret) == 200
    assert writes == ["UpdateItem"]
