"""Botocore event hooks for tests: watch or bend a client's calls inside a block only."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def hooked(client: Any, event: str, handler: Callable[..., None]) -> Iterator[None]:
    """``handler`` runs on ``client``'s ``event`` (e.g. "before-parameter-build.s3.PutObject")
    until the block ends, however it ends."""
    client.meta.events.register(event, handler)
    try:
        yield
    finally:
        client.meta.events.unregister(event, handler)
