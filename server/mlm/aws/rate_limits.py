"""Rate limits shared by every replica: GCRA token buckets and day counters in DynamoDB.

One item per limited subject and UTC day (partition key ``id``, e.g. ``key#t1#ci#2026-12-02``)
holds a day counter ``n`` and, per bucket, its theoretical arrival time (GCRA, the token
bucket as one number: a request at ``now`` is allowed while ``max(tat, now) - now`` is at
most the bucket's tolerance, and moves ``tat`` on by one interval). DynamoDB update
expressions have no ``max``, so each bucket is in one of two states, each written by one
conditional ``UpdateItem``: idle (``tat <= now``: ``tat = now + interval``) or busy
(``now < tat <= now + tolerance``: ``tat = tat + interval``). The state is guessed from the
last answer this process saw; a wrong guess fails its condition, DynamoDB returns the item
as it is, and the second attempt is right. So a request costs one write per subject in the
steady state, and two replicas can never both spend the same token.
``expiration`` is the table's TTL attribute: a day's items go a day after it ends.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from mlm.aws.errors import translate

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


@dataclass(frozen=True)
class Bucket:
    """``burst`` requests at once, then one per ``interval`` seconds."""

    attribute: str
    interval: float
    burst: int

    @property
    def tolerance(self) -> float:
        return (self.burst - 1) * self.interval


@dataclass(frozen=True)
class Outcome:
    allowed: bool
    # The tightest limit: its size, what is left of it and seconds until it is whole again.
    limit: int
    remaining: int
    reset_seconds: float
    # When refused: which limit ("rate", "writes" or "day") and when to try again.
    exceeded: str | None = None
    retry_after_seconds: float = 0.0


class RateLimitTable:
    def __init__(self, client: DynamoDBClient, table: str) -> None:
        self._db = client
        self._table = table
        # The last theoretical arrival time this process saw per bucket: a hint only.
        self._seen: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()

    def take(
        self,
        item_id: str,
        buckets: list[Bucket],
        day_limit: int | None,
        now: float,
        day_ends_at: float,
        clock: Callable[[], float] | None = None,
    ) -> Outcome:
        """Spend one request from every bucket of ``item_id`` and from its day, or none.

        ``clock``, when given, judges a refusal again by the time it is now: a request
        held up between taking ``now`` and its write (a busy process, a slow network)
        would otherwise look as if it came from the past, behind every request that
        overtook it, and be refused with tokens to spare."""
        busy = {b.attribute: self._guess(item_id, b.attribute, now) for b in buckets}
        # Each bucket's guess can be wrong at most twice: the first guess, and "idle" seen
        # just before another request made it busy (``tat`` only grows, ``now`` is fixed),
        # so one more attempt than that always lands unless a limit is spent; moving
        # ``now`` on once after a refusal starts that count again.
        refreshed = clock is None
        attempts = 2 * len(buckets) + 1
        while attempts > 0:
            attempts -= 1
            try:
                item = self._update(item_id, buckets, busy, day_limit, now, day_ends_at)
            except _Refused as refused:
                old = refused.item
                count = int(old.get("n", {}).get("N", "0"))
                if day_limit is not None and count >= day_limit:
                    return Outcome(False, day_limit, 0, day_ends_at - now, "day", day_ends_at - now)
                over = _over(buckets, old, now)
                if over is not None and not refreshed and clock is not None:
                    refreshed, now = True, max(now, clock())
                    attempts = 2 * len(buckets) + 1
                    over = _over(buckets, old, now)
                if over is not None:
                    return over
                for bucket in buckets:
                    busy[bucket.attribute] = _tat(old, bucket) > now
                continue
            self._remember(item_id, buckets, item)
            return _outcome(buckets, item, day_limit, now, day_ends_at)
        # Unreachable while DynamoDB serializes writes to an item (see above); refusing is
        # the safe answer should it ever not.
        return Outcome(False, 1, 0, 1.0, "rate", 1.0)

    def _update(
        self,
        item_id: str,
        buckets: list[Bucket],
        busy: dict[str, bool],
        day_limit: int | None,
        now: float,
        day_ends_at: float,
    ) -> dict[str, Any]:
        sets = ["expiration = :exp"]
        conditions: list[str] = []
        values: dict[str, Any] = {
            ":one": {"N": "1"},
            ":exp": {"N": str(int(day_ends_at) + 86400)},
        }
        if buckets:
            values[":now"] = {"N": repr(now)}
        for i, bucket in enumerate(buckets):
            a = bucket.attribute
            if busy[a]:
                values[f":i{i}"] = {"N": repr(bucket.interval)}
                values[f":lim{i}"] = {"N": repr(now + bucket.tolerance)}
                conditions.append(f"({a} > :now AND {a} <= :lim{i})")
                sets.append(f"{a} = {a} + :i{i}")
            else:
                values[f":next{i}"] = {"N": repr(now + bucket.interval)}
                conditions.append(f"(attribute_not_exists({a}) OR {a} <= :now)")
                sets.append(f"{a} = :next{i}")
        if day_limit is not None:
            values[":day"] = {"N": str(day_limit)}
            conditions.append("(attribute_not_exists(n) OR n < :day)")
        request: dict[str, Any] = {
            "TableName": self._table,
            "Key": {"id": {"S": item_id}},
            "UpdateExpression": "SET " + ", ".join(sets) + " ADD n :one",
            "ExpressionAttributeValues": values,
            "ReturnValues": "ALL_NEW",
            "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
        }
        if conditions:
            request["ConditionExpression"] = " AND ".join(conditions)
        try:
            return dict(self._db.update_item(**request)["Attributes"])
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                raise _Refused(dict(error.response.get("Item") or {})) from error  # type: ignore[call-overload]
            raise translate(error) from error
        except BotoCoreError as error:
            raise translate(error) from error

    def _guess(self, item_id: str, attribute: str, now: float) -> bool:
        with self._lock:
            return self._seen.get((item_id, attribute), 0.0) > now

    def _remember(self, item_id: str, buckets: list[Bucket], item: dict[str, Any]) -> None:
        with self._lock:
            if len(self._seen) > 10_000:  # a hint only: forgetting costs one extra attempt
                self._seen.clear()
            for bucket in buckets:
                tat = float(item.get(bucket.attribute, {}).get("N", "0"))
                self._seen[(item_id, bucket.attribute)] = tat


class _Refused(Exception):
    def __init__(self, item: dict[str, Any]) -> None:
        super().__init__("condition failed")
        self.item = item


def _outcome(
    buckets: list[Bucket],
    item: dict[str, Any],
    day_limit: int | None,
    now: float,
    day_ends_at: float,
) -> Outcome:
    candidates: list[tuple[int, int, float]] = []
    for bucket in buckets:
        tat = float(item[bucket.attribute]["N"])
        left = math.floor((now + bucket.tolerance + bucket.interval - tat) / bucket.interval + 1e-9)
        candidates.append((max(0, left), bucket.burst, max(0.0, tat - now)))
    if day_limit is not None:
        used = int(item.get("n", {}).get("N", "0"))
        candidates.append((max(0, day_limit - used), day_limit, day_ends_at - now))
    if not candidates:
        return Outcome(True, 0, 0, 0.0)
    remaining, limit, reset = min(candidates, key=lambda c: c[0] / max(c[1], 1))
    return Outcome(True, limit, remaining, reset)


def _tat(item: dict[str, Any], bucket: Bucket) -> float:
    return float(item.get(bucket.attribute, {}).get("N", "0"))


def _over(buckets: list[Bucket], item: dict[str, Any], now: float) -> Outcome | None:
    """The refusal of the first bucket ``item`` shows spent at ``now``, if any."""
    for bucket in buckets:
        tat = _tat(item, bucket)
        if tat > now + bucket.tolerance:
            wait = tat - now - bucket.tolerance
            kind = "writes" if bucket.attribute == "wtat" else "rate"
            return Outcome(False, bucket.burst, 0, tat - now, kind, wait)
    return None
