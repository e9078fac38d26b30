"""The entry point a Lambda deployment wires to EventBridge "Batch Job State Change"
events: a succeeded packaging job is registered as a model version (once, even when a
poll notices it too)."""

from __future__ import annotations

from functools import cache
from typing import Any

from mlm.runtime import Runtime, build_runtime
from mlm.settings import Settings


@cache
def _runtime() -> Runtime:
    # One per Lambda container, from the function's MLM_* environment.
    return build_runtime(Settings())


def handle_batch_event(event: dict[str, Any], runtime: Runtime | None = None) -> None:
    (runtime or _runtime()).packaging_jobs.on_batch_event(event)


def lambda_handler(event: dict[str, Any], context: object) -> None:
    handle_batch_event(event)
