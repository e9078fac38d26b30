"""DynamoDB reads and writes see and change one item atomically, as on AWS.

AWS (Developer Guide, "Condition expressions"; UpdateItem API reference): a conditional
write is applied only if its condition holds for the item as it is at that moment, and
writes to one item are serialized — MLM's rate limits, idempotency records and locks rely
on it. moto 5.2.5 evaluated the condition and then changed the item with no lock, so under
the threaded server two simultaneous compare-and-swaps from one old value both succeeded.
One lock for the whole backend is coarser than AWS's per-item serialization, which only
matters for throughput, and the emulator's tables are small.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import Any

from moto.dynamodb.models import DynamoDBBackend

LOCK = threading.RLock()
_ITEM_OPERATIONS = (
    "put_item",
    "get_item",
    "update_item",
    "delete_item",
    "query",
    "scan",
    "transact_write_items",
)


def _serialized(original: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(original)
    def serialized(*args: Any, **kwargs: Any) -> Any:
        with LOCK:
            return original(*args, **kwargs)

    serialized.__mlm_serialized__ = True  # type: ignore[attr-defined]
    return serialized


def install() -> None:
    for name in _ITEM_OPERATIONS:
        original = getattr(DynamoDBBackend, name)
        if not getattr(original, "__mlm_serialized__", False):
            setattr(DynamoDBBackend, name, _serialized(original))
