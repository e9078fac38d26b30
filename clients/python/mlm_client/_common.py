"""Pieces the sync and async clients share: bodies, results, pages and endpoint states."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, Self, TypeVar

from ._generated.models.endpoint import Endpoint
from ._generated.models.packaging_job import PackagingJob
from ._generated.models.problem import Problem
from ._generated.types import UNSET, Response, Unset
from .errors import MLMError, ResourceFailed

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

# Where an endpoint can end when something went wrong; waiting longer would not help.
FAILED_ENDPOINT_STATUSES = frozenset({"failed", "update_rollback_failed"})
# Where a packaging job ends without an artifact.
FAILED_PACKAGING_STATUSES = frozenset({"failed", "cancelled"})


@dataclass(frozen=True)
class Tagged(Generic[T]):
    """A resource with the ETag it was read with (pass it as `if_match=`)."""

    value: T
    etag: str | None


class FromDict(Protocol):
    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...


B = TypeVar("B", bound=FromDict)


def as_body(body: B | Mapping[str, Any], model: type[B]) -> B:
    """A request body: the generated model as given, or built from a plain mapping."""
    if isinstance(body, Mapping):
        try:
            return model.from_dict(body)
        except KeyError as missing:
            raise ValueError(f"{model.__name__} needs the field {missing}") from missing
    return body


def fresh_key(idempotency_key: str | None) -> str:
    """The Idempotency-Key of a create: the caller's, or a new one per call, so that the
    client's own retries of 429/503 can never create a resource twice."""
    return idempotency_key or str(uuid.uuid4())


def unset(value: T | None) -> T | Unset:
    """The generated client's 'not sent' marker for an argument left at None."""
    return UNSET if value is None else value


def parsed(response: Response[T | Problem], kind: type[T]) -> T:
    """The body of a successful answer (error answers were raised before parsing)."""
    body = response.parsed
    if not isinstance(body, kind):
        raise MLMError(
            int(response.status_code),
            detail=f"expected a {kind.__name__} in the answer, got {type(body).__name__}",
            request_id=response.headers.get("X-Request-Id"),
        )
    return body


def etag(response: Response[Any]) -> str | None:
    return response.headers.get("ETag")


class Page(Protocol[T_co]):
    @property
    def items(self) -> Sequence[T_co]: ...

    @property
    def next_page_token(self) -> str | None: ...


def endpoint_reached(endpoint: Endpoint, wanted: str) -> bool:
    """Whether a waiter can stop; raises ResourceFailed when the endpoint ended failed."""
    status = str(endpoint.status)
    if status == wanted:
        return True
    if status in FAILED_ENDPOINT_STATUSES:
        raise ResourceFailed(endpoint.name, status, endpoint.failure_reason)
    return False


def packaging_job_ended(job: PackagingJob) -> bool:
    """Whether a packaging waiter can stop (succeeded); ResourceFailed if it failed or was
    cancelled. A succeeded job asked to register a version waits for its `model_version`."""
    status = str(job.status)
    if status in FAILED_PACKAGING_STATUSES:
        raise ResourceFailed(job.job_id, status, job.failure_reason)
    if status != "succeeded":
        return False
    return job.model_version is not None or not job.target.register_version
