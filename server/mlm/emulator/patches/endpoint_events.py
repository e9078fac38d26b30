"""SageMaker's "SageMaker Endpoint State Change" events, sent to the emulated EventBridge.

AWS sends one (or several) such events whenever an endpoint's status changes, to the
account's default event bus, where rules route them (MLM's rule sends them to an SQS
queue; see ``bootstrap.py``). The emulator computes statuses lazily from timestamps
(``clock.py``), so a watcher thread reads every endpoint a few times a second and sends
an event for each status it has not reported yet: Creating, Updating, Deleting,
InService, Failed, and once the endpoint is gone, a last event.

The detail follows AWS's documented example: EndpointName, EndpointArn,
EndpointConfigName, ProductionVariants, EndpointStatus in upper snake case
(``IN_SERVICE``), CreationTime and LastModifiedTime in epoch milliseconds, Tags as a map.
The status of the last event, after the endpoint is gone, is ``DELETED``: consumers
(MLM's included) should re-read the endpoint rather than trust the event's status, since
SageMaker "may send multiple events for each state change".
"""

from __future__ import annotations

import json
import logging
import re
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from moto.events.models import events_backends
from moto.sagemaker.models import sagemaker_backends

from mlm.aws.endpoint_events import DETAIL_TYPE, SOURCE
from mlm.emulator.patches import clock
from mlm.emulator.patches.endpoints import EmulatedEndpoint

log = logging.getLogger("mlm.emulator.events")

TICK_SECONDS = 0.2
_CAMEL = re.compile(r"(?<!^)(?=[A-Z])")


@dataclass
class _Seen:
    status: str
    detail: dict[str, Any]


class EndpointEvents:
    """The watcher: one per emulator; ``stop`` ends it."""

    def __init__(self, tick_seconds: float = TICK_SECONDS) -> None:
        self._tick = tick_seconds
        self._seen: dict[tuple[str, str, str], _Seen] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="emulator-events", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while not self._stop.wait(self._tick):
            try:
                self.tick()
            except Exception:  # the watcher must outlive one bad read
                log.exception("endpoint events: tick failed")

    def tick(self) -> int:
        """Send an event for every status change since the last tick; how many were sent."""
        due: list[tuple[str, str, dict[str, Any]]] = []
        present: set[tuple[str, str, str]] = set()
        with clock.LOCK:
            for account, regions in list(sagemaker_backends.items()):
                for region, backend in list(regions.items()):
                    for endpoint in list(backend.endpoints.values()):
                        if not isinstance(endpoint, EmulatedEndpoint):
                            continue
                        key = (account, region, endpoint.arn)
                        status = _upper_snake(endpoint.endpoint_status)  # settles it
                        if endpoint.deleted:
                            continue  # reported below, once it is out of the backend
                        present.add(key)
                        seen = self._seen.get(key)
                        if seen is None or seen.status != status:
                            detail = _detail(endpoint, status)
                            self._seen[key] = _Seen(status, detail)
                            due.append((account, region, detail))
            for key in [k for k in self._seen if k not in present]:
                gone = self._seen.pop(key)
                due.append((key[0], key[1], gone.detail | {"EndpointStatus": "DELETED"}))
        for account, region, detail in due:
            events_backends[account][region].put_events(
                [
                    {
                        "Source": SOURCE,
                        "DetailType": DETAIL_TYPE,
                        "Resources": [detail["EndpointArn"]],
                        "Detail": json.dumps(detail),
                    }
                ]
            )
        return len(due)


def _upper_snake(status: str) -> str:
    return _CAMEL.sub("_", status).upper()


def _millis(moment: datetime) -> float:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp() * 1000


def _detail(endpoint: EmulatedEndpoint, status: str) -> dict[str, Any]:
    described = endpoint.describe()
    return {
        "EndpointName": endpoint.endpoint_name,
        "EndpointArn": endpoint.arn,
        "EndpointConfigName": described["EndpointConfigName"],
        "ProductionVariants": [
            {
                k: v
                for k, v in variant.items()
                if k
                in {
                    "VariantName",
                    "CurrentWeight",
                    "DesiredWeight",
                    "CurrentInstanceCount",
                    "DesiredInstanceCount",
                }
            }
            for variant in described["ProductionVariants"]
        ],
        "EndpointStatus": status,
        "CreationTime": _millis(endpoint.creation_time),
        "LastModifiedTime": _millis(endpoint.last_modified_time),
        "Tags": {t["Key"]: t["Value"] for t in endpoint.tags},
    }
