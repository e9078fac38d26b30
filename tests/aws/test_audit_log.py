"""AuditLog against the emulator's DynamoDB: a filtered read is bounded, and resumable."""

from __future__ import annotations

import pytest

from mlm.aws.audit_log import MAX_QUERY_PAGES, AuditLog, AuditQuery
from mlm.container import Container
from tests.audit_records import write_trail
from tests.botocore_hooks import hooked
from tests.conftest import Keys


@pytest.fixture
def audit_log(container: Container, keys: Keys) -> AuditLog:
    log = AuditLog(container.clients.dynamodb(), container.settings.audit_table)
    write_trail(log, keys.tenant)
    return log


def _query(tenant: str, key_name: str | None = None) -> AuditQuery:
    return AuditQuery(tenant, "0", "9", key_name=key_name)


def test_a_read_answers_the_newest_first(audit_log: AuditLog, keys: Keys) -> None:
    found = audit_log.read(_query(keys.tenant), None, 3)
    assert [r.request_id for r in found.records] == ["r0449", "r0448", "r0447"]
    assert found.resume_after is None


def test_a_filter_that_matches_little_stops_after_a_bounded_number_of_queries(
    audit_log: AuditLog, container: Container, keys: Keys
) -> None:
    queries: list[object] = []
    with hooked(
        container.clients.dynamodb(),
        "before-call.dynamodb.Query",
        lambda **call: queries.append(call),
    ):
        found = audit_log.read(_query(keys.tenant, key_name="ci"), None, 2)
    assert len(queries) == MAX_QUERY_PAGES
    assert found.records == []
    assert found.resume_after is not None


def test_reading_on_from_where_it_stopped_finds_the_rest(audit_log: AuditLog, keys: Keys) -> None:
    first = audit_log.read(_query(keys.tenant, key_name="ci"), None, 2)
    rest = audit_log.read(_query(keys.tenant, key_name="ci"), first.resume_after, 2)
    assert [r.request_id for r in rest.records] == ["r0000"]
    assert rest.resume_after is None
