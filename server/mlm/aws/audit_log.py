"""The audit trail in DynamoDB: one item per audited request.

Partition key ``tenant``, sort key ``sk`` = ISO-8601 UTC time (microseconds) ``#`` request
id, so a tenant's events are read back in time order with a key condition, and two events
in the same microsecond stay two. ``expiration`` is the table's TTL attribute (retention).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mlm.aws.errors import aws_errors

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient


@dataclass(frozen=True)
class AuditRecord:
    tenant: str
    sort_key: str
    time: str
    request_id: str
    method: str
    target: str
    status: int
    operation_id: str | None = None
    key_name: str | None = None
    role: str | None = None
    auth: str | None = None
    reason: str | None = None
    aws_request_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AuditQuery:
    tenant: str
    since: str
    until: str
    key_name: str | None = None
    operation_id: str | None = None
    target_prefix: str | None = None


@dataclass(frozen=True)
class AuditSlice:
    """What one read found, newest first, and where reading stopped when it stopped
    before the end of the range (``resume_after``: the last sort key DynamoDB read)."""

    records: list[AuditRecord]
    resume_after: str | None


# A filtered read stops after this many DynamoDB pages even when it found fewer events
# than asked for: one API call never reads a tenant's whole history (AIP-158 lets a page
# be short, with a token to go on from where it stopped).
MAX_QUERY_PAGES = 4


class AuditLog:
    def __init__(self, client: DynamoDBClient, table: str) -> None:
        self._db = client
        self._table = table

    def write(self, record: AuditRecord, expiration: int) -> None:
        item: dict[str, Any] = {
            "tenant": {"S": record.tenant},
            "sk": {"S": record.sort_key},
            "time": {"S": record.time},
            "request_id": {"S": record.request_id},
            "method": {"S": record.method},
            "target": {"S": record.target},
            "status": {"N": str(record.status)},
            "expiration": {"N": str(expiration)},
        }
        for name in ("operation_id", "key_name", "role", "auth", "reason"):
            value = getattr(record, name)
            if value:
                item[name] = {"S": value}
        if record.aws_request_ids:
            item["aws_request_ids"] = {"L": [{"S": r} for r in record.aws_request_ids]}
        with aws_errors():
            self._db.put_item(TableName=self._table, Item=item)

    def read(self, query: AuditQuery, after: str | None, limit: int) -> AuditSlice:
        """Up to ``limit`` events, newest first, older than the sort key ``after``, read
        in at most ``MAX_QUERY_PAGES`` queries."""
        names = {"#s": "sk", "#t": "tenant"}
        values: dict[str, Any] = {
            ":t": {"S": query.tenant},
            ":since": {"S": query.since},
            ":until": {"S": query.until},
        }
        filters: list[str] = []
        for attribute, value, test in (
            ("key_name", query.key_name, "#{a} = :{a}"),
            ("operation_id", query.operation_id, "#{a} = :{a}"),
            ("target", query.target_prefix, "begins_with(#{a}, :{a})"),
        ):
            if value is not None:
                names[f"#{attribute}"] = attribute
                values[f":{attribute}"] = {"S": value}
                filters.append(test.format(a=attribute))
        request: dict[str, Any] = {
            "TableName": self._table,
            "KeyConditionExpression": "#t = :t AND #s BETWEEN :since AND :until",
            "ExpressionAttributeNames": names,
            "ExpressionAttributeValues": values,
            "ScanIndexForward": False,
            # Filters apply after DynamoDB reads a page: read a few pages' worth per query.
            "Limit": max(limit * 4, 100),
        }
        if filters:
            request["FilterExpression"] = " AND ".join(filters)
        if after is not None:
            request["ExclusiveStartKey"] = {"tenant": {"S": query.tenant}, "sk": {"S": after}}
        found: list[AuditRecord] = []
        resume_after: str | None = None
        with aws_errors():
            for _ in range(MAX_QUERY_PAGES):
                page = self._db.query(**request)
                found.extend(_record(item) for item in page.get("Items", []))
                last = page.get("LastEvaluatedKey")
                resume_after = None if last is None else str(last["sk"]["S"])
                if last is None or len(found) >= limit:
                    break
                request["ExclusiveStartKey"] = last
        if len(found) >= limit:
            return AuditSlice(found[:limit], None)
        return AuditSlice(found, resume_after)


def _text(item: dict[str, Any], name: str) -> str | None:
    value = item.get(name, {}).get("S")
    return None if value is None else str(value)


def _record(item: dict[str, Any]) -> AuditRecord:
    return AuditRecord(
        tenant=item["tenant"]["S"],
        sort_key=item["sk"]["S"],
        time=item["time"]["S"],
        request_id=item["request_id"]["S"],
        method=item["method"]["S"],
        target=item["target"]["S"],
        status=int(item["status"]["N"]),
        operation_id=_text(item, "operation_id"),
        key_name=_text(item, "key_name"),
        role=_text(item, "role"),
        auth=_text(item, "auth"),
        reason=_text(item, "reason"),
        aws_request_ids=[v["S"] for v in item.get("aws_request_ids", {}).get("L", [])],
    )
