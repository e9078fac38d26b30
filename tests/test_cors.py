from starlette.testclient import TestClient

from mlm.app import create_app
from mlm.container import build_container
from mlm.settings import Settings

ORIGIN = "https://console.example.com"


def cors_client(settings: Settings, origins: list[str]) -> TestClient:
    container = build_container(settings.model_copy(update={"cors_allowed_origins": origins}))
    return create_app(container).test_client()


def test_preflight_from_an_allowed_origin_is_answered(settings: Settings) -> None:
    response = cors_client(settings, [ORIGIN]).options(
        "/v1/models",
        headers={
            "Origin": ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "X-Api-Key, Content-Type",
        },
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == ORIGIN
    assert "x-api-key" in response.headers["Access-Control-Allow-Headers"].lower()


def test_responses_expose_the_headers_clients_need(settings: Settings) -> None:
    response = cors_client(settings, [ORIGIN]).get("/v1/health", headers={"Origin": ORIGIN})
    exposed = response.headers["Access-Control-Expose-Headers"].lower()
    assert {"etag", "location", "x-request-id", "retry-after"} <= set(
        h.strip() for h in exposed.split(",")
    )


def test_no_origin_is_allowed_by_default(settings: Settings) -> None:
    response = cors_client(settings, []).get("/v1/health", headers={"Origin": ORIGIN})
    assert "Access-Control-Allow-Origin" not in response.headers
