"""429 and 503 are retried as Retry-After says, a bounded number of times."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest
from mlm_client import MLM, AsyncMLM, MLMError, RetryPolicy, ServiceUnavailable, TooManyRequests
from mlm_client._retry import retry_after_seconds

HEALTH = {
    "status": "ok",
    "version": "1",
    "backend": {"mode": "emulator", "region": "r", "reachable": True},
}
Handler = Callable[[httpx.Request], httpx.Response]


def answers(*responses: httpx.Response) -> tuple[Handler, list[str]]:
    """A handler giving `responses` in turn (the last one for ever), and the paths it saw."""
    seen: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return responses[min(len(seen), len(responses)) - 1]

    return handle, seen


def busy(status: int, retry_after: str | None = None) -> httpx.Response:
    headers = {} if retry_after is None else {"Retry-After": retry_after}
    return httpx.Response(status, json={"status": status, "code": "BUSY"}, headers=headers)


def test_a_429_is_retried_after_the_seconds_retry_after_gives() -> None:
    handle, seen = answers(busy(429, "2"), httpx.Response(200, json=HEALTH))
    slept: list[float] = []
    transport = httpx.MockTransport(handle)
    with MLM("http://mlm.test", "k", transport=transport, sleep=slept.append) as mlm:
        assert mlm.get_health().status == "ok"
    assert (slept, len(seen)) == ([2.0], 2)


def test_a_503_without_retry_after_backs_off_exponentially_then_raises() -> None:
    handle, seen = answers(busy(503))
    slept: list[float] = []
    policy = RetryPolicy(max_retries=3, backoff=0.5)
    transport = httpx.MockTransport(handle)
    with (
        MLM("http://mlm.test", "k", retry=policy, transport=transport, sleep=slept.append) as mlm,
        pytest.raises(ServiceUnavailable),
    ):
        mlm.get_health()
    assert (slept, len(seen)) == ([0.5, 1.0, 2.0], 4)


def test_a_retry_after_longer_than_max_delay_is_not_waited_for() -> None:
    handle, seen = answers(busy(429, "120"))
    slept: list[float] = []
    policy = RetryPolicy(max_delay=30)
    transport = httpx.MockTransport(handle)
    with (
        MLM("http://mlm.test", "k", retry=policy, transport=transport, sleep=slept.append) as mlm,
        pytest.raises(TooManyRequests) as raised,
    ):
        mlm.get_health()
    assert (slept, len(seen), raised.value.retry_after) == ([], 1, 120.0)


def test_other_errors_are_not_retried() -> None:
    handle, seen = answers(busy(500))
    slept: list[float] = []
    transport = httpx.MockTransport(handle)
    with (
        MLM("http://mlm.test", "k", transport=transport, sleep=slept.append) as mlm,
        pytest.raises(MLMError) as raised,
    ):
        mlm.get_health()
    assert (raised.value.status, slept, len(seen)) == (500, [], 1)


def test_retry_after_as_an_http_date_counts_the_seconds_until_then() -> None:
    when = datetime.now(UTC) + timedelta(seconds=90)
    seconds = retry_after_seconds(busy(429, format_datetime(when, usegmt=True)))
    assert seconds is not None
    assert 80 < seconds <= 90


def test_async_client_retries_too() -> None:
    handle, seen = answers(busy(503, "1"), httpx.Response(200, json=HEALTH))
    slept: list[float] = []

    async def record(seconds: float) -> None:
        slept.append(seconds)

    async def health() -> str:
        transport = httpx.MockTransport(handle)
        async with AsyncMLM("http://mlm.test", "k", transport=transport, sleep=record) as mlm:
            return str((await mlm.get_health()).status)

    assert (asyncio.run(health()), slept, len(seen)) == ("ok", [1.0], 2)
