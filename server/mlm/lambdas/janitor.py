"""The entry point an EventBridge schedule calls: one janitor sweep (see services.janitor)
and one reconciliation of the fleet index against ListEndpoints (services.fleet_index)."""

from __future__ import annotations

from functools import cache
from typing import Any

from mlm.container import Container, build_container
from mlm.settings import Settings


@cache
def _container() -> Container:
    # One per Lambda container, from the function's MLM_* environment.
    return build_container(Settings())


def lambda_handler(event: dict[str, Any], context: object) -> dict[str, object]:
    dry_run = bool(event.get("dry_run", False)) if isinstance(event, dict) else False
    container = _container()
    report = container.janitor.sweep(dry_run=dry_run).to_api()
    if not dry_run:
        reconciled = container.reconciler.run()
        report["fleet_index"] = {
            "listed": reconciled.listed,
            "refreshed": reconciled.refreshed,
            "forgotten": reconciled.forgotten,
        }
    return report
