from starlette.testclient import TestClient


def test_health_needs_no_api_key(client: TestClient) -> None:
    response = client.get("/v1/health", headers={"X-Api-Key": ""})
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_health_reports_the_emulator_backend(client: TestClient) -> None:
    backend = client.get("/v1/health").json()["backend"]
    assert backend == {"mode": "emulator", "region": "us-east-1", "reachable": True}


def test_every_response_carries_a_request_id(client: TestClient) -> None:
    response = client.get("/v1/health")
    assert len(response.headers["X-Request-Id"]) == 32


def test_a_valid_client_request_id_is_echoed(client: TestClient) -> None:
    response = client.get("/v1/health", headers={"X-Request-Id": "abc-123"})
    assert response.headers["X-Request-Id"] == "abc-123"


def test_an_unknown_path_is_a_problem(client: TestClient) -> None:
    response = client.get("/v1/nothing-here")
    assert response.status_code == 404
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "NOT_FOUND"
