"""/v1/endpoints over HTTP (response validation on)."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from mlm.container import Container
from mlm.services.registry.requests import ContainerSpec, NewModel, NewVersion
from tests.botocore_hooks import hooked
from tests.conftest import Keys, Transitions
from tests.polling import poll

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"
BODY: dict[str, Any] = {
    "name": "chat-ep",
    "variants": [{"model_name": "chat", "model_version": 1, "instance_type": "ml.g5.2xlarge"}],
    "tags": {"team": "support"},
}


@pytest.fixture
def version(container: Container, keys: Keys) -> None:
    """Model 'chat' with an approved version 1 (made through the services, not HTTP)."""
    container.models.create(keys.tenant, NewModel(name="chat", metadata={"license": "mit"}))
    container.versions.create(
        keys.tenant,
        "chat",
        NewVersion(ContainerSpec(IMAGE), approval_status="approved"),
        actor="test",
    )


def wait_status(client: TestClient, name: str, status: str) -> Any:
    return poll(
        lambda: client.get(f"/v1/endpoints/{name}"),
        lambda response: response.json().get("status") == status,
        f"{name} to be {status}",
    )


@pytest.fixture
def live(client: TestClient, version: None) -> Any:
    assert client.post("/v1/endpoints", json=BODY).status_code == 202
    return wait_status(client, "chat-ep", "in_service")


def as_role(key: str) -> dict[str, str]:
    return {"X-Api-Key": key}


def test_create_answers_202_with_location_and_creating(client: TestClient, version: None) -> None:
    response = client.post("/v1/endpoints", json=BODY)
    assert response.status_code == 202
    assert response.headers["Location"] == "/v1/endpoints/chat-ep"
    body = response.json()
    assert (body["status"], body["tags"]) == ("creating", {"team": "support"})
    assert body["variants"][0]["name"] == "primary"


def test_create_of_a_duplicate_is_409(client: TestClient, live: Any) -> None:
    response = client.post("/v1/endpoints", json=BODY)
    assert response.status_code == 409
    assert response.json()["code"] == "ENDPOINT_ALREADY_EXISTS"


def test_create_with_an_unknown_model_is_404(client: TestClient) -> None:
    response = client.post("/v1/endpoints", json=BODY)
    assert response.status_code == 404
    assert response.json()["code"] == "MODEL_NOT_FOUND"


def test_create_with_an_unknown_instance_type_is_422(client: TestClient, version: None) -> None:
    body = {**BODY, "variants": [{**BODY["variants"][0], "instance_type": "ml.zz9.huge"}]}
    response = client.post("/v1/endpoints", json=body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "variants[0].instance_type"


def test_create_needs_the_operator_role(client: TestClient, keys: Keys, version: None) -> None:
    response = client.post("/v1/endpoints", json=BODY, headers=as_role(keys.viewer))
    assert response.status_code == 403


def test_get_answers_the_endpoint_with_an_etag(client: TestClient, live: Any) -> None:
    assert live.headers["ETag"].startswith('"')
    variant = live.json()["variants"][0]
    assert (variant["model_name"], variant["model_version"]) == ("chat", 1)
    assert variant["current_instance_count"] == 1
    assert live.json()["created_at"].endswith("Z")


def test_get_works_for_a_viewer(client: TestClient, keys: Keys, live: Any) -> None:
    response = client.get("/v1/endpoints/chat-ep", headers=as_role(keys.viewer))
    assert response.status_code == 200


def test_another_tenants_endpoint_is_404(client: TestClient, keys: Keys, live: Any) -> None:
    response = client.get("/v1/endpoints/chat-ep", headers=as_role(keys.other_tenant_admin))
    assert response.status_code == 404
    assert response.json()["code"] == "ENDPOINT_NOT_FOUND"


def test_list_answers_a_page(client: TestClient, live: Any) -> None:
    body = client.get("/v1/endpoints").json()
    assert [e["name"] for e in body["items"]] == ["chat-ep"]
    assert body["next_page_token"] is None


def test_list_filters_by_status(client: TestClient, live: Any) -> None:
    assert client.get("/v1/endpoints", params={"status": "creating"}).json()["items"] == []


def test_list_with_a_bad_page_token_is_400(client: TestClient) -> None:
    response = client.get("/v1/endpoints", params={"page_token": "not-a-token"})
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID_PAGE_TOKEN"


def test_update_scales_with_202(client: TestClient, live: Any) -> None:
    patch = {"variants": [{"name": "primary", "instance_count": 2}]}
    response = client.patch("/v1/endpoints/chat-ep", json=patch)
    assert response.status_code == 202
    assert response.headers["Location"] == "/v1/endpoints/chat-ep"
    assert response.json()["variants"][0]["desired_instance_count"] == 2


def test_update_with_the_current_etag_is_accepted(client: TestClient, live: Any) -> None:
    patch = {"variants": [{"name": "primary", "weight": 2}]}
    response = client.patch(
        "/v1/endpoints/chat-ep", json=patch, headers={"If-Match": live.headers["ETag"]}
    )
    assert response.status_code == 202


def test_update_with_a_stale_etag_is_412(client: TestClient, live: Any) -> None:
    patch = {"variants": [{"name": "primary", "weight": 2}]}
    response = client.patch("/v1/endpoints/chat-ep", json=patch, headers={"If-Match": '"stale"'})
    assert response.status_code == 412


def test_update_changes_the_instance_type_blue_green(client: TestClient, live: Any) -> None:
    patch = {
        "variants": [{"name": "primary", "instance_type": "ml.g6e.12xlarge"}],
        "deployment": {"strategy": "linear", "traffic_percent": 50, "wait_seconds": 0},
    }
    assert client.patch("/v1/endpoints/chat-ep", json=patch).status_code == 202
    done = wait_status(client, "chat-ep", "in_service").json()
    assert done["variants"][0]["instance_type"] == "ml.g6e.12xlarge"


def test_update_with_auto_rollback_bakes_under_the_alarms_it_asks_for(
    client: TestClient, live: Any
) -> None:
    patch = {
        "variants": [{"name": "primary", "instance_type": "ml.g6e.12xlarge"}],
        "deployment": {
            "strategy": "canary",
            "traffic_percent": 50,
            "wait_seconds": 300,
            "auto_rollback": {"alarms": [{"kind": "latency_p99_ms", "threshold": 800}]},
            "maximum_execution_seconds": 3600,
        },
    }
    assert client.patch("/v1/endpoints/chat-ep", json=patch).status_code == 202
    baking = poll(
        lambda: client.get("/v1/endpoints/chat-ep").json(),
        lambda e: e["variants"][0]["status"] == "baking",
        "chat-ep to bake",
    )
    assert baking["status"] == "updating"


def test_auto_rollback_with_too_short_a_bake_is_422_naming_the_field(
    client: TestClient, live: Any
) -> None:
    patch = {
        "variants": [{"name": "primary", "instance_type": "ml.g6e.12xlarge"}],
        "deployment": {"strategy": "all_at_once", "wait_seconds": 10, "auto_rollback": {}},
    }
    response = client.patch("/v1/endpoints/chat-ep", json=patch)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "deployment.wait_seconds"


ROLL_TO_G6E = {
    "variants": [{"name": "primary", "instance_type": "ml.g6e.12xlarge"}],
    "deployment": {"strategy": "rolling", "batch_size": {"unit": "instances", "value": 1}},
}


def test_update_rolls_an_instance_type_change_a_batch_at_a_time(
    client: TestClient, live: Any
) -> None:
    scale = {"variants": [{"name": "primary", "instance_count": 2}]}
    assert client.patch("/v1/endpoints/chat-ep", json=scale).status_code == 202
    wait_status(client, "chat-ep", "in_service")
    assert client.patch("/v1/endpoints/chat-ep", json=ROLL_TO_G6E).status_code == 202
    done = wait_status(client, "chat-ep", "in_service").json()
    assert done["variants"][0]["instance_type"] == "ml.g6e.12xlarge"
    assert done["deployment"]["strategy"] == "rolling"
    assert done["deployment"]["batch_size"] == {"unit": "instances", "value": 1}


def test_a_rolling_update_of_a_one_instance_variant_is_422_saying_why(
    client: TestClient, live: Any
) -> None:
    response = client.patch("/v1/endpoints/chat-ep", json=ROLL_TO_G6E)
    assert response.status_code == 422
    assert response.json()["code"] == "INVALID_ENDPOINT_UPDATE"
    assert "needs at least 2 instances" in response.json()["detail"]


def test_a_batch_size_in_an_unknown_unit_is_400(client: TestClient, live: Any) -> None:
    patch = {
        "variants": [{"name": "primary", "instance_type": "ml.g6e.12xlarge"}],
        "deployment": {"strategy": "rolling", "batch_size": {"unit": "gpus", "value": 1}},
    }
    assert client.patch("/v1/endpoints/chat-ep", json=patch).status_code == 400


def test_update_of_an_unknown_variant_is_422(client: TestClient, live: Any) -> None:
    patch = {"variants": [{"name": "shadow", "weight": 2}]}
    response = client.patch("/v1/endpoints/chat-ep", json=patch)
    assert response.status_code == 422
    assert response.json()["code"] == "UNKNOWN_VARIANT"


def test_update_while_creating_is_409(
    client: TestClient, version: None, transitions: Transitions
) -> None:
    transitions.hold()
    client.post("/v1/endpoints", json=BODY)
    patch = {"variants": [{"name": "primary", "weight": 2}]}
    response = client.patch("/v1/endpoints/chat-ep", json=patch)
    assert response.status_code == 409
    assert response.json()["code"] == "ENDPOINT_NOT_READY"


def test_update_needs_the_operator_role(client: TestClient, keys: Keys, live: Any) -> None:
    patch = {"variants": [{"name": "primary", "weight": 2}]}
    response = client.patch("/v1/endpoints/chat-ep", json=patch, headers=as_role(keys.viewer))
    assert response.status_code == 403


def test_delete_answers_202_deleting(client: TestClient, live: Any) -> None:
    response = client.delete("/v1/endpoints/chat-ep")
    assert response.status_code == 202
    assert response.json()["status"] == "deleting"


def test_delete_with_a_stale_etag_is_412(client: TestClient, live: Any) -> None:
    response = client.delete("/v1/endpoints/chat-ep", headers={"If-Match": '"stale"'})
    assert response.status_code == 412


def test_delete_needs_the_operator_role(client: TestClient, keys: Keys, live: Any) -> None:
    response = client.delete("/v1/endpoints/chat-ep", headers=as_role(keys.viewer))
    assert response.status_code == 403


def test_delete_of_another_tenants_endpoint_is_404(
    client: TestClient, keys: Keys, live: Any
) -> None:
    response = client.delete("/v1/endpoints/chat-ep", headers=as_role(keys.other_tenant_admin))
    assert response.status_code == 404


# --- AWS calls per read ------------------------------------------------------------------


def test_a_get_of_an_endpoint_makes_one_aws_call_in_the_steady_state(
    client: TestClient, container: Container, live: Any
) -> None:
    client.get("/v1/endpoints/chat-ep")  # the first read learns what is immutable or cached
    calls: list[str] = []
    sm = container.clients.sagemaker()
    with hooked(sm, "before-call.sagemaker", lambda model, **_: calls.append(model.name)):
        assert client.get("/v1/endpoints/chat-ep").status_code == 200
    assert calls == ["DescribeEndpoint"]
