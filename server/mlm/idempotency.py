"""``Idempotency-Key`` on create operations, on aws-lambda-powertools' idempotency utility.

Records live in DynamoDB (one table; the emulator creates it). A record is keyed by tenant,
operation and the client's key, and validated against a fingerprint of the request body:
the same key with another body is ``422``; a replay gets the first response; a key whose
first request is still running is ``409``. Failed requests are not recorded, so a client
may retry them with the same key. If the process dies while a request runs, its key is
free again after ``IN_PROGRESS_SECONDS`` (powertools takes that window from a Lambda
context; outside Lambda we give it the request budget below).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypedDict

from aws_lambda_powertools.utilities.idempotency import (
    DynamoDBPersistenceLayer,
    IdempotencyConfig,
    idempotent_function,
)
from aws_lambda_powertools.utilities.idempotency.exceptions import (
    IdempotencyAlreadyInProgressError,
    IdempotencyPersistenceLayerError,
    IdempotencyValidationError,
)

from mlm.errors import Conflict, ServiceUnavailable, Unprocessable

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


# How long a request may hold its key before another attempt may take over.
IN_PROGRESS_SECONDS = 60


class _RequestBudget:
    """Stands in for a Lambda context: the time a request may run."""

    def get_remaining_time_in_millis(self) -> int:
        return IN_PROGRESS_SECONDS * 1000


class Reply(TypedDict):
    """A response as stored for replays (JSON only)."""

    body: Any
    status: int
    headers: dict[str, str]


class Idempotency:
    def __init__(self, client: DynamoDBClient, table: str, ttl_seconds: int) -> None:
        self._persistence = DynamoDBPersistenceLayer(table_name=table, boto3_client=client)
        self._config = IdempotencyConfig(
            event_key_jmespath="key",
            payload_validation_jmespath="fingerprint",
            raise_on_no_idempotency_key=True,
            expires_after_seconds=ttl_seconds,
        )
        self._config.register_lambda_context(_RequestBudget())  # type: ignore[arg-type]

    def run(
        self, tenant: str, operation: str, key: str, payload: Any, make: Callable[[], Reply]
    ) -> Reply:
        """``make()`` once per (tenant, operation, key); later calls get its reply."""

        @idempotent_function(  # type: ignore[untyped-decorator]  # powertools' typing
            data_keyword_argument="request",
            persistence_store=self._persistence,
            config=self._config,
        )
        def create(request: dict[str, str]) -> Reply:
            return make()

        request = {"key": f"{tenant}/{operation}/{key}", "fingerprint": _fingerprint(payload)}
        try:
            reply: Reply = create(request=request)
        except IdempotencyValidationError as error:
            raise Unprocessable(
                code="IDEMPOTENCY_KEY_REUSED",
                detail="This Idempotency-Key was used with a different request body; "
                "use a new key for a new request.",
            ) from error
        except IdempotencyAlreadyInProgressError as error:
            raise Conflict(
                code="IDEMPOTENCY_KEY_IN_PROGRESS",
                detail="A request with this Idempotency-Key is still running; retry shortly.",
                headers={"Retry-After": "1"},
            ) from error
        except IdempotencyPersistenceLayerError as error:
            raise ServiceUnavailable(
                code="IDEMPOTENCY_STORE_UNAVAILABLE",
                detail="The idempotency store could not be reached; try again shortly.",
                headers={"Retry-After": "5"},
            ) from error
        return reply


def _fingerprint(payload: Any) -> str:
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()
