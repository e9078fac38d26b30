"""A real headless browser (Debian's chromium, driven by Playwright) that may reach
nothing but files and this machine's loopback: what it asked for elsewhere is recorded."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route, sync_playwright

CHROMIUM = "/usr/bin/chromium"  # apt-get install chromium (Playwright cannot fetch browsers here)
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCAL = ("file", "data", "blob", "about")


@dataclass
class OfflinePage:
    """A page whose requests off this machine are refused (and listed in ``refused``)."""

    page: Page
    refused: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


# Module scope, not session: Playwright's sync API keeps an event loop running while it is
# open, and asyncio.run() in a later test of the same worker would refuse to start.
@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield browser
        browser.close()


@contextmanager
def offline_page(chromium: Any) -> Iterator[OfflinePage]:
    context = chromium.new_context()
    page = context.new_page()
    watched = OfflinePage(page)

    def route(route: Route) -> None:
        url = urlsplit(route.request.url)
        if url.scheme in LOCAL or url.hostname in {"127.0.0.1", "localhost"}:
            route.continue_()
        else:
            watched.refused.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda error: watched.errors.append(str(error)))
    try:
        yield watched
    finally:
        context.close()


@pytest.fixture
def offline(chromium: Any) -> Iterator[OfflinePage]:
    with offline_page(chromium) as page:
        yield page
