"""ResourceLocks: one change at a time per resource, a clear answer for the others."""

from __future__ import annotations

import threading

import pytest

from mlm.aws.leases import LeaseTable
from mlm.container import Container
from mlm.errors import Conflict
from mlm.services.locking import ResourceLocks
from tests.clock import Clock
from tests.conftest import Keys


@pytest.fixture
def clock() -> Clock:
    return Clock(5_000_000.0)


@pytest.fixture
def locks(container: Container, clock: Clock) -> ResourceLocks:
    table = LeaseTable(container.clients.dynamodb(), container.settings.lease_table, clock)
    return ResourceLocks(table, lease_seconds=30, clock=clock)


def test_a_second_change_while_one_runs_is_409_with_retry_after(
    locks: ResourceLocks, keys: Keys
) -> None:
    with (
        locks.hold(keys.tenant, "endpoint", "chat"),
        pytest.raises(Conflict) as caught,
        locks.hold(keys.tenant, "endpoint", "chat"),
    ):
        pass
    assert caught.value.code == "CHANGE_IN_PROGRESS"
    assert caught.value.headers["Retry-After"] == "30"


def test_other_resources_and_tenants_are_not_held(locks: ResourceLocks, keys: Keys) -> None:
    with locks.hold(keys.tenant, "endpoint", "chat"):
        with locks.hold(keys.tenant, "endpoint", "other"):
            pass
        with locks.hold(keys.other_tenant, "endpoint", "chat"):
            pass
        with locks.hold(keys.tenant, "model", "chat"):
            pass


def test_the_lease_is_given_back_however_the_change_ends(locks: ResourceLocks, keys: Keys) -> None:
    with pytest.raises(ValueError, match="boom"), locks.hold(keys.tenant, "model", "m"):
        raise ValueError("boom")
    with locks.hold(keys.tenant, "model", "m"):
        pass


def test_a_change_overtaken_after_its_lease_expired_stops_at_its_commit_point(
    locks: ResourceLocks, keys: Keys, clock: Clock
) -> None:
    with locks.hold(keys.tenant, "endpoint", "chat") as held:
        clock.now += 31  # this request stalled past its lease, and another took over
        with locks.hold(keys.tenant, "endpoint", "chat"), pytest.raises(Conflict) as caught:
            held.confirm()
    assert caught.value.code == "CHANGE_INTERRUPTED"


def test_confirm_renews_a_lease_still_held(locks: ResourceLocks, keys: Keys, clock: Clock) -> None:
    with locks.hold(keys.tenant, "endpoint", "chat") as held:
        clock.now += 20
        held.confirm()
        clock.now += 20  # past the first expiry, within the renewed one
        with pytest.raises(Conflict), locks.hold(keys.tenant, "endpoint", "chat"):
            pass


def test_a_waiting_change_gets_the_lease_once_the_holder_is_done(
    container: Container, keys: Keys
) -> None:
    locks = ResourceLocks(
        LeaseTable(container.clients.dynamodb(), container.settings.lease_table), 30
    )
    released = threading.Event()
    order: list[str] = []

    def holder() -> None:
        with locks.hold(keys.tenant, "model", "m"):
            order.append("first")
            released.wait(5)

    thread = threading.Thread(target=holder)
    thread.start()
    while not order:
        threading.Event().wait(0.01)
    threading.Timer(0.3, released.set).start()
    with locks.hold(keys.tenant, "model", "m", wait_seconds=5):
        order.append("second")
    thread.join()
    assert order == ["first", "second"]
