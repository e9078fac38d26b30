"""mlm.lambdas.janitor: one sweep and one reconciliation of the fleet index."""

from __future__ import annotations

import pytest

from mlm.container import Container
from mlm.lambdas import janitor


@pytest.fixture
def handler_container(container: Container, monkeypatch: pytest.MonkeyPatch) -> Container:
    monkeypatch.setattr(janitor, "_container", lambda: container)
    return container


def test_a_scheduled_run_sweeps_and_reconciles_the_fleet_index(
    handler_container: Container,
) -> None:
    report = janitor.lambda_handler({}, None)
    assert set(report["fleet_index"]) == {"listed", "refreshed", "forgotten"}


def test_a_dry_run_only_reports_what_the_sweep_would_remove(
    handler_container: Container,
) -> None:
    assert "fleet_index" not in janitor.lambda_handler({"dry_run": True}, None)
