"""LeaseTable against the emulator's DynamoDB: conditional writes decide who holds what."""

from __future__ import annotations

import pytest

from mlm.aws.leases import Holder, Lease, LeaseTable
from mlm.container import Container
from tests.clock import Clock
from tests.conftest import Keys


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def leases(container: Container, clock: Clock) -> LeaseTable:
    return LeaseTable(container.clients.dynamodb(), container.settings.lease_table, clock)


@pytest.fixture
def resource(keys: Keys) -> str:
    return f"{keys.tenant}/endpoint/chat"


def granted(result: Lease | Holder) -> Lease:
    assert isinstance(result, Lease), result
    return result


def test_a_free_lease_is_granted_with_a_fence(leases: LeaseTable, resource: str) -> None:
    lease = granted(leases.acquire(resource, "a", 30))
    assert (lease.resource, lease.owner, lease.fence) == (resource, "a", 1)
    assert lease.expires_at == 1_000_030.0


def test_a_held_lease_is_refused_and_says_until_when(leases: LeaseTable, resource: str) -> None:
    granted(leases.acquire(resource, "a", 30))
    assert leases.acquire(resource, "b", 30) == Holder(resource, 1_000_030.0)


def test_an_expired_lease_goes_to_the_next_caller_with_a_higher_fence(
    leases: LeaseTable, resource: str, clock: Clock
) -> None:
    first = granted(leases.acquire(resource, "a", 30))
    clock.now += 31
    second = granted(leases.acquire(resource, "b", 30))
    assert second.fence > first.fence


def test_acquiring_again_as_the_holder_succeeds(leases: LeaseTable, resource: str) -> None:
    """botocore repeats a write whose reply was lost: the repeat must not look foreign."""
    granted(leases.acquire(resource, "a", 30))
    assert granted(leases.acquire(resource, "a", 30)).owner == "a"


def test_renewal_extends_a_held_lease(leases: LeaseTable, resource: str, clock: Clock) -> None:
    lease = granted(leases.acquire(resource, "a", 30))
    clock.now += 20
    renewed = leases.renew(lease, 30)
    assert renewed is not None
    assert renewed.expires_at == 1_000_050.0
    assert leases.acquire(resource, "b", 30) == Holder(resource, 1_000_050.0)


def test_renewal_of_a_lease_taken_over_fails(
    leases: LeaseTable, resource: str, clock: Clock
) -> None:
    lease = granted(leases.acquire(resource, "a", 30))
    clock.now += 31
    granted(leases.acquire(resource, "b", 30))
    assert leases.renew(lease, 30) is None


def test_release_frees_the_lease(leases: LeaseTable, resource: str) -> None:
    lease = granted(leases.acquire(resource, "a", 30))
    leases.release(lease)
    assert granted(leases.acquire(resource, "b", 30)).owner == "b"


def test_releasing_a_lease_taken_over_leaves_the_new_holder(
    leases: LeaseTable, resource: str, clock: Clock
) -> None:
    lease = granted(leases.acquire(resource, "a", 30))
    clock.now += 31
    granted(leases.acquire(resource, "b", 30))
    leases.release(lease)
    assert isinstance(leases.acquire(resource, "c", 30), Holder)


def test_expired_leases_are_found_and_removed(
    leases: LeaseTable, resource: str, clock: Clock
) -> None:
    granted(leases.acquire(resource, "a", 30))
    granted(leases.acquire(resource + "-2", "a", 300))
    clock.now += 60
    expired = [lease for lease in leases.expired(clock.now) if lease.resource == resource]
    assert [lease.resource for lease in expired] == [resource]
    assert leases.remove_expired(expired[0]) is True
    assert resource not in {lease.resource for lease in leases.expired(clock.now)}
