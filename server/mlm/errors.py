"""Domain errors. Services raise them; the API layer renders them as problem+json."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


@dataclass
class ApiError(Exception):
    """An error a client can act on: HTTP status, stable ``code`` and plain-words detail."""

    code: str
    detail: str
    errors: list[FieldError] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    # RFC 9457 extension members, added to the problem as they are.
    extensions: dict[str, Any] = field(default_factory=dict)

    status: ClassVar[int] = 400
    title: ClassVar[str] = "Bad request"
    type_slug: ClassVar[str] = "bad-request"

    def __str__(self) -> str:
        return f"{self.code}: {self.detail}"


class BadRequest(ApiError):
    status = 400
    title = "Bad request"
    type_slug = "bad-request"


class Unauthorized(ApiError):
    status = 401
    title = "Unauthorized"
    type_slug = "unauthorized"


class Forbidden(ApiError):
    status = 403
    title = "Forbidden"
    type_slug = "forbidden"


class NotFound(ApiError):
    status = 404
    title = "Not found"
    type_slug = "not-found"


class Conflict(ApiError):
    status = 409
    title = "Conflict"
    type_slug = "conflict"


class PreconditionFailed(ApiError):
    status = 412
    title = "Precondition failed"
    type_slug = "precondition-failed"


class Unprocessable(ApiError):
    status = 422
    title = "Unprocessable request"
    type_slug = "validation-failed"


class TooManyRequests(ApiError):
    status = 429
    title = "Too many requests"
    type_slug = "too-many-requests"


class ServiceUnavailable(ApiError):
    status = 503
    title = "Service unavailable"
    type_slug = "service-unavailable"


class BadGateway(ApiError):
    """AWS answered something the service cannot make sense of."""

    status = 502
    title = "Bad gateway"
    type_slug = "bad-gateway"


class PayloadTooLarge(ApiError):
    status = 413
    title = "Payload too large"
    type_slug = "payload-too-large"


class ModelFailed(ApiError):
    """The model answered an error; its own status and message go in ``extensions``
    (``original_status_code``, ``original_message``)."""

    status = 424
    title = "The model failed"
    type_slug = "model-error"

    @property
    def original_status_code(self) -> int | None:
        value = self.extensions.get("original_status_code")
        return None if value is None else int(value)

    @property
    def original_message(self) -> str | None:
        value = self.extensions.get("original_message")
        return None if value is None else str(value)


class InvocationTimeout(ApiError):
    status = 504
    title = "The model did not answer in time"
    type_slug = "invocation-timeout"
