"""Retry of 429 and 503 answers, honouring Retry-After, as httpx transports."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx

RETRY_STATUSES = frozenset({429, 503})


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how long to wait before giving an error answer back.

    A Retry-After longer than `max_delay` is not waited for: the caller gets the error at
    once (with `retry_after` set) rather than a retry the server asked not to get.
    """

    max_retries: int = 3
    max_delay: float = 30.0
    # Waits without a Retry-After: backoff, 2 * backoff, 4 * backoff…
    backoff: float = 0.5

    def delay(self, response: httpx.Response, attempt: int) -> float | None:
        """Seconds to wait before retry number `attempt` (1-based), or None to give up."""
        if response.status_code not in RETRY_STATUSES or attempt > self.max_retries:
            return None
        asked = retry_after_seconds(response)
        if asked is None:
            return min(self.backoff * 2.0 ** (attempt - 1), self.max_delay)
        return asked if asked <= self.max_delay else None


def retry_after_seconds(response: httpx.Response) -> float | None:
    """Retry-After as seconds (delta-seconds or an HTTP date), None if absent or unreadable."""
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    value = value.strip()
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)


class RetryTransport(httpx.BaseTransport):
    def __init__(
        self,
        inner: httpx.BaseTransport,
        policy: RetryPolicy,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._inner = inner
        self._policy = policy
        self._sleep = sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        attempt = 0
        while True:
            response = self._inner.handle_request(request)
            attempt += 1
            wait = self._policy.delay(response, attempt)
            if wait is None:
                return response
            response.close()
            self._sleep(wait)

    def close(self) -> None:
        self._inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._inner = inner
        self._policy = policy
        self._sleep = sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        attempt = 0
        while True:
            response = await self._inner.handle_async_request(request)
            attempt += 1
            wait = self._policy.delay(response, attempt)
            if wait is None:
                return response
            await response.aclose()
            await self._sleep(wait)

    async def aclose(self) -> None:
        await self._inner.aclose()
