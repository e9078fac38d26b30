"""The entry point a Lambda deployment wires to EventBridge "Batch Job State Change"
events: a succeeded packaging job is registered as a model version (once, even when a
poll notices it too)."""

from __future__ import annotations

from functools import cache
from typing import Any

from mlm.container import Container, build_container
from mlm.settings import Settings


@cache
def _container() -> Container:
    # One per Lambda container, from the function's MLM_* environment.
    return build_container(Settings())


def handle_batch_event(event: dict[str, Any], container: Container | None = None) -> None:
    (container or _container()).packaging_jobs.on_batch_event(event)


def lambda_handler(event: dict[str, Any], context: object) -> None:
    handle_batch_event(event)
