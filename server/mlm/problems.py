"""Every error leaves as application/problem+json (RFC 9457) with code and request_id."""

from __future__ import annotations

import json
import logging
from typing import Any

from connexion.exceptions import ProblemException
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from starlette.exceptions import HTTPException

from mlm import spec
from mlm.errors import ApiError

PROBLEM = "application/problem+json"
log = logging.getLogger("mlm.problems")

_STATUS = {
    400: ("bad-request", "Bad request", "BAD_REQUEST"),
    401: ("unauthorized", "Unauthorized", "UNAUTHENTICATED"),
    403: ("forbidden", "Forbidden", "FORBIDDEN"),
    404: ("not-found", "Not found", "NOT_FOUND"),
    405: ("method-not-allowed", "Method not allowed", "METHOD_NOT_ALLOWED"),
    406: ("not-acceptable", "Not acceptable", "NOT_ACCEPTABLE"),
    409: ("conflict", "Conflict", "CONFLICT"),
    412: ("precondition-failed", "Precondition failed", "PRECONDITION_FAILED"),
    413: ("payload-too-large", "Payload too large", "PAYLOAD_TOO_LARGE"),
    415: ("unsupported-media-type", "Unsupported media type", "UNSUPPORTED_MEDIA_TYPE"),
    422: ("validation-failed", "Unprocessable request", "VALIDATION_FAILED"),
    500: ("internal", "Internal server error", "INTERNAL"),
}


def problem_response(
    request: ConnexionRequest,
    status: int,
    code: str,
    detail: str,
    *,
    type_slug: str | None = None,
    title: str | None = None,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
    extensions: dict[str, Any] | None = None,
) -> ConnexionResponse:
    slug, default_title, _ = _STATUS.get(status, ("error", "Error", "ERROR"))
    body: dict[str, Any] = {
        "type": f"/problems/{type_slug or slug}",
        "title": title or default_title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        "code": code,
        "request_id": request.scope.get("mlm.request_id", ""),
    }
    if errors:
        body["errors"] = errors
    for key, value in (extensions or {}).items():
        body.setdefault(key, value)
    return ConnexionResponse(
        status_code=status,
        mimetype=PROBLEM,
        content_type=PROBLEM,
        headers=headers or {},
        body=json.dumps(body).encode(),
    )


def handle_api_error(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    assert isinstance(exc, ApiError)
    return problem_response(
        request,
        exc.status,
        exc.code,
        exc.detail,
        type_slug=exc.type_slug,
        title=exc.title,
        errors=[{"field": e.field, "message": e.message} for e in exc.errors],
        headers=exc.headers,
        extensions=exc.extensions,
    )


def _validation_errors(detail: str) -> list[dict[str, str]]:
    # connexion's messages end in " - 'path'" when they know the field.
    message, sep, path = detail.rpartition(" - ")
    if sep and path:
        return [{"field": path.strip("'"), "message": message}]
    return [{"field": "", "message": detail}]


def handle_problem(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    """connexion's own errors: validation (400), auth (401/403), routing (404/405)."""
    assert isinstance(exc, ProblemException)
    status = int(exc.status or 500)
    _, _, code = _STATUS.get(status, ("error", "Error", "ERROR"))
    detail = str(exc.detail or exc.title or "")
    errors = None
    if status == 400:
        code = "INVALID_REQUEST"
        if detail == "RequestBody is required":  # connexion's words for a missing body
            detail = "This operation needs a request body."
        errors = _validation_errors(detail)
    elif status == 401:
        detail = (
            "A valid X-Api-Key header (or, where the server accepts them, a bearer token) "
            "is required."
        )
    elif status == 415:
        detail = detail or "Send the body as application/json."
    if status >= 500:
        log.error("connexion problem %s: %s", status, detail)
        detail = "The service failed to handle this request."
    return problem_response(request, status, code, detail, errors=errors)


def handle_http_exception(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    assert isinstance(exc, HTTPException)
    status = exc.status_code
    _, _, code = _STATUS.get(status, ("error", "Error", "ERROR"))
    detail = {
        404: f"No resource at {request.url.path}.",
        405: f"{request.method} is not allowed on {request.url.path}.",
    }.get(status, str(exc.detail))
    headers = dict(exc.headers or {})
    if status == 405:
        # The router names only the methods of the first route that matched the path.
        allowed = spec.allowed_methods(request.url.path)
        if allowed:
            headers = {k: v for k, v in headers.items() if k.lower() != "allow"}
            headers["Allow"] = ", ".join(allowed)
    return problem_response(request, status, code, detail, headers=headers)


def handle_undecodable(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    """A body that is not UTF-8 never reaches JSON parsing (connexion raises on decode)."""
    return problem_response(
        request, 400, "INVALID_REQUEST", "The request body is not valid UTF-8 JSON."
    )


def handle_unexpected(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    log.exception("unhandled error", exc_info=exc)
    return problem_response(
        request,
        500,
        "INTERNAL",
        "The service failed to handle this request; quote the request_id when you report it.",
    )
