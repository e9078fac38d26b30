"""Typed errors: one class per problem status the API documents, plus waiter failures."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx


@dataclass(frozen=True)
class FieldError:
    """One entry of a problem's `errors`: which field and what is wrong with it."""

    field: str
    message: str


class MLMError(Exception):
    """An error answer (application/problem+json) from the MLM API."""

    def __init__(
        self,
        status: int,
        *,
        code: str | None = None,
        detail: str | None = None,
        title: str | None = None,
        type: str | None = None,  # the RFC 9457 member's name
        request_id: str | None = None,
        errors: tuple[FieldError, ...] = (),
    ) -> None:
        self.status = status
        self.code = code
        self.detail = detail
        self.title = title
        self.type = type
        self.request_id = request_id
        self.errors = errors
        super().__init__(self._message())

    def _message(self) -> str:
        parts = [str(self.status)]
        if self.code:
            parts.append(self.code)
        text = " ".join(parts)
        if self.detail:
            text = f"{text}: {self.detail}"
        if self.request_id:
            text = f"{text} (request {self.request_id})"
        return text


class BadRequest(MLMError):
    """400: a field, parameter or page token is malformed; `errors` says which."""


class Unauthorized(MLMError):
    """401: no API key, or not a valid one."""


class Forbidden(MLMError):
    """403: the key's role may not do this."""


class NotFound(MLMError):
    """404: no such resource in this tenant."""


class Conflict(MLMError):
    """409: the resource's state does not allow this now; `code` says why."""


class PreconditionFailed(MLMError):
    """412: `If-Match` no longer matches: read again and retry."""


class ValidationFailed(MLMError):
    """422: well-formed but against the rules (e.g. missing mandatory metadata)."""


class ModelFailed(MLMError):
    """424: the endpoint's model answered with an error; `original_status_code` and
    `original_message` are what the model said."""

    original_status_code: int | None = None
    original_message: str | None = None


class TooManyRequests(MLMError):
    """429: a quota or rate limit stops this now (retries were used up or not allowed)."""

    retry_after: float | None = None


class ServiceUnavailable(MLMError):
    """503: the service or its backend is unavailable now (retries were used up)."""

    retry_after: float | None = None


_BY_STATUS: dict[int, type[MLMError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    412: PreconditionFailed,
    422: ValidationFailed,
    424: ModelFailed,
    429: TooManyRequests,
    503: ServiceUnavailable,
}


def error_from_response(response: httpx.Response, retry_after: float | None = None) -> MLMError:
    """The typed error for an error response whose body has been read."""
    problem = _problem_body(response)
    error = _BY_STATUS.get(response.status_code, MLMError)(
        response.status_code,
        code=_text(problem.get("code")),
        detail=_text(problem.get("detail")) or _plain_detail(response, problem),
        title=_text(problem.get("title")),
        type=_text(problem.get("type")),
        request_id=_text(problem.get("request_id")) or response.headers.get("X-Request-Id"),
        errors=_field_errors(problem.get("errors")),
    )
    if isinstance(error, TooManyRequests | ServiceUnavailable):
        error.retry_after = retry_after
    if isinstance(error, ModelFailed):
        status = problem.get("original_status_code")
        error.original_status_code = status if isinstance(status, int) else None
        error.original_message = _text(problem.get("original_message"))
    return error


def _problem_body(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except (json.JSONDecodeError, UnicodeDecodeError):
        return {}
    return body if isinstance(body, dict) else {}


def _plain_detail(response: httpx.Response, problem: dict[str, Any]) -> str | None:
    # A proxy in between may answer with text or HTML; keep a short, readable start of it.
    if problem or not response.content:
        return None
    return response.text[:300]


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _field_errors(value: object) -> tuple[FieldError, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        FieldError(field=str(item.get("field", "")), message=str(item.get("message", "")))
        for item in value
        if isinstance(item, dict)
    )


class WaiterError(Exception):
    """A waiter stopped before the resource reached the wanted state."""


class ResourceFailed(WaiterError):
    """The resource ended in a failed state; `failure_reason` says why when AWS said."""

    def __init__(self, name: str, status: str, failure_reason: str | None) -> None:
        self.name = name
        self.status = status
        self.failure_reason = failure_reason
        reason = f": {failure_reason}" if failure_reason else ""
        super().__init__(f"{name} ended {status}{reason}")


class WaiterTimeout(WaiterError, TimeoutError):
    """The resource did not reach the wanted state in time; `last_status` is where it was."""

    def __init__(self, name: str, wanted: str, last_status: str | None, timeout: float) -> None:
        self.name = name
        self.wanted = wanted
        self.last_status = last_status
        self.timeout = timeout
        super().__init__(
            f"{name} did not reach {wanted} within {timeout:g} s (last status: {last_status})"
        )


class InvocationStreamError(Exception):
    """A streamed invocation failed after the stream had started (the SSE `error` event)."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(f"{code}: {message}")
