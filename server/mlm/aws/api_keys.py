"""API keys kept as data in DynamoDB: only each key's SHA-256 is stored, never the key.

Two kinds of item share the table (partition key ``id``):

- a key item, ``id`` = the key's SHA-256: tenant, name, role, times, limits. The
  ``by-tenant`` index (on ``tenant``) lists a tenant's keys;
- a name item, ``id`` = ``name#<tenant>#<name>``, pointing at the current key of that name
  (``current``). It has no ``tenant`` attribute, so the index never shows it. Creating it
  with a condition is what makes a name unique within a tenant, even when two replicas
  create the same name at once.

Every change is one ``TransactWriteItems``: the name item and the key items change
together or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from mlm.aws.errors import aws_errors, translate

if TYPE_CHECKING:
    from mypy_boto3_dynamodb import DynamoDBClient

TENANT_INDEX = "by-tenant"
_LIMIT_FIELDS = ("per_second", "burst", "writes_per_second", "writes_burst", "per_day")


@dataclass(frozen=True)
class KeyLimits:
    """A key's own limits; None means the server's default."""

    per_second: float | None = None
    burst: int | None = None
    writes_per_second: float | None = None
    writes_burst: int | None = None
    per_day: int | None = None


@dataclass(frozen=True)
class StoredKey:
    digest: str
    tenant: str
    name: str
    role: str
    created_at: float
    created_by: str
    expires_at: float | None = None
    revoked_at: float | None = None
    last_used_at: float | None = None
    current: bool = True
    limits: KeyLimits = field(default_factory=KeyLimits)

    def usable_at(self, now: float) -> bool:
        if self.revoked_at is not None and self.revoked_at <= now:
            return False
        return self.expires_at is None or self.expires_at > now


class NameTaken(Exception):
    """A key of that name already exists in the tenant."""


class KeyChanged(Exception):
    """The key was rotated or revoked meanwhile (a condition failed)."""


def name_id(tenant: str, name: str) -> str:
    return f"name#{tenant}#{name}"


class ApiKeyTable:
    def __init__(self, client: DynamoDBClient, table: str) -> None:
        self._db = client
        self._table = table

    def get(self, digest: str) -> StoredKey | None:
        """The key with this hash, read strongly consistent: a revocation on any replica
        is seen by the next request on every other one."""
        with aws_errors():
            item = self._db.get_item(
                TableName=self._table, Key={"id": {"S": digest}}, ConsistentRead=True
            ).get("Item")
        if item is None or "tenant" not in item:
            return None
        return _from_item(item)

    def current(self, tenant: str, name: str) -> StoredKey | None:
        """The current key called ``name`` in ``tenant`` (two consistent reads)."""
        with aws_errors():
            pointer = self._db.get_item(
                TableName=self._table, Key={"id": {"S": name_id(tenant, name)}}, ConsistentRead=True
            ).get("Item")
        if pointer is None:
            return None
        found = self.get(pointer["current"]["S"])
        return found if found is not None and found.tenant == tenant else None

    def list_tenant(self, tenant: str) -> Iterator[StoredKey]:
        """Every key item of the tenant (current, rotated out and revoked)."""
        with aws_errors():
            pages = self._db.get_paginator("query").paginate(
                TableName=self._table,
                IndexName=TENANT_INDEX,
                KeyConditionExpression="tenant = :t",
                ExpressionAttributeValues={":t": {"S": tenant}},
            )
            for page in pages:
                for item in page.get("Items", []):
                    yield _from_item(item)

    def create(self, key: StoredKey) -> None:
        """Store a new key and claim its name; ``NameTaken`` when the name is in use."""
        try:
            self._transact(
                [
                    {
                        "Put": {
                            "TableName": self._table,
                            "Item": {
                                "id": {"S": name_id(key.tenant, key.name)},
                                "current": {"S": key.digest},
                            },
                            "ConditionExpression": "attribute_not_exists(id)",
                        }
                    },
                    {
                        "Put": {
                            "TableName": self._table,
                            "Item": _to_item(key),
                            "ConditionExpression": "attribute_not_exists(id)",
                        }
                    },
                ]
            )
        except KeyChanged as taken:
            raise NameTaken(key.name) from taken

    def rotate(
        self, old: StoredKey, new: StoredKey, old_ends_at: float, old_expiration: int
    ) -> None:
        """Point the name at ``new`` and end ``old`` at ``old_ends_at`` (now: revoked)."""
        self._transact(
            [
                {
                    "Update": {
                        "TableName": self._table,
                        "Key": {"id": {"S": name_id(old.tenant, old.name)}},
                        "UpdateExpression": "SET #c = :new",
                        "ConditionExpression": "#c = :old",
                        "ExpressionAttributeNames": {"#c": "current"},
                        "ExpressionAttributeValues": {
                            ":new": {"S": new.digest},
                            ":old": {"S": old.digest},
                        },
                    }
                },
                {
                    "Put": {
                        "TableName": self._table,
                        "Item": _to_item(new),
                        "ConditionExpression": "attribute_not_exists(id)",
                    }
                },
                self._end(old, "revoked_at", old_ends_at, old_expiration),
            ]
        )

    def revoke(self, key: StoredKey, now: float, expiration: int) -> None:
        """Revoke the current key of a name and free the name."""
        self._transact(
            [
                {
                    "Delete": {
                        "TableName": self._table,
                        "Key": {"id": {"S": name_id(key.tenant, key.name)}},
                        "ConditionExpression": "#c = :me",
                        "ExpressionAttributeNames": {"#c": "current"},
                        "ExpressionAttributeValues": {":me": {"S": key.digest}},
                    }
                },
                self._end(key, "revoked_at", now, expiration),
            ]
        )

    def revoke_retired(self, key: StoredKey, now: float, expiration: int) -> None:
        """Revoke a rotated-out key still in its grace period (it has no name item)."""
        try:
            self._transact([self._end(key, "revoked_at", now, expiration)])
        except KeyChanged:
            return

    def update(self, key: StoredKey, expires_at: float | None, limits: KeyLimits) -> None:
        """Change a current key's expiry and limits (refused once it was revoked)."""
        sets, removes = [], []
        values: dict[str, Any] = {":me": {"S": key.tenant}}
        for name, value in [("expires_at", expires_at)] + [
            (name, getattr(limits, name)) for name in _LIMIT_FIELDS
        ]:
            if value is None:
                removes.append(name)
            else:
                sets.append(f"{name} = :{name}")
                values[f":{name}"] = {"N": repr(value)}
        expression = ("SET " + ", ".join(sets) if sets else "") + (
            " REMOVE " + ", ".join(removes) if removes else ""
        )
        self._transact(
            [
                {
                    "Update": {
                        "TableName": self._table,
                        "Key": {"id": {"S": key.digest}},
                        "UpdateExpression": expression.strip(),
                        "ConditionExpression": "tenant = :me AND attribute_not_exists(revoked_at)",
                        "ExpressionAttributeValues": values,
                    }
                }
            ]
        )

    def touch(self, digest: str, now: float, not_since: float) -> None:
        """Record a use, unless one was recorded after ``not_since`` (the condition keeps
        this to one write per interval even when replicas race)."""
        try:
            self._db.update_item(
                TableName=self._table,
                Key={"id": {"S": digest}},
                UpdateExpression="SET last_used_at = :now",
                ConditionExpression="attribute_exists(tenant) AND "
                "(attribute_not_exists(last_used_at) OR last_used_at < :since)",
                ExpressionAttributeValues={
                    ":now": {"N": repr(now)},
                    ":since": {"N": repr(not_since)},
                },
            )
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") != "ConditionalCheckFailedException":
                raise translate(error) from error
        except BotoCoreError as error:
            raise translate(error) from error

    # Internals ----------------------------------------------------------------------------

    def _end(self, key: StoredKey, attribute: str, at: float, expiration: int) -> dict[str, Any]:
        return {
            "Update": {
                "TableName": self._table,
                "Key": {"id": {"S": key.digest}},
                "UpdateExpression": f"SET {attribute} = :at, expiration = :exp, #c = :no",
                # A key in its grace period after a rotation can still be ended sooner.
                "ConditionExpression": "attribute_exists(tenant) AND "
                "(attribute_not_exists(revoked_at) OR revoked_at > :at)",
                "ExpressionAttributeNames": {"#c": "current"},
                "ExpressionAttributeValues": {
                    ":at": {"N": repr(at)},
                    ":exp": {"N": str(expiration)},
                    ":no": {"BOOL": False},
                },
            }
        }

    def _transact(self, items: list[dict[str, Any]]) -> None:
        try:
            self._db.transact_write_items(TransactItems=items)  # type: ignore[arg-type]
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") == "TransactionCanceledException":
                reasons = error.response.get("CancellationReasons", [])
                if any(r.get("Code") == "ConditionalCheckFailed" for r in reasons):
                    raise KeyChanged() from error
            raise translate(error) from error
        except BotoCoreError as error:
            raise translate(error) from error


def _number(item: dict[str, Any], name: str) -> float | None:
    value = item.get(name, {}).get("N")
    return None if value is None else float(value)


def _whole(item: dict[str, Any], name: str) -> int | None:
    value = _number(item, name)
    return None if value is None else int(value)


def _from_item(item: dict[str, Any]) -> StoredKey:
    return StoredKey(
        digest=item["id"]["S"],
        tenant=item["tenant"]["S"],
        name=item["name"]["S"],
        role=item["role"]["S"],
        created_at=float(item["created_at"]["N"]),
        created_by=item.get("created_by", {}).get("S", ""),
        expires_at=_number(item, "expires_at"),
        revoked_at=_number(item, "revoked_at"),
        last_used_at=_number(item, "last_used_at"),
        current=bool(item.get("current", {}).get("BOOL", True)),
        limits=KeyLimits(
            per_second=_number(item, "per_second"),
            burst=_whole(item, "burst"),
            writes_per_second=_number(item, "writes_per_second"),
            writes_burst=_whole(item, "writes_burst"),
            per_day=_whole(item, "per_day"),
        ),
    )


def _to_item(key: StoredKey) -> dict[str, Any]:
    item: dict[str, Any] = {
        "id": {"S": key.digest},
        "tenant": {"S": key.tenant},
        "name": {"S": key.name},
        "role": {"S": key.role},
        "created_at": {"N": repr(key.created_at)},
        "created_by": {"S": key.created_by},
        "current": {"BOOL": key.current},
    }
    if key.expires_at is not None:
        item["expires_at"] = {"N": repr(key.expires_at)}
    if key.last_used_at is not None:
        item["last_used_at"] = {"N": repr(key.last_used_at)}
    for name in _LIMIT_FIELDS:
        value = getattr(key.limits, name)
        if value is not None:
            item[name] = {"N": repr(value)}
    return item
