"""AWS errors → domain errors. Adapters wrap every call in ``aws_errors()``."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    EndpointConnectionError,
    ParamValidationError,
)

from mlm.errors import (
    ApiError,
    BadGateway,
    BadRequest,
    Conflict,
    NotFound,
    ServiceUnavailable,
    TooManyRequests,
)

THROTTLING = {
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestLimitExceeded",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "SlowDown",
}
QUOTA = {"ResourceLimitExceeded", "LimitExceededException", "ServiceQuotaExceededException"}
NOT_FOUND = {
    "ResourceNotFound",
    "ResourceNotFoundException",
    "NoSuchEntity",
    "NoSuchKey",
    "NoSuchBucket",
    "NotFoundException",
    "ObjectNotFoundException",  # Application Auto Scaling
}
RETRY_AFTER_SECONDS = "5"
T = TypeVar("T")
_ARN = re.compile(r"arn:aws[a-z-]*:[^\s\"']+")
# How AWS words refusals that depend on a resource's state, not on the request.
_CONFLICT = re.compile(
    r"in[- ]progress|already exist|in use|being (?:created|updated|deleted)|"
    r"cannot update|is in (?:the )?(?:\w+ )?state",
    re.IGNORECASE,
)


def _plain(message: str) -> str:
    """AWS's message without ARNs (they name accounts and other tenants' resources)."""
    return _ARN.sub("<resource>", message).strip()


def translate(error: Exception, not_found_code: str = "AWS_RESOURCE_NOT_FOUND") -> ApiError:
    if isinstance(error, ParamValidationError):
        return BadRequest(code="INVALID_AWS_PARAMETER", detail=_plain(str(error)))
    if isinstance(error, EndpointConnectionError):
        return ServiceUnavailable(
            code="AWS_UNREACHABLE",
            detail="AWS could not be reached; try again shortly.",
            headers={"Retry-After": RETRY_AFTER_SECONDS},
        )
    if isinstance(error, ClientError):
        err = error.response.get("Error", {})
        code = str(err.get("Code", ""))
        message = _plain(str(err.get("Message", "")))
        status = int(error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)
        if code in THROTTLING:
            return ServiceUnavailable(
                code="AWS_THROTTLED",
                detail="AWS is throttling requests and retries did not get through; "
                "try again shortly.",
                headers={"Retry-After": RETRY_AFTER_SECONDS},
            )
        if code in QUOTA:
            return TooManyRequests(
                code="AWS_QUOTA_EXCEEDED",
                detail=f"An AWS service quota stops this change: {message}",
            )
        if (
            code in NOT_FOUND
            or (code == "ValidationException" and "not found" in message.lower())
            or "does not exist" in message.lower()
            or "could not find" in message.lower()
        ):
            return NotFound(code=not_found_code, detail=message or "Not found.")
        if _CONFLICT.search(message):
            # AWS says "in progress", "already exists" or "in use" as a ValidationException:
            # the request was fine, the resource's state was not; retrying later can help.
            return Conflict(
                code="AWS_CONFLICT",
                detail=f"AWS refused it in the resource's current state: {message}",
                headers={"Retry-After": RETRY_AFTER_SECONDS},
            )
        if code in {
            "ValidationException",
            "ValidationError",
            "InvalidParameterValue",
            "InvalidParameterCombination",
            "MissingParameter",
        }:
            return BadRequest(code="AWS_VALIDATION_FAILED", detail=message)
        if code in {"ResourceInUse", "ConflictException", "ResourceInUseException"}:
            return Conflict(
                code="AWS_RESOURCE_IN_USE",
                detail=message,
                headers={"Retry-After": RETRY_AFTER_SECONDS},
            )
        if status >= 500 or code in {"InternalFailure", "ServiceUnavailable", "InternalError"}:
            return ServiceUnavailable(
                code="AWS_UNAVAILABLE",
                detail="AWS answered with a server error; try again shortly.",
                headers={"Retry-After": RETRY_AFTER_SECONDS},
            )
        return BadGateway(code="AWS_ERROR", detail=f"AWS refused the request ({code}): {message}")
    if isinstance(error, BotoCoreError):
        return ServiceUnavailable(
            code="AWS_UNAVAILABLE",
            detail="The call to AWS failed; try again shortly.",
            headers={"Retry-After": RETRY_AFTER_SECONDS},
        )
    raise error


def already_exists(error: ClientError) -> bool:
    """AWS refused a create because the name is taken (it says so only in the message)."""
    return "already exist" in str(error.response.get("Error", {}).get("Message", "")).lower()


@contextmanager
def aws_errors(
    not_found_code: str = "AWS_RESOURCE_NOT_FOUND", exists: ApiError | None = None
) -> Iterator[None]:
    """Turn whatever botocore raises inside the block into a domain error; ``exists`` is
    raised instead when a create finds the name taken."""
    try:
        yield
    except ClientError as error:
        if exists is not None and already_exists(error):
            raise exists from error
        raise translate(error, not_found_code) from error
    except BotoCoreError as error:
        raise translate(error, not_found_code) from error


def describe_or_none(call: Callable[[], T]) -> T | None:
    """A describe call's answer, or None when AWS says there is no such resource."""
    try:
        with aws_errors():
            return call()
    except NotFound:
        return None


class ConditionFailed(Exception):
    """A DynamoDB write's condition did not hold (``item``: the item as it was)."""

    def __init__(self, item: dict[str, Any]) -> None:
        super().__init__("condition failed")
        self.item = item


def conditional(call: Callable[[], T]) -> T:
    """``call()``; a failed condition is ``ConditionFailed`` (with the item as it was),
    anything else the usual domain error."""
    try:
        return call()
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
            item: dict[str, Any] = dict(error.response.get("Item") or {})  # type: ignore[call-overload]
            raise ConditionFailed(item) from error
        raise translate(error) from error
    except BotoCoreError as error:
        raise translate(error) from error
