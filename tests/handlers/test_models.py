from typing import Any

from starlette.testclient import TestClient

from tests.conftest import Keys

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.33.0-lmi15.0.0-cu128"


def _create(client: TestClient, name: str = "glm", **extra: Any) -> Any:
    body = {"name": name, "metadata": {"license": "glm-4"}, **extra}
    return client.post("/v1/models", json=body)


def test_create_answers_201_with_location_and_etag(client: TestClient) -> None:
    response = _create(client, description="GLM-4 chat", tags={"team": "support"})
    assert response.status_code == 201
    assert response.headers["Location"] == "/v1/models/glm"
    assert response.headers["ETag"]
    body = response.json()
    assert body["name"] == "glm"
    assert body["description"] == "GLM-4 chat"
    assert body["tags"] == {"team": "support"}
    assert (body["latest_version"], body["version_count"]) == (None, 0)


def test_create_without_mandatory_metadata_is_422(client: TestClient) -> None:
    response = client.post("/v1/models", json={"name": "glm"})
    assert response.status_code == 422
    problem = response.json()
    assert problem["code"] == "MISSING_METADATA"
    assert problem["errors"] == [
        {"field": "metadata.license", "message": "required by this server"}
    ]


def test_create_twice_is_409(client: TestClient) -> None:
    _create(client)
    response = _create(client)
    assert response.status_code == 409
    assert response.json()["code"] == "MODEL_ALREADY_EXISTS"


def test_create_with_a_reserved_tag_is_400(client: TestClient) -> None:
    response = _create(client, tags={"mlm:tenant": "x"})
    assert response.status_code == 400
    assert response.json()["code"] == "RESERVED_TAG"


def test_a_viewer_cannot_create(client: TestClient, keys: Keys) -> None:
    response = client.post(
        "/v1/models",
        json={"name": "glm", "metadata": {"license": "x"}},
        headers={"X-Api-Key": keys.viewer},
    )
    assert response.status_code == 403


def test_get_returns_the_model_with_its_etag(client: TestClient, keys: Keys) -> None:
    created = _create(client)
    response = client.get("/v1/models/glm", headers={"X-Api-Key": keys.viewer})
    assert response.status_code == 200
    assert response.json() == created.json()
    assert response.headers["ETag"] == created.headers["ETag"]


def test_another_tenants_model_is_404(client: TestClient, keys: Keys) -> None:
    _create(client)
    response = client.get("/v1/models/glm", headers={"X-Api-Key": keys.other_tenant_admin})
    assert response.status_code == 404
    assert response.json()["code"] == "MODEL_NOT_FOUND"


def test_list_pages_through_models(client: TestClient) -> None:
    for name in ["a", "b", "c"]:
        _create(client, name)
    first = client.get("/v1/models", params={"page_size": 2}).json()
    assert [m["name"] for m in first["items"]] == ["a", "b"]
    second = client.get(
        "/v1/models", params={"page_size": 2, "page_token": first["next_page_token"]}
    ).json()
    assert [m["name"] for m in second["items"]] == ["c"]
    assert second["next_page_token"] is None


def test_head_answers_what_get_would_without_a_body(client: TestClient) -> None:
    """RFC 9110 §9.3.2; with response validation on, an empty body is not a 500."""
    _create(client)
    for path in ["/v1/models", "/v1/models/glm"]:
        got, head = client.get(path), client.head(path)
        assert (head.status_code, head.content) == (200, b"")
        assert head.headers["Content-Type"] == got.headers["Content-Type"]


def test_list_filters_by_task(client: TestClient) -> None:
    _create(client, "a", task="text-generation")
    _create(client, "b", task="feature-extraction")
    items = client.get("/v1/models", params={"task": "feature-extraction"}).json()["items"]
    assert [m["name"] for m in items] == ["b"]


def test_a_bad_page_token_is_400(client: TestClient) -> None:
    response = client.get("/v1/models", params={"page_token": "not-ours"})
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID_PAGE_TOKEN"


def test_patch_merges_and_returns_the_model(client: TestClient) -> None:
    etag = _create(client, tags={"team": "a"}).headers["ETag"]
    response = client.patch(
        "/v1/models/glm",
        json={"owner": "ml@example.com", "tags": {"team": None}},
        headers={"If-Match": etag},
    )
    assert response.status_code == 200
    assert response.json()["owner"] == "ml@example.com"
    assert response.json()["tags"] == {}


def test_patch_with_a_stale_etag_is_412(client: TestClient) -> None:
    _create(client)
    response = client.patch("/v1/models/glm", json={"owner": "x"}, headers={"If-Match": '"stale"'})
    assert response.status_code == 412
    assert client.get("/v1/models/glm").json()["owner"] is None


def test_patch_removing_mandatory_metadata_is_422(client: TestClient) -> None:
    _create(client)
    response = client.patch("/v1/models/glm", json={"metadata": {"license": None}})
    assert response.status_code == 422


def test_a_viewer_cannot_patch(client: TestClient, keys: Keys) -> None:
    _create(client)
    response = client.patch(
        "/v1/models/glm", json={"owner": "x"}, headers={"X-Api-Key": keys.viewer}
    )
    assert response.status_code == 403


def test_delete_answers_204_and_the_model_is_gone(client: TestClient, keys: Keys) -> None:
    _create(client)
    response = client.delete("/v1/models/glm", headers={"X-Api-Key": keys.operator})
    assert response.status_code == 204
    assert client.get("/v1/models/glm").status_code == 404


def test_delete_with_versions_is_409_unless_forced(client: TestClient) -> None:
    _create(client)
    client.post("/v1/models/glm/versions", json={"container": {"image": IMAGE}})
    response = client.delete("/v1/models/glm")
    assert response.status_code == 409
    assert response.json()["code"] == "MODEL_HAS_VERSIONS"
    assert client.delete("/v1/models/glm", params={"force": "true"}).status_code == 204


def test_delete_with_a_stale_etag_is_412(client: TestClient) -> None:
    _create(client)
    response = client.delete("/v1/models/glm", headers={"If-Match": '"stale"'})
    assert response.status_code == 412
    assert client.get("/v1/models/glm").status_code == 200
