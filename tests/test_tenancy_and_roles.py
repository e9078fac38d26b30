"""Auth, roles and tenant isolation, checked for every operation in the spec."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from starlette.testclient import TestClient

from mlm.container import build_container
from mlm.settings import Settings
from tests.conftest import Keys, admin_client, new_keys, settings_with_keys
from tests.polling import poll

SPEC = yaml.safe_load((Path(__file__).parents[1] / "spec" / "openapi.yaml").read_text())
WRITE_METHODS = {"post", "patch", "put", "delete"}
MODEL, ENDPOINT = "iso-model", "iso-endpoint"
PATH_VALUES = {
    "model_name": MODEL,
    "version": "1",
    "endpoint_name": ENDPOINT,
    "job_id": "iso-model-0000000000",  # replaced by tenant_resources with a real job's id
    "key_name": "iso-key",
}


def operations() -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method, path, operation)
        for path, item in SPEC["paths"].items()
        for method, operation in item.items()
        if method in {"get", "post", "patch", "put", "delete"}
    ]


def secured() -> list[tuple[str, str, dict[str, Any]]]:
    return [op for op in operations() if op[2].get("security") != []]


def example_body(operation: dict[str, Any]) -> Any:
    content = operation.get("requestBody", {}).get("content", {})
    return content.get("application/json", {}).get("example")


def url(path: str) -> str:
    return "/v1" + path.format(**PATH_VALUES)


def call(client: TestClient, method: str, path: str, op: dict[str, Any], key: str | None) -> Any:
    headers = {"X-Api-Key": key} if key is not None else {"X-Api-Key": ""}
    body = example_body(op)
    return client.request(method.upper(), url(path), json=body, headers=headers)


def ids(ops: list[tuple[str, str, dict[str, Any]]]) -> list[str]:
    return [op[2]["operationId"] for op in ops]


@pytest.mark.parametrize(("method", "path", "op"), secured(), ids=ids(secured()))
def test_every_secured_operation_refuses_a_missing_key(
    client: TestClient, method: str, path: str, op: dict[str, Any]
) -> None:
    response = client.request(
        method.upper(), url(path), json=example_body(op), headers={"X-Api-Key": ""}
    )
    assert response.status_code == 401
    assert response.headers["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(("method", "path", "op"), secured(), ids=ids(secured()))
def test_every_secured_operation_refuses_an_unknown_key(
    client: TestClient, method: str, path: str, op: dict[str, Any]
) -> None:
    response = call(client, method, path, op, "not-a-key")
    assert response.status_code == 401


WRITES = [op for op in secured() if op[0] in WRITE_METHODS]


@pytest.mark.parametrize(("method", "path", "op"), WRITES, ids=ids(WRITES))
def test_a_viewer_cannot_change_anything(
    client: TestClient, keys: Keys, method: str, path: str, op: dict[str, Any]
) -> None:
    response = call(client, method, path, op, keys.viewer)
    assert response.status_code == 403, response.text
    assert response.json()["code"] == "ROLE_TOO_WEAK"


@pytest.fixture(scope="module")
def keys() -> Keys:
    """One tenant for the whole module: its resources are made once (tenant_resources), as
    no test here changes them (the other tenant's and the viewer's writes are refused)."""
    return new_keys()


@pytest.fixture(scope="module")
def tenant_resources(keys: Keys, emulator_settings: Settings) -> Iterator[None]:
    """A model, a version, an in-service endpoint and an API key owned by the tenant."""
    container = build_container(settings_with_keys(emulator_settings, keys))
    with admin_client(container, keys) as client:
        _make_tenant_resources(client, keys, emulator_settings)
        yield


def _make_tenant_resources(client: TestClient, keys: Keys, emulator_settings: Settings) -> None:
    key = client.post("/v1/api-keys", json={"name": "iso-key", "role": "viewer"})
    assert key.status_code == 201, key.text
    created = client.post("/v1/models", json={"name": MODEL, "metadata": {"license": "mit"}})
    assert created.status_code == 201, created.text
    version = client.post(
        f"/v1/models/{MODEL}/versions", json={"container": {"image": "example.com/serving:1"}}
    )
    assert version.status_code == 201, version.text
    endpoint = client.post(
        "/v1/endpoints",
        json={
            "name": ENDPOINT,
            "variants": [{"model_name": MODEL, "model_version": 1, "instance_type": "ml.m5.large"}],
        },
    )
    assert endpoint.status_code == 202, endpoint.text
    job = client.post(
        "/v1/packaging-jobs",
        json={
            "source": {
                "platform": "s3",
                "s3_uri": f"s3://{emulator_settings.artifact_bucket}/{keys.tenant}/model/",
            },
            "target": {"model_name": MODEL, "register_version": False},
        },
    )
    assert job.status_code == 202, job.text
    PATH_VALUES["job_id"] = job.json()["job_id"]
    poll(
        lambda: client.get(f"/v1/endpoints/{ENDPOINT}").json()["status"],
        lambda status: status == "in_service",
        f"{ENDPOINT} to be in_service",
        deadline_s=20,
    )


SINGLE_RESOURCE = [op for op in secured() if "{" in op[1]]


@pytest.mark.parametrize(("method", "path", "op"), SINGLE_RESOURCE, ids=ids(SINGLE_RESOURCE))
@pytest.mark.usefixtures("tenant_resources")
def test_another_tenants_resource_is_not_found(
    client: TestClient, keys: Keys, method: str, path: str, op: dict[str, Any]
) -> None:
    response = call(client, method, path, op, keys.other_tenant_admin)
    assert response.status_code == 404, response.text
    # …and the owner still sees it unchanged.
    assert (
        client.get(
            url(
                path.split("/versions")[0]
                if "{model_name}" in path
                else path.split("/instances")[0]
                .split("/invocations")[0]
                .split("/cancel")[0]
                .split("/rotate")[0]
                .split("/subscriptions")[0]
            )
        ).status_code
        == 200
    )


LISTS = [
    op for op in secured() if op[0] == "get" and "{" not in op[1] and op[1] != "/instance-types"
]


@pytest.mark.parametrize(("method", "path", "op"), LISTS, ids=ids(LISTS))
@pytest.mark.usefixtures("tenant_resources")
def test_lists_show_only_the_callers_tenant(
    client: TestClient, keys: Keys, method: str, path: str, op: dict[str, Any]
) -> None:
    mine = client.get(url(path)).json()["items"]
    theirs = call(client, method, path, op, keys.other_tenant_admin).json()["items"]
    assert mine
    if path == "/api-keys":  # every tenant has its own keys from settings: only those
        assert {item["tenant"] for item in theirs} == {keys.other_tenant}
    elif path == "/audit-events":  # the other tenant's refused tries here are its own events
        assert {item["tenant"] for item in theirs} <= {keys.other_tenant}
        assert not {e["request_id"] for e in mine} & {e["request_id"] for e in theirs}
    else:
        assert theirs == []


def test_the_same_name_can_exist_in_two_tenants(client: TestClient, keys: Keys) -> None:
    body = {"name": "shared-name", "metadata": {"license": "mit"}}
    assert client.post("/v1/models", json=body).status_code == 201
    other = client.post("/v1/models", json=body, headers={"X-Api-Key": keys.other_tenant_admin})
    assert other.status_code == 201
