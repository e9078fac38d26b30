"""DynamoDB writes are atomic per item (patch ``dynamodb.py``).

AWS docs (Developer Guide, "Condition expressions" and "Atomic counters"): a conditional
write succeeds only if the condition holds for the item as it is when the write is
applied, and concurrent writes to one item are serialized, so a compare-and-swap loop
loses no update. moto 5.2.5 checked the condition and applied the write without a lock:
two simultaneous swaps from the same old value both succeeded.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from mlm.aws.clients import ClientFactory
from mlm.settings import Settings

THREADS = 8
SWAPS = 10


@pytest.fixture
def db(emulator_settings: Settings) -> Any:
    return ClientFactory(emulator_settings).dynamodb()


def _swap_once(db: Any, table: str, key: dict[str, Any]) -> bool:
    item = db.get_item(TableName=table, Key=key, ConsistentRead=True).get("Item")
    old = int(item["n"]["N"]) if item else 0
    condition = "n = :old" if item else "attribute_not_exists(n)"
    values = {":new": {"N": str(old + 1)}}
    if item:
        values[":old"] = {"N": str(old)}
    try:
        db.update_item(
            TableName=table,
            Key=key,
            UpdateExpression="SET n = :new",
            ConditionExpression=condition,
            ExpressionAttributeValues=values,
        )
    except db.exceptions.ConditionalCheckFailedException:
        return False
    return True


def test_simultaneous_compare_and_swaps_lose_no_update(db: Any, keys: Any) -> None:
    table = "mlm-rate-limits"
    key = {"id": {"S": f"cas#{keys.tenant}"}}
    start = threading.Barrier(THREADS)

    def swapper(_: int) -> int:
        start.wait()
        done = 0
        while done < SWAPS:
            done += _swap_once(db, table, key)
        return done

    with ThreadPoolExecutor(THREADS) as pool:
        succeeded = sum(pool.map(swapper, range(THREADS)))
    final = db.get_item(TableName=table, Key=key, ConsistentRead=True)["Item"]["n"]["N"]
    assert (succeeded, int(final)) == (THREADS * SWAPS, THREADS * SWAPS)
