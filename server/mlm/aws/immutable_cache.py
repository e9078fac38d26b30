"""A small LRU cache for descriptions of resources AWS never changes in place.

SageMaker models and endpoint configs cannot be updated, only deleted; the service names
them after their content, so a name always means the same description. Caching them saves
two AWS round trips per variant on every endpoint read.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Generic, TypeVar

T = TypeVar("T")


class ImmutableCache(Generic[T]):
    def __init__(self, capacity: int = 2048) -> None:
        self._items: OrderedDict[str, T] = OrderedDict()
        self._capacity = capacity
        self._lock = threading.Lock()

    def get(self, key: str) -> T | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: str, value: T) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._capacity:
                self._items.popitem(last=False)

    def forget(self, key: str) -> None:
        with self._lock:
            self._items.pop(key, None)
