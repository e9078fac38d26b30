"""The emulator creates the access tables as the deploy stack does in AWS."""

from __future__ import annotations

from typing import Any

from mlm.aws.clients import ClientFactory
from mlm.settings import Settings


def _describe(settings: Settings, table: str) -> dict[str, Any]:
    described: dict[str, Any] = ClientFactory(settings).dynamodb().describe_table(TableName=table)
    return dict(described["Table"])


def _ttl(settings: Settings, table: str) -> str:
    db = ClientFactory(settings).dynamodb()
    return str(db.describe_time_to_live(TableName=table)["TimeToLiveDescription"]["AttributeName"])


def test_the_api_key_table_is_keyed_by_hash_with_a_tenant_index(
    emulator_settings: Settings,
) -> None:
    table = _describe(emulator_settings, emulator_settings.api_key_table)
    assert table["KeySchema"] == [{"AttributeName": "id", "KeyType": "HASH"}]
    [index] = table["GlobalSecondaryIndexes"]
    assert (index["IndexName"], index["KeySchema"]) == (
        "by-tenant",
        [{"AttributeName": "tenant", "KeyType": "HASH"}],
    )


def test_the_rate_limit_table_expires_its_buckets(emulator_settings: Settings) -> None:
    table = _describe(emulator_settings, emulator_settings.rate_limit_table)
    assert table["KeySchema"] == [{"AttributeName": "id", "KeyType": "HASH"}]
    assert _ttl(emulator_settings, emulator_settings.rate_limit_table) == "expiration"


def test_the_audit_table_orders_a_tenants_events_and_expires_them(
    emulator_settings: Settings,
) -> None:
    table = _describe(emulator_settings, emulator_settings.audit_table)
    assert table["KeySchema"] == [
        {"AttributeName": "tenant", "KeyType": "HASH"},
        {"AttributeName": "sk", "KeyType": "RANGE"},
    ]
    assert _ttl(emulator_settings, emulator_settings.audit_table) == "expiration"
