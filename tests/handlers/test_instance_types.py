from starlette.testclient import TestClient

from tests.conftest import Keys


def test_listing_needs_an_api_key(client: TestClient) -> None:
    response = client.get("/v1/instance-types", headers={"X-Api-Key": ""})
    assert response.status_code == 401


def test_a_viewer_may_list(client: TestClient, keys: Keys) -> None:
    response = client.get("/v1/instance-types", headers={"X-Api-Key": keys.viewer})
    assert response.status_code == 200


def test_an_item_has_the_hardware_fields(client: TestClient) -> None:
    items = client.get("/v1/instance-types", params={"family": "g5", "page_size": 100}).json()[
        "items"
    ]
    g5 = next(item for item in items if item["name"] == "ml.g5.12xlarge")
    assert g5 == {
        "name": "ml.g5.12xlarge",
        "family": "g5",
        "gpu_count": 4,
        "gpu_model": "NVIDIA A10G",
        "gpu_memory_gib": 24.0,
        "vcpus": 48,
        "memory_gib": 192.0,
        "accelerated": True,
    }


def test_unknown_facts_are_null(client: TestClient) -> None:
    items = client.get("/v1/instance-types", params={"family": "g7e"}).json()["items"]
    assert items
    assert all(item["gpu_count"] is None and item["memory_gib"] is None for item in items)


def test_filter_by_family(client: TestClient) -> None:
    items = client.get("/v1/instance-types", params={"family": "p5"}).json()["items"]
    assert [item["name"] for item in items] == ["ml.p5.48xlarge", "ml.p5.4xlarge"]


def test_filter_by_accelerated_false_lists_only_cpu_types(client: TestClient) -> None:
    body = client.get(
        "/v1/instance-types", params={"accelerated": "false", "page_size": 100}
    ).json()
    assert body["items"]
    assert {item["gpu_count"] for item in body["items"]} == {0}
    assert not any(item["accelerated"] for item in body["items"])


def test_filter_by_min_gpu_memory_counts_all_gpus(client: TestClient) -> None:
    items = client.get(
        "/v1/instance-types", params={"min_gpu_memory_gib": 640, "page_size": 100}
    ).json()["items"]
    names = {item["name"] for item in items}
    assert "ml.p5.48xlarge" in names  # 8 x 80 GiB
    assert "ml.p4d.24xlarge" not in names  # 8 x 40 GiB


def test_pages_cover_every_type_once(client: TestClient) -> None:
    seen: list[str] = []
    token = None
    while True:
        params: dict[str, str | int] = {"page_size": 100}
        if token:
            params["page_token"] = token
        body = client.get("/v1/instance-types", params=params).json()
        seen += [item["name"] for item in body["items"]]
        token = body["next_page_token"]
        if token is None:
            break
    assert len(seen) == len(set(seen)) > 200
    assert seen == sorted(seen)


def test_a_page_token_from_other_filters_is_refused(client: TestClient) -> None:
    token = client.get("/v1/instance-types", params={"page_size": 1}).json()["next_page_token"]
    response = client.get("/v1/instance-types", params={"page_token": token, "family": "g5"})
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID_PAGE_TOKEN"


def test_a_made_up_page_token_is_a_400(client: TestClient) -> None:
    response = client.get("/v1/instance-types", params={"page_token": "bogus"})
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID_PAGE_TOKEN"


def test_a_page_size_over_100_is_a_400(client: TestClient) -> None:
    response = client.get("/v1/instance-types", params={"page_size": 101})
    assert response.status_code == 400
