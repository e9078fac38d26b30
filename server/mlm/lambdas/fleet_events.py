"""The entry point for SageMaker's endpoint state changes in AWS deployments.

EventBridge (rule: source ``aws.sagemaker``, detail-type "SageMaker Endpoint State
Change") → SQS → this function (an SQS event source mapping): each record's body is one
EventBridge event; the endpoints they name are re-read and written to the fleet index.
A failure fails the batch, so SQS delivers it again (every step is idempotent).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from mlm.container import Container, build_container
from mlm.settings import Settings


@cache
def _container() -> Container:
    # One per Lambda container, from the function's MLM_* environment.
    return build_container(Settings())


def lambda_handler(event: dict[str, Any], context: object) -> dict[str, int]:
    events = [_body(record) for record in event.get("Records", [])]
    return {"endpoints": _container().fleet_events.apply(events)}


def _body(record: dict[str, Any]) -> dict[str, Any] | None:
    try:
        body = json.loads(record.get("body", ""))
    except ValueError:
        return None
    return body if isinstance(body, dict) else None
