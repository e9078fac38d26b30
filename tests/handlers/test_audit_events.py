"""/v1/audit-events: every change and every refusal, read back by the tenant's admin."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from botocore.exceptions import ClientError
from starlette.testclient import TestClient

from mlm.app import create_app
from mlm.aws.audit_log import AuditLog
from mlm.container import Container, build_container
from mlm.settings import Settings
from tests.audit_records import write_trail
from tests.botocore_hooks import hooked
from tests.conftest import Keys, settings_with_keys

MODEL = {"name": "audited", "metadata": {"license": "mit"}}


def _events(client: TestClient, key: str | None = None, **query: str) -> list[dict[str, Any]]:
    headers = {} if key is None else {"X-Api-Key": key}
    answer = client.get("/v1/audit-events", params=query, headers=headers)
    assert answer.status_code == 200, answer.text
    items: list[dict[str, Any]] = answer.json()["items"]
    return items


def _by_operation(client: TestClient, operation: str) -> list[dict[str, Any]]:
    return _events(client, operation_id=operation)


def test_a_change_is_recorded_with_who_what_and_the_outcome(client: TestClient, keys: Keys) -> None:
    created = client.post("/v1/models", json=MODEL, headers={"X-Request-Id": "req-audit-1"})
    [event] = _by_operation(client, "create_model")
    assert event["tenant"] == keys.tenant
    assert (event["key_name"], event["role"], event["auth"]) == ("admin", "admin", "api_key")
    assert (event["method"], event["target"], event["status"]) == ("POST", "/v1/models", 201)
    assert event["request_id"] == created.headers["X-Request-Id"] == "req-audit-1"


def test_a_change_records_its_aws_request_ids(client: TestClient) -> None:
    client.post("/v1/models", json=MODEL)
    [event] = _by_operation(client, "create_model")
    assert event["aws_request_ids"]


def test_reads_are_not_recorded(client: TestClient) -> None:
    client.get("/v1/models")
    assert _by_operation(client, "list_models") == []


def test_a_refused_change_is_recorded(client: TestClient, keys: Keys) -> None:
    client.post("/v1/models", json=MODEL, headers={"X-Api-Key": keys.viewer})
    [event] = _by_operation(client, "create_model")
    assert (event["status"], event["key_name"]) == (403, "viewer")


def test_key_lifecycle_and_a_revoked_keys_use_are_recorded(client: TestClient) -> None:
    secret = client.post("/v1/api-keys", json={"name": "ci", "role": "viewer"}).json()["secret"]
    client.get("/v1/models", headers={"X-Api-Key": secret})
    client.post("/v1/api-keys/ci/rotate")
    client.delete("/v1/api-keys/ci")
    client.get("/v1/models", headers={"X-Api-Key": secret})
    operations = [(e.get("operation_id"), e["status"]) for e in reversed(_events(client))]
    assert operations == [
        ("create_api_key", 201),
        ("rotate_api_key", 200),
        ("revoke_api_key", 204),
        ("list_models", 401),
    ]


def test_a_revoked_keys_refusal_names_the_key_and_why(client: TestClient) -> None:
    secret = client.post("/v1/api-keys", json={"name": "ci", "role": "viewer"}).json()["secret"]
    client.delete("/v1/api-keys/ci")
    client.get("/v1/models", headers={"X-Api-Key": secret})
    [event] = _by_operation(client, "list_models")
    assert (event["key_name"], event["reason"]) == ("ci", "This API key was revoked.")


def test_a_rate_limited_request_is_recorded(client: TestClient) -> None:
    created = client.post(
        "/v1/api-keys",
        json={"name": "slow", "role": "viewer", "limits": {"per_second": 0.01, "burst": 1}},
    )
    headers = {"X-Api-Key": created.json()["secret"]}
    client.get("/v1/models", headers=headers)
    client.get("/v1/models", headers=headers)
    [event] = _by_operation(client, "list_models")
    assert (event["status"], event["key_name"]) == (429, "slow")


def test_no_secret_is_ever_recorded(client: TestClient) -> None:
    secret = client.post("/v1/api-keys", json={"name": "ci", "role": "viewer"}).json()["secret"]
    client.post("/v1/api-keys/ci/rotate")
    assert secret not in client.get("/v1/audit-events").text


def test_events_filter_by_key_and_target(client: TestClient, keys: Keys) -> None:
    client.post("/v1/models", json=MODEL)
    client.post("/v1/models", json=MODEL | {"name": "other"}, headers={"X-Api-Key": keys.operator})
    assert [e["key_name"] for e in _events(client, key_name="operator")] == ["operator"]
    assert [e["target"] for e in _events(client, target="/v1/models")] == ["/v1/models"] * 2


def test_events_filter_by_time(client: TestClient) -> None:
    client.post("/v1/models", json=MODEL)
    assert _events(client, until="2020-01-01T00:00:00Z") == []
    assert len(_events(client, since="2020-01-01T00:00:00Z")) == 1


def test_events_page_newest_first(client: TestClient) -> None:
    for name in ("a1", "a2", "a3"):
        client.post("/v1/models", json=MODEL | {"name": name})
    first = client.get("/v1/audit-events", params={"page_size": 2}).json()
    second = client.get(
        "/v1/audit-events", params={"page_size": 2, "page_token": first["next_page_token"]}
    ).json()
    targets = [e["time"] for e in first["items"] + second["items"]]
    assert len(targets) == 3
    assert targets == sorted(targets, reverse=True)
    assert second["next_page_token"] is None


def test_a_tenant_sees_only_its_own_events(client: TestClient, keys: Keys) -> None:
    client.post("/v1/models", json=MODEL)
    assert _events(client, key=keys.other_tenant_admin) == []


def test_reading_the_trail_needs_admin(client: TestClient, keys: Keys) -> None:
    refused = client.get("/v1/audit-events", headers={"X-Api-Key": keys.operator})
    assert refused.status_code == 403


def test_a_failed_audit_write_does_not_fail_the_request(
    emulator_settings: Settings, keys: Keys, caplog: pytest.LogCaptureFixture
) -> None:
    """Failing open, loudly: the change is done; the record goes to the log at ERROR."""
    container = build_container(settings_with_keys(emulator_settings, keys))
    app = create_app(container, validate_responses=True)

    def throttled(**_: object) -> None:
        raise ClientError({"Error": {"Code": "ThrottlingException", "Message": "slow"}}, "PutItem")

    db = container.clients.dynamodb()
    with (
        app.test_client(headers={"X-Api-Key": keys.admin}) as client,
        hooked(db, "before-call.dynamodb.PutItem", throttled),
        caplog.at_level(logging.ERROR, logger="mlm.audit"),
    ):
        created = client.post("/v1/models", json=MODEL)
    assert created.status_code == 201
    assert "AUDIT RECORD NOT STORED" in caplog.text
    assert "create_model" in caplog.text


def test_a_selective_filter_pages_through_a_long_trail_in_short_pages(
    client: TestClient, container: Container, keys: Keys
) -> None:
    """A page stops after a bounded read; its token goes on from there to the match."""
    log = AuditLog(container.clients.dynamodb(), container.settings.audit_table)
    write_trail(log, keys.tenant)
    query = {"key_name": "ci", "page_size": 1}  # 4 reads of 100 events, of 450
    first = client.get("/v1/audit-events", params=query).json()
    second = client.get(
        "/v1/audit-events", params=query | {"page_token": first["next_page_token"]}
    ).json()
    assert (first["items"], first["next_page_token"] is not None) == ([], True)
    assert [e["request_id"] for e in second["items"]] == ["r0000"]
    assert second["next_page_token"] is None
