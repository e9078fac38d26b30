"""How connexion's own refusals (routing, validation) come out as problems."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("OPTIONS", "/v1/models", "GET, HEAD, POST"),
        ("PUT", "/v1/models/glm", "DELETE, GET, HEAD, PATCH"),
        ("GET", "/v1/endpoints/chat/invocations", "POST"),
    ],
)
def test_a_405_allows_every_method_of_the_path(
    client: TestClient, method: str, path: str, allowed: str
) -> None:
    """RFC 9110 §15.5.6: a 405 "MUST generate an Allow header field" listing the target
    resource's methods, all of them (not those of one route)."""
    response = client.request(method, path)
    assert response.status_code == 405
    assert response.headers["Allow"] == allowed
