"""RateLimitTable: GCRA buckets and day counters, shared through DynamoDB.

DynamoDB facts relied on (the emulator mimics them): an ``UpdateItem`` whose
``ConditionExpression`` fails changes nothing and, with
``ReturnValuesOnConditionCheckFailure=ALL_OLD``, returns the item as it is
(https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateItem.html);
``ADD`` on a missing number starts it from 0.
"""

from __future__ import annotations

import itertools
import time

import pytest

from mlm.aws.rate_limits import Bucket, RateLimitTable
from mlm.settings import Settings
from tests.clock import Clock

_ids = itertools.count()
DAY_END = 2_000_000.0


@pytest.fixture
def table(emulator_settings: Settings) -> RateLimitTable:
    from mlm.aws.clients import ClientFactory

    return RateLimitTable(ClientFactory(emulator_settings).dynamodb(), "mlm-rate-limits")


@pytest.fixture
def item_id() -> str:
    return f"test#{next(_ids)}#{id(object())}"


BURST3 = [Bucket("tat", interval=1.0, burst=3)]


def test_a_burst_is_allowed_and_the_next_request_refused(
    table: RateLimitTable, item_id: str
) -> None:
    clock = Clock()
    allowed = [table.take(item_id, BURST3, None, clock(), DAY_END).allowed for _ in range(4)]
    assert allowed == [True, True, True, False]


def test_a_refusal_says_when_to_retry(table: RateLimitTable, item_id: str) -> None:
    clock = Clock()
    for _ in range(3):
        table.take(item_id, BURST3, None, clock(), DAY_END)
    refused = table.take(item_id, BURST3, None, clock(), DAY_END)
    assert (refused.exceeded, refused.retry_after_seconds) == ("rate", pytest.approx(1.0))


def test_remaining_counts_down(table: RateLimitTable, item_id: str) -> None:
    clock = Clock()
    left = [table.take(item_id, BURST3, None, clock(), DAY_END).remaining for _ in range(3)]
    assert left == [2, 1, 0]


def test_tokens_come_back_at_the_rate(table: RateLimitTable, item_id: str) -> None:
    clock = Clock()
    for _ in range(3):
        table.take(item_id, BURST3, None, clock(), DAY_END)
    clock.now += 1.0
    assert table.take(item_id, BURST3, None, clock(), DAY_END).allowed
    assert not table.take(item_id, BURST3, None, clock(), DAY_END).allowed


def test_an_idle_bucket_fills_up_to_its_burst_only(table: RateLimitTable, item_id: str) -> None:
    clock = Clock()
    table.take(item_id, BURST3, None, clock(), DAY_END)
    clock.now += 1000
    allowed = [table.take(item_id, BURST3, None, clock(), DAY_END).allowed for _ in range(4)]
    assert allowed == [True, True, True, False]


def test_two_replicas_share_one_bucket(
    table: RateLimitTable, emulator_settings: Settings, item_id: str
) -> None:
    from mlm.aws.clients import ClientFactory

    other = RateLimitTable(ClientFactory(emulator_settings).dynamodb(), "mlm-rate-limits")
    clock = Clock()
    takers = [table, other, table, other]
    allowed = [t.take(item_id, BURST3, None, clock(), DAY_END).allowed for t in takers]
    assert allowed == [True, True, True, False]


def test_the_day_limit_refuses_past_its_count(table: RateLimitTable, item_id: str) -> None:
    clock = Clock()
    wide = [Bucket("tat", interval=0.001, burst=100)]
    outcomes = [table.take(item_id, wide, 2, clock(), DAY_END) for _ in range(3)]
    assert [o.allowed for o in outcomes] == [True, True, False]
    assert outcomes[-1].exceeded == "day"


def test_a_refused_request_spends_nothing(table: RateLimitTable, item_id: str) -> None:
    clock = Clock()
    for _ in range(4):
        table.take(item_id, BURST3, None, clock(), DAY_END)
    clock.now += 1.0
    assert table.take(item_id, BURST3, None, clock(), DAY_END).allowed


def test_the_writes_bucket_is_checked_with_the_other(table: RateLimitTable, item_id: str) -> None:
    clock = Clock()
    both = [Bucket("tat", 0.001, 100), Bucket("wtat", 10.0, 2)]
    outcomes = [table.take(item_id, both, None, clock(), DAY_END) for _ in range(3)]
    assert [o.allowed for o in outcomes] == [True, True, False]
    assert outcomes[-1].exceeded == "writes"


def test_a_request_held_up_before_its_write_is_judged_by_when_it_arrives(
    table: RateLimitTable, item_id: str
) -> None:
    """It took ``now``, then waited a second while the others filled the bucket; by the
    time it writes there is a token for it again."""
    buckets = [Bucket("wtat", interval=0.1, burst=30)]
    for _ in range(30):
        assert table.take(item_id, buckets, None, 1000.0, DAY_END).allowed
    held_up = table.take(item_id, buckets, None, 999.0, DAY_END, clock=lambda: 1000.2)
    assert held_up.allowed


def test_without_a_clock_a_request_from_the_past_is_refused(
    table: RateLimitTable, item_id: str
) -> None:
    buckets = [Bucket("wtat", interval=0.1, burst=30)]
    for _ in range(30):
        table.take(item_id, buckets, None, 1000.0, DAY_END)
    assert not table.take(item_id, buckets, None, 999.0, DAY_END).allowed


def test_simultaneous_requests_within_the_burst_are_all_allowed(
    emulator_settings: Settings, item_id: str
) -> None:
    # Twenty replicas at once on a bucket with room for thirty: contention on the
    # conditional write is no reason to refuse (each attempt saw tokens left).
    from concurrent.futures import ThreadPoolExecutor
    from threading import Barrier

    from mlm.aws.clients import ClientFactory

    defaults = [Bucket("tat", 0.02, 100), Bucket("wtat", 0.1, 30)]
    factory = ClientFactory(emulator_settings)
    replicas = [RateLimitTable(factory.dynamodb(), "mlm-rate-limits") for _ in range(20)]
    start = Barrier(len(replicas))

    def take(replica: RateLimitTable) -> bool:
        start.wait()
        return replica.take(item_id, defaults, None, time.time(), DAY_END).allowed

    with ThreadPoolExecutor(len(replicas)) as pool:
        allowed = list(pool.map(take, replicas))
    assert allowed == [True] * len(replicas)
