"""Run independent AWS reads side by side, in a small bounded thread pool."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Bounded so that a long list never opens more connections than the client pool holds.
WORKERS = 8


def parallel(func: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """``func`` over ``items``, in order (boto3 clients are thread-safe)."""
    if len(items) <= 1:
        return [func(item) for item in items]
    with ThreadPoolExecutor(max_workers=min(WORKERS, len(items))) as pool:
        return list(pool.map(func, items))
