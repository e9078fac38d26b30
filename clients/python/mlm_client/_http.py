"""The httpx clients under the generated code: API key, retries, problem+json → exceptions.

Error answers are raised from a response hook, before the generated code parses them, so
every call either returns its documented success body or raises a typed MLMError.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

import httpx

from ._retry import AsyncRetryTransport, RetryPolicy, RetryTransport, retry_after_seconds
from .errors import error_from_response

USER_AGENT = "mlm-client-python/1.0.0"


def api_base_url(base_url: str) -> str:
    """The API root: `http://host:8080` and `http://host:8080/v1/` both mean `…/v1`."""
    root = base_url.rstrip("/")
    return root if root.endswith("/v1") else f"{root}/v1"


def _headers(api_key: str | None) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT}
    if api_key is not None:
        headers["X-Api-Key"] = api_key
    return headers


def _raise_for_problem(response: httpx.Response) -> None:
    if response.status_code >= 400:
        response.read()
        raise error_from_response(response, retry_after_seconds(response))


async def _araise_for_problem(response: httpx.Response) -> None:
    if response.status_code >= 400:
        await response.aread()
        raise error_from_response(response, retry_after_seconds(response))


def sync_client(
    base_url: str,
    api_key: str | None,
    *,
    timeout: float,
    retry: RetryPolicy,
    transport: httpx.BaseTransport | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> httpx.Client:
    return httpx.Client(
        base_url=api_base_url(base_url),
        headers=_headers(api_key),
        timeout=timeout,
        transport=RetryTransport(transport or httpx.HTTPTransport(), retry, sleep),
        event_hooks={"response": [_raise_for_problem]},
    )


def async_client(
    base_url: str,
    api_key: str | None,
    *,
    timeout: float,
    retry: RetryPolicy,
    transport: httpx.AsyncBaseTransport | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        base_url=api_base_url(base_url),
        headers=_headers(api_key),
        timeout=timeout,
        transport=AsyncRetryTransport(transport or httpx.AsyncHTTPTransport(), retry, sleep),
        event_hooks={"response": [_araise_for_problem]},
    )
