"""``Idempotency-Key`` on create operations, on aws-lambda-powertools' idempotency utility.

Records live in DynamoDB (one table; the emulator creates it). A record is keyed by tenant,
operation and the client's key, and validated against a fingerprint of the request body:
the same key with another body is ``422``; a replay gets the first response; a key whose
first request is still running is ``409``. Failed requests are not recorded, so a client
may retry them with the same key. If the process dies while a request runs, its key is
free again after the in-progress window (``IN_PROGRESS_SECONDS`` unless configured;
powertools takes it from a Lambda context, outside Lambda we give it that budget).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
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


log = logging.getLogger("mlm.idempotency")

# How long a request may hold its key before another attempt may take over.
IN_PROGRESS_SECONDS = 60


class _RequestBudget:
    """Stands in for a Lambda context: the time a request may run."""

    def __init__(self, seconds: float) -> None:
        self._millis = int(seconds * 1000)

    def get_remaining_time_in_millis(self) -> int:
        return self._millis


class Reply(TypedDict):
    """A response as stored for replays (JSON only)."""

    body: Any
    status: int
    headers: dict[str, str]


class Idempotency:
    def __init__(
        self,
        client: DynamoDBClient,
        table: str,
        ttl_seconds: int,
        in_progress_seconds: float = IN_PROGRESS_SECONDS,
    ) -> None:
        self._persistence = DynamoDBPersistenceLayer(table_name=table, boto3_client=client)
        self._config = IdempotencyConfig(
            event_key_jmespath="key",
            payload_validation_jmespath="fingerprint",
            raise_on_no_idempotency_key=True,
            expires_after_seconds=ttl_seconds,
        )
        self._budget = _RequestBudget(in_progress_seconds)
        self._config.register_lambda_context(self._budget)  # type: ignore[arg-type]

    def run(
        self, tenant: str, operation: str, key: str, payload: Any, make: Callable[[], Reply]
    ) -> Reply:
        """``make()`` once per (tenant, operation, key); later calls get its reply.

        Once ``make()`` has answered, the operation has happened: if storing that answer
        fails, storing is tried once more and the answer is returned all the same (a
        retry finds the resource through the key's own names, see the services)."""
        made: list[Reply] = []
        failed: list[BaseException] = []

        @idempotent_function(  # type: ignore[untyped-decorator]  # powertools' typing
            data_keyword_argument="request",
            persistence_store=self._persistence,
            config=self._config,
        )
        def create(request: dict[str, str]) -> Reply:
            try:
                made.append(make())
            except BaseException as error:
                failed.append(error)
                raise
            return made[-1]

        request = {"key": f"{tenant}/{operation}/{key}", "fingerprint": _fingerprint(payload)}
        started = time.time()
        try:
            reply: Reply = create(request=request)
        except IdempotencyValidationError as error:
            raise Unprocessable(
                code="IDEMPOTENCY_KEY_REUSED",
                detail="This Idempotency-Key was used with a different request body; "
                "use a new key for a new request.",
            ) from error
        except IdempotencyAlreadyInProgressError as error:
            if self._written_by_this_attempt(request, started):
                # botocore repeated our own in-progress write (its reply was lost): the
                # record is this request's. Do the work; the services converge even if a
                # twin request of this key slipped into the same window.
                return self._stored_anyway(request, make())
            raise Conflict(
                code="IDEMPOTENCY_KEY_IN_PROGRESS",
                detail="A request with this Idempotency-Key is still running; retry shortly.",
                headers={"Retry-After": "1"},
            ) from error
        except IdempotencyPersistenceLayerError as error:
            if made:
                return self._stored_anyway(request, made[-1])
            if failed:
                raise failed[-1] from None  # the real answer, not the store's hiccup
            raise ServiceUnavailable(
                code="IDEMPOTENCY_STORE_UNAVAILABLE",
                detail="The idempotency store could not be reached; try again shortly.",
                headers={"Retry-After": "5"},
            ) from error
        return reply

    def _written_by_this_attempt(self, request: dict[str, str], started: float) -> bool:
        """Whether the key's in-progress record is the one this attempt wrote: its expiry
        is this request's budget counted from a moment since the attempt started."""
        try:
            record = self._persistence.get_record(data=request)
        except Exception:  # unreadable: assume another request holds it
            return False
        expiry = None if record is None else record.in_progress_expiry_timestamp
        if record is None or record.status != "INPROGRESS" or expiry is None:
            return False
        budget_ms = self._budget.get_remaining_time_in_millis()
        return started * 1000 + budget_ms - 5 <= expiry <= time.time() * 1000 + budget_ms + 5

    def _stored_anyway(self, request: dict[str, str], reply: Reply) -> Reply:
        try:
            self._persistence.save_success(data=request, result=dict(reply))
        except Exception as error:  # the key frees itself when its in-progress window ends
            log.warning("could not store the answer of idempotent request: %s", error)
        return reply


def _fingerprint(payload: Any) -> str:
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()
