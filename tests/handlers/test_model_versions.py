from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.conftest import Keys

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.33.0-lmi15.0.0-cu128"
VERSIONS = "/v1/models/glm/versions"


@pytest.fixture(autouse=True)
def model(client: TestClient) -> None:
    response = client.post("/v1/models", json={"name": "glm", "metadata": {"license": "x"}})
    assert response.status_code == 201


def _create(client: TestClient, key: str | None = None, **extra: Any) -> Any:
    headers = {"X-Api-Key": key} if key else {}
    return client.post(VERSIONS, json={"container": {"image": IMAGE}, **extra}, headers=headers)


def test_create_answers_201_with_location_and_etag(client: TestClient, keys: Keys) -> None:
    response = _create(
        client,
        keys.operator,
        artifact={"uri": "s3://bucket/glm/1/", "format": "s3_prefix"},
        requirements={"gpu_memory_gib": 22, "gpu_count": 1},
    )
    assert response.status_code == 201
    assert response.headers["Location"] == f"{VERSIONS}/1"
    assert response.headers["ETag"]
    body = response.json()
    assert (body["version"], body["approval_status"]) == (1, "pending")
    assert body["artifact"] == {"uri": "s3://bucket/glm/1/", "format": "s3_prefix"}
    assert body["recommended_instance_types"]


def test_a_tar_gz_artifact_ending_in_a_slash_is_refused_by_the_contract(
    client: TestClient,
) -> None:
    """Artifact is a oneOf on format; a tar_gz URI is one object, never a prefix."""
    response = _create(client, artifact={"uri": "s3://bucket/glm/1/", "format": "tar_gz"})
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID_REQUEST"
    assert [e["field"] for e in response.json()["errors"]] == ["artifact.uri"]


def test_a_tar_gz_artifact_naming_one_object_is_accepted(client: TestClient) -> None:
    artifact = {"uri": "s3://bucket/glm/1/model.tar.gz", "format": "tar_gz"}
    response = _create(client, artifact=artifact)
    assert response.status_code == 201
    assert response.json()["artifact"] == artifact


def test_create_for_an_unknown_model_is_404(client: TestClient) -> None:
    response = client.post("/v1/models/nothing/versions", json={"container": {"image": IMAGE}})
    assert response.status_code == 404
    assert response.json()["code"] == "MODEL_NOT_FOUND"


def test_a_viewer_cannot_create(client: TestClient, keys: Keys) -> None:
    assert _create(client, keys.viewer).status_code == 403


def test_an_operator_cannot_create_an_approved_version(client: TestClient, keys: Keys) -> None:
    assert _create(client, keys.operator, approval_status="approved").status_code == 403


def test_an_admin_creating_an_approved_version_is_recorded(client: TestClient, keys: Keys) -> None:
    body = _create(client, approval_status="approved").json()
    assert body["approved_by"] == f"{keys.tenant}/admin"


def test_get_returns_the_version_with_its_etag(client: TestClient, keys: Keys) -> None:
    created = _create(client)
    response = client.get(f"{VERSIONS}/1", headers={"X-Api-Key": keys.viewer})
    assert response.status_code == 200
    assert response.json() == created.json()
    assert response.headers["ETag"] == created.headers["ETag"]


def test_get_unknown_version_is_404(client: TestClient) -> None:
    response = client.get(f"{VERSIONS}/9")
    assert response.status_code == 404
    assert response.json()["code"] == "VERSION_NOT_FOUND"


def test_another_tenants_version_is_404(client: TestClient, keys: Keys) -> None:
    _create(client)
    response = client.get(f"{VERSIONS}/1", headers={"X-Api-Key": keys.other_tenant_admin})
    assert response.status_code == 404


def test_list_pages_through_versions(client: TestClient) -> None:
    for _ in range(3):
        _create(client)
    first = client.get(VERSIONS, params={"page_size": 2}).json()
    assert [v["version"] for v in first["items"]] == [1, 2]
    second = client.get(
        VERSIONS, params={"page_size": 2, "page_token": first["next_page_token"]}
    ).json()
    assert [v["version"] for v in second["items"]] == [3]
    assert second["next_page_token"] is None


def test_a_bad_page_token_is_400(client: TestClient) -> None:
    response = client.get(VERSIONS, params={"page_token": "not-ours"})
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID_PAGE_TOKEN"


def test_approval_records_who_approved(client: TestClient, keys: Keys) -> None:
    etag = _create(client).headers["ETag"]
    response = client.patch(
        f"{VERSIONS}/1",
        json={"approval_status": "approved", "approval_note": "eval passed"},
        headers={"If-Match": etag},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["approval_status"] == "approved"
    assert body["approval_note"] == "eval passed"
    assert body["approved_by"] == f"{keys.tenant}/admin"
    assert body["approved_at"] is not None


def test_an_operator_cannot_approve(client: TestClient, keys: Keys) -> None:
    _create(client)
    response = client.patch(
        f"{VERSIONS}/1", json={"approval_status": "approved"}, headers={"X-Api-Key": keys.operator}
    )
    assert response.status_code == 403


def test_an_operator_can_change_the_description(client: TestClient, keys: Keys) -> None:
    _create(client)
    response = client.patch(
        f"{VERSIONS}/1", json={"description": "bf16"}, headers={"X-Api-Key": keys.operator}
    )
    assert response.status_code == 200
    assert response.json()["description"] == "bf16"


def test_changing_the_container_is_409_version_immutable(client: TestClient) -> None:
    _create(client)
    response = client.patch(f"{VERSIONS}/1", json={"container": {"image": IMAGE + "-new"}})
    assert response.status_code == 409
    assert response.json()["code"] == "VERSION_IMMUTABLE"


def test_patch_with_a_stale_etag_is_412(client: TestClient) -> None:
    _create(client)
    response = client.patch(
        f"{VERSIONS}/1", json={"description": "x"}, headers={"If-Match": '"stale"'}
    )
    assert response.status_code == 412


def test_delete_answers_204_and_the_version_is_gone(client: TestClient, keys: Keys) -> None:
    _create(client)
    assert client.delete(f"{VERSIONS}/1", headers={"X-Api-Key": keys.operator}).status_code == 204
    assert client.get(f"{VERSIONS}/1").status_code == 404


def test_a_viewer_cannot_delete(client: TestClient, keys: Keys) -> None:
    _create(client)
    assert client.delete(f"{VERSIONS}/1", headers={"X-Api-Key": keys.viewer}).status_code == 403
