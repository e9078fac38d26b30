"""Problem+json answers become typed exceptions carrying what the server said."""

from __future__ import annotations

import httpx
import pytest
from mlm_client import (
    BadRequest,
    Conflict,
    FieldError,
    Forbidden,
    MLMError,
    NotFound,
    PreconditionFailed,
    ServiceUnavailable,
    TooManyRequests,
    Unauthorized,
    ValidationFailed,
)
from mlm_client.errors import error_from_response

PROBLEM = {
    "type": "/problems/validation",
    "title": "Invalid request",
    "status": 400,
    "detail": "name does not match the pattern",
    "code": "INVALID_FIELD",
    "request_id": "abc123",
    "errors": [{"field": "name", "message": "does not match the name pattern"}],
}


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, BadRequest),
        (401, Unauthorized),
        (403, Forbidden),
        (404, NotFound),
        (409, Conflict),
        (412, PreconditionFailed),
        (422, ValidationFailed),
        (429, TooManyRequests),
        (503, ServiceUnavailable),
        (500, MLMError),
    ],
)
def test_each_documented_status_maps_to_its_exception(status: int, kind: type[MLMError]) -> None:
    error = error_from_response(httpx.Response(status, json={**PROBLEM, "status": status}))
    assert type(error) is kind


def test_problem_members_are_carried_on_the_exception() -> None:
    error = error_from_response(httpx.Response(400, json=PROBLEM))
    assert (error.status, error.code, error.detail, error.request_id, error.errors) == (
        400,
        "INVALID_FIELD",
        "name does not match the pattern",
        "abc123",
        (FieldError("name", "does not match the name pattern"),),
    )


def test_request_id_falls_back_to_the_header_when_the_body_has_none() -> None:
    response = httpx.Response(502, text="Bad gateway", headers={"X-Request-Id": "from-header"})
    error = error_from_response(response)
    assert (error.request_id, error.detail, error.code) == ("from-header", "Bad gateway", None)


def test_message_names_status_code_detail_and_request() -> None:
    assert str(error_from_response(httpx.Response(400, json=PROBLEM))) == (
        "400 INVALID_FIELD: name does not match the pattern (request abc123)"
    )


def test_too_many_requests_carries_retry_after() -> None:
    error = error_from_response(httpx.Response(429, json=PROBLEM), retry_after=7.0)
    assert isinstance(error, TooManyRequests)
    assert error.retry_after == 7.0
