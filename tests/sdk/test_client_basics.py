"""What the client sends and how waiters give up, against a stand-in HTTP transport."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from mlm_client import MLM, WaiterTimeout
from mlm_client._http import api_base_url

ENDPOINT: dict[str, Any] = {
    "name": "chat",
    "status": "creating",
    "failure_reason": None,
    "variants": [],
    "enhanced_metrics": False,
    "tags": {},
    "created_at": "2026-01-01T00:00:00Z",
    "updated_at": "2026-01-01T00:00:00Z",
}


@pytest.mark.parametrize(
    "given", ["http://h:8080", "http://h:8080/", "http://h:8080/v1", "http://h:8080/v1/"]
)
def test_base_url_with_or_without_v1_means_the_v1_root(given: str) -> None:
    assert api_base_url(given) == "http://h:8080/v1"


def test_requests_carry_the_api_key_and_if_match() -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(202, json=ENDPOINT)

    with MLM("http://mlm.test", "secret", transport=httpx.MockTransport(handle)) as mlm:
        mlm.delete_endpoint("chat", if_match='"v1"')
    assert (seen[0].url.path, seen[0].headers["X-Api-Key"], seen[0].headers["If-Match"]) == (
        "/v1/endpoints/chat",
        "secret",
        '"v1"',
    )


def test_a_mapping_body_missing_a_required_field_raises_value_error_before_sending() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        raise AssertionError("nothing should be sent")

    with (
        MLM("http://mlm.test", "k", transport=httpx.MockTransport(handle)) as mlm,
        pytest.raises(ValueError, match="name"),
    ):
        mlm.create_model({"description": "no name"})


def test_wait_for_endpoint_raises_waiter_timeout_with_the_last_status() -> None:
    polls: list[float] = []

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=ENDPOINT)

    with (
        MLM(
            "http://mlm.test", "k", transport=httpx.MockTransport(handle), sleep=polls.append
        ) as mlm,
        pytest.raises(WaiterTimeout) as raised,
    ):
        mlm.wait_for_endpoint("chat", timeout=0)
    assert (raised.value.last_status, raised.value.wanted, polls) == ("creating", "in_service", [])
