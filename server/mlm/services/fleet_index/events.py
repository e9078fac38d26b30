"""SageMaker's endpoint state changes, from EventBridge through SQS, into the index.

An event only says *which* endpoint changed: each is re-read from AWS before the index
is written, so duplicated, late or out-of-order events cannot make the index wrong
(SageMaker may send several events for one change; EventBridge delivers at least once).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from mlm.aws.endpoint_events import DETAIL_TYPE, SOURCE
from mlm.aws.event_queue import EventQueue
from mlm.services.fleet_index.index import FleetIndex

log = logging.getLogger("mlm.fleet_index")

MAX_BATCHES = 100  # per drain: at most 1,000 events before the caller's next turn


def endpoint_of(event: dict[str, Any] | None) -> str | None:
    """The endpoint name an EventBridge event is about, None for any other event."""
    if not event or event.get("source") != SOURCE or event.get("detail-type") != DETAIL_TYPE:
        return None
    detail = event.get("detail")
    name = detail.get("EndpointName") if isinstance(detail, dict) else None
    return name if isinstance(name, str) else None


class FleetEvents:
    def __init__(self, queue: EventQueue, index: FleetIndex) -> None:
        self._queue = queue
        self._index = index

    def drain(self, wait_seconds: int = 0, max_batches: int = MAX_BATCHES) -> int:
        """Apply queued events, a batch (up to ten) at a time, until the queue is empty or
        ``max_batches`` were read; the number of endpoints re-read."""
        count = 0
        for _ in range(max_batches):
            batch = self._queue.receive(wait_seconds=wait_seconds)
            if not batch:
                break
            count += self.apply(e.event for e in batch)
            # Deleted only once applied: a failure above leaves them for another try.
            self._queue.delete(batch)
        return count

    def apply(self, events: Iterable[dict[str, Any] | None]) -> int:
        names = {name for name in map(endpoint_of, events) if name is not None}
        for name in sorted(names):
            if not self._index.observe_physical(name):
                log.debug("event for %s: not one of MLM's endpoints", name)
        return len(names)
