"""A bounded, thread-safe TTL cache for what MLM reads from AWS and may reuse briefly.

Unlike ``ImmutableCache`` (descriptions AWS never changes), entries here can go stale:
tags, a model's version list, the fleet index. The adapter that owns an entry forgets it
when MLM itself changes the resource, so this replica reads its own writes at once; a
change made by another replica or outside MLM shows within ``ttl_seconds``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from cachetools import TTLCache

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class ReadCache(Generic[K, V]):
    def __init__(
        self,
        ttl_seconds: float,
        capacity: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl_seconds = ttl_seconds
        self._items: TTLCache[K, V] | None = (
            TTLCache(maxsize=capacity, ttl=ttl_seconds, timer=clock) if ttl_seconds > 0 else None
        )
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        if self._items is None:
            return None
        with self._lock:
            return self._items.get(key)

    def put(self, key: K, value: V) -> None:
        if self._items is None:
            return
        with self._lock:
            self._items[key] = value

    def forget(self, key: K) -> None:
        if self._items is None:
            return
        with self._lock:
            self._items.pop(key, None)

    def forget_where(self, matches: Callable[[K], bool]) -> None:
        if self._items is None:
            return
        with self._lock:
            for key in [k for k in self._items if matches(k)]:
                self._items.pop(key, None)
