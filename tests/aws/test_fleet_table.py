"""The fleet index table: writes never go back in AWS time; deletes spare newer entries."""

from __future__ import annotations

import pytest

from mlm.aws.fleet_table import FleetRecord, FleetTable
from mlm.container import Container
from tests.conftest import Keys


@pytest.fixture
def table(container: Container) -> FleetTable:
    return FleetTable(container.clients.dynamodb(), container.settings.fleet_table)


def record(tenant: str, status: str, modified: float, observed: float = 0.0) -> FleetRecord:
    return FleetRecord(tenant, "ep", status, {"view": {}, "versions": []}, modified, observed)


def test_a_later_aws_state_replaces_an_earlier_one(table: FleetTable, keys: Keys) -> None:
    table.put(record(keys.tenant, "Creating", modified=1.0))
    assert table.put(record(keys.tenant, "InService", modified=2.0))
    assert [r.status for r in table.tenant(keys.tenant)[0]] == ["InService"]


def test_an_earlier_aws_state_arriving_late_is_not_written(table: FleetTable, keys: Keys) -> None:
    table.put(record(keys.tenant, "InService", modified=2.0))
    assert not table.put(record(keys.tenant, "Creating", modified=1.0))
    assert [r.status for r in table.tenant(keys.tenant)[0]] == ["InService"]


def test_delete_spares_an_entry_observed_after_the_caller_looked(
    table: FleetTable, keys: Keys
) -> None:
    table.put(record(keys.tenant, "Creating", modified=1.0, observed=50.0))
    table.delete(keys.tenant, "ep", observed_before=40.0)
    assert len(table.tenant(keys.tenant)[0]) == 1
    table.delete(keys.tenant, "ep", observed_before=60.0)
    assert table.tenant(keys.tenant)[0] == []


def test_a_tenant_is_unmarked_until_reconciled(table: FleetTable, keys: Keys) -> None:
    assert table.tenant(keys.tenant)[1] is None
    table.mark_reconciled(keys.tenant, 123.0)
    records, marker = table.tenant(keys.tenant)
    assert (records, marker is not None and marker.observed) == ([], 123.0)


def test_tenants_do_not_see_each_others_records(table: FleetTable, keys: Keys) -> None:
    table.put(record(keys.tenant, "InService", modified=1.0))
    assert table.tenant(keys.other_tenant)[0] == []
