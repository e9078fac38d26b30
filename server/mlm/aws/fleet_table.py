"""The fleet index in DynamoDB: MLM's derived record of every endpoint, per tenant.

One item per endpoint (partition key ``tenant``, sort key ``endpoint``, the API name):
the endpoint's API view as JSON (``doc``), its AWS status, AWS's LastModifiedTime
(``modified``, epoch seconds) and when MLM read it (``observed``). A write never replaces
what a later AWS change produced: it is conditional on ``modified`` not going backwards,
so events and reconciliations arriving out of order converge on the newest state. One
marker item per tenant (sort key ``#reconciled``) says the tenant's index was built.
AWS stays the truth; this is a cache that events and the reconciler keep close to it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mlm.aws.errors import ConditionFailed, aws_errors, conditional

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

RECONCILED = "#reconciled"


@dataclass(frozen=True)
class FleetRecord:
    tenant: str
    endpoint: str  # the API name
    status: str  # AWS's spelling (InService …)
    doc: dict[str, Any]  # the endpoint's API view and the versions it runs
    modified: float  # AWS LastModifiedTime, epoch seconds
    observed: float  # when MLM read it from AWS, epoch seconds


@dataclass(frozen=True)
class Marker:
    tenant: str
    observed: float


class FleetTable:
    def __init__(self, client: DynamoDBClient, table: str) -> None:
        self._db = client
        self._table = table

    def put(self, record: FleetRecord) -> bool:
        """Write ``record`` unless the index holds a later AWS state; True when written."""
        try:
            conditional(
                lambda: self._db.put_item(
                    TableName=self._table,
                    Item=_item(record),
                    ConditionExpression="attribute_not_exists(tenant) OR modified <= :m",
                    ExpressionAttributeValues={":m": {"N": repr(record.modified)}},
                )
            )
        except ConditionFailed:
            return False
        return True

    def delete(self, tenant: str, endpoint: str, observed_before: float) -> None:
        """Forget an endpoint AWS no longer has, unless it was seen after ``observed_before``
        (created again since the caller looked)."""
        try:
            conditional(
                lambda: self._db.delete_item(
                    TableName=self._table,
                    Key=_key(tenant, endpoint),
                    ConditionExpression="attribute_not_exists(tenant) OR observed < :t",
                    ExpressionAttributeValues={":t": {"N": repr(observed_before)}},
                )
            )
        except ConditionFailed:
            return

    def tenant(self, tenant: str) -> tuple[list[FleetRecord], Marker | None]:
        """Every record of ``tenant`` (strongly consistent) and its reconciliation marker."""
        records: list[FleetRecord] = []
        marker: Marker | None = None
        for item in self._pages(
            "query",
            KeyConditionExpression="tenant = :t",
            ExpressionAttributeValues={":t": {"S": tenant}},
            ConsistentRead=True,
        ):
            if item["endpoint"]["S"] == RECONCILED:
                marker = Marker(tenant, float(item["observed"]["N"]))
            else:
                records.append(_record(item))
        return records, marker

    def everything(self) -> list[FleetRecord]:
        """Every endpoint record of every tenant (the reconciler's view; markers left out)."""
        return [
            _record(item) for item in self._pages("scan") if item["endpoint"]["S"] != RECONCILED
        ]

    def mark_reconciled(self, tenant: str, observed: float) -> None:
        with aws_errors():
            self._db.put_item(
                TableName=self._table,
                Item={
                    "tenant": {"S": tenant},
                    "endpoint": {"S": RECONCILED},
                    "observed": {"N": repr(observed)},
                },
            )

    def _pages(self, operation: str, **args: Any) -> Iterator[dict[str, Any]]:
        with aws_errors():
            paginator = self._db.get_paginator(operation)  # type: ignore[call-overload]
            for page in paginator.paginate(TableName=self._table, **args):
                yield from page.get("Items", [])


def _key(tenant: str, endpoint: str) -> dict[str, Any]:
    return {"tenant": {"S": tenant}, "endpoint": {"S": endpoint}}


def _item(record: FleetRecord) -> dict[str, Any]:
    return _key(record.tenant, record.endpoint) | {
        "status": {"S": record.status},
        "doc": {"S": json.dumps(record.doc, separators=(",", ":"), sort_keys=True)},
        "modified": {"N": repr(record.modified)},
        "observed": {"N": repr(record.observed)},
    }


def _record(item: dict[str, Any]) -> FleetRecord:
    return FleetRecord(
        tenant=item["tenant"]["S"],
        endpoint=item["endpoint"]["S"],
        status=item["status"]["S"],
        doc=json.loads(item["doc"]["S"]),
        modified=float(item["modified"]["N"]),
        observed=float(item["observed"]["N"]),
    )
