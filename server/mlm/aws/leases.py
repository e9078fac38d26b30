"""Leases in DynamoDB: one change at a time per resource, across every replica.

One item per leased resource (partition key ``id``): the holder's ``owner`` token, a
``fence`` counter that grows with every grant, and ``expires_at`` (epoch seconds). Every
write is conditional, so two replicas can never both hold a lease. Each condition also
admits the caller's own token, which makes botocore's retry of a write whose reply was
lost succeed instead of reporting the caller's own lease as someone else's.
``expiration`` is the table's TTL attribute: DynamoDB removes long-expired items itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mlm.aws.errors import ConditionFailed, aws_errors, conditional

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

# Items stay a day past expiry for whoever investigates; DynamoDB's TTL removes them.
_KEEP_EXPIRED_SECONDS = 86400


@dataclass(frozen=True)
class Lease:
    resource: str
    owner: str
    fence: int
    expires_at: float


@dataclass(frozen=True)
class Holder:
    """Who holds a lease another caller wanted, and until when."""

    resource: str
    expires_at: float


class LeaseTable:
    def __init__(
        self, client: DynamoDBClient, table: str, clock: Callable[[], float] = time.time
    ) -> None:
        self._db = client
        self._table = table
        self._clock = clock

    def acquire(self, resource: str, owner: str, ttl_seconds: float) -> Lease | Holder:
        """The lease, or who holds it now (free, expired or already ours: granted)."""
        now = self._clock()
        expires = now + ttl_seconds
        try:
            out = conditional(
                lambda: self._db.update_item(
                    TableName=self._table,
                    Key={"id": {"S": resource}},
                    UpdateExpression="SET #o = :me, expires_at = :exp, expiration = :ttl "
                    "ADD fence :one",
                    ConditionExpression="attribute_not_exists(id) OR expires_at < :now OR #o = :me",
                    ExpressionAttributeNames={"#o": "owner"},
                    ExpressionAttributeValues=_values(
                        me=owner, exp=expires, ttl=int(expires) + _KEEP_EXPIRED_SECONDS, now=now
                    )
                    | {":one": {"N": "1"}},
                    ReturnValues="ALL_NEW",
                    ReturnValuesOnConditionCheckFailure="ALL_OLD",
                )
            )
        except ConditionFailed as failed:
            return Holder(resource, float(failed.item.get("expires_at", {}).get("N", now)))
        item = out["Attributes"]
        return Lease(resource, owner, int(item["fence"]["N"]), float(item["expires_at"]["N"]))

    def renew(self, lease: Lease, ttl_seconds: float) -> Lease | None:
        """The lease extended, or None when it is no longer this holder's (fencing)."""
        expires = self._clock() + ttl_seconds
        try:
            conditional(
                lambda: self._db.update_item(
                    TableName=self._table,
                    Key={"id": {"S": lease.resource}},
                    UpdateExpression="SET expires_at = :exp, expiration = :ttl",
                    ConditionExpression="#o = :me AND fence = :fence",
                    ExpressionAttributeNames={"#o": "owner"},
                    ExpressionAttributeValues=_values(
                        me=lease.owner, exp=expires, ttl=int(expires) + _KEEP_EXPIRED_SECONDS
                    )
                    | {":fence": {"N": str(lease.fence)}},
                )
            )
        except ConditionFailed:
            return None
        return Lease(lease.resource, lease.owner, lease.fence, expires)

    def release(self, lease: Lease) -> None:
        """Give the lease up; a lease already taken over (or gone) is left alone."""
        try:
            conditional(
                lambda: self._db.delete_item(
                    TableName=self._table,
                    Key={"id": {"S": lease.resource}},
                    ConditionExpression="#o = :me AND fence = :fence",
                    ExpressionAttributeNames={"#o": "owner"},
                    ExpressionAttributeValues=_values(me=lease.owner)
                    | {":fence": {"N": str(lease.fence)}},
                )
            )
        except ConditionFailed:
            return

    def expired(self, before: float) -> list[Lease]:
        """Leases that expired before ``before`` (for the janitor; a full scan)."""
        found: list[Lease] = []
        with aws_errors():
            pages = self._db.get_paginator("scan").paginate(
                TableName=self._table,
                FilterExpression="expires_at < :t",
                ExpressionAttributeValues={":t": {"N": repr(before)}},
            )
            for page in pages:
                for item in page.get("Items", []):
                    found.append(
                        Lease(
                            item["id"]["S"],
                            item.get("owner", {}).get("S", ""),
                            int(item.get("fence", {}).get("N", "0")),
                            float(item["expires_at"]["N"]),
                        )
                    )
        return found

    def remove_expired(self, lease: Lease) -> bool:
        """Delete an expired lease unless someone took it meanwhile; whether it went."""
        try:
            conditional(
                lambda: self._db.delete_item(
                    TableName=self._table,
                    Key={"id": {"S": lease.resource}},
                    ConditionExpression="fence = :fence AND expires_at < :now",
                    ExpressionAttributeValues={
                        ":fence": {"N": str(lease.fence)},
                        ":now": {"N": repr(self._clock())},
                    },
                )
            )
        except ConditionFailed:
            return False
        return True


def _values(**values: object) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, str):
            out[f":{name}"] = {"S": value}
        else:
            out[f":{name}"] = {"N": repr(value)}
    return out
