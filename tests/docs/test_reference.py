"""docs/index.html, the API reference, opened from disk in a browser with no network."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from mlm.spec import spec_path
from tests.docs.conftest import OfflinePage, offline_page

REFERENCE = Path(__file__).resolve().parents[2] / "docs" / "index.html"
METHODS = {"get", "put", "post", "patch", "delete"}


def _operations() -> list[tuple[str, str, str, str]]:
    """(tag, operationId, summary, "method path") of every operation in the contract."""
    document: dict[str, Any] = yaml.safe_load(spec_path().read_text())
    return [
        (operation["tags"][0], operation["operationId"], operation["summary"], method + path)
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]


@pytest.fixture(scope="module")
def reference(chromium: Any) -> Iterator[OfflinePage]:
    """The reference, scrolled to the end the way a reader would (Redoc renders the
    sections as they come into view); one page for the tests that only read it."""
    with offline_page(chromium) as offline:
        yield _scrolled_to_the_end(offline)


def _scrolled_to_the_end(offline: OfflinePage) -> OfflinePage:
    page = offline.page
    page.goto(REFERENCE.as_uri())
    page.wait_for_selector('[data-component-name="Menu/MenuItem"]', state="attached")
    last = _operations()[-1]
    for _ in range(200):
        if page.locator(f'a[href$="#/{last[0]}/{last[1]}"]').count():
            break
        page.mouse.wheel(0, 2000)
        page.wait_for_timeout(50)
    return offline


def test_the_reference_needs_no_network(reference: OfflinePage) -> None:
    """Redoc's JavaScript is in the file: nothing is fetched from a CDN (or anywhere)."""
    assert reference.refused == []
    assert reference.errors == []


def test_the_reference_renders_every_operation(chromium: Any) -> None:
    """Each operation: its summary in the menu and a link to it, reached as a reader
    following a link would (Redoc renders sections lazily, as they come into view). A
    page of its own: following links moves it."""
    with offline_page(chromium) as offline:
        missing = _unreachable(_scrolled_to_the_end(offline).page)
    assert missing == []


def _unreachable(page: Any) -> list[str]:
    missing = []
    for tag, operation_id, summary, _ in _operations():
        link = page.locator(f'a[href$="#/{tag}/{operation_id}"]')
        if not link.count():
            page.evaluate(f"location.hash = '#/{tag}/{operation_id}'")
            with contextlib.suppress(PlaywrightTimeout):  # what stays missing is reported
                link.first.wait_for(state="attached", timeout=10_000)
        menu = page.locator("body").text_content() or ""
        if not link.count() or summary not in menu:
            missing.append(operation_id)
    return missing


def test_every_link_of_the_reference_stays_in_the_file_or_leaves_for_the_web(
    reference: OfflinePage,
) -> None:
    """From file://, a root-relative link (/endpoints) would be file:///endpoints."""
    page = reference.page
    hrefs: list[str] = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    inside = REFERENCE.as_uri() + "#"
    stray = [href for href in hrefs if not href.startswith((inside, "https://"))]
    assert stray == []


def test_a_sidebar_link_opens_its_section_in_the_file(offline: OfflinePage) -> None:
    page = _scrolled_to_the_end(offline).page
    tag = re.compile(r"^\s*endpoints\s*$")  # the tag itself, not an operation naming endpoints
    link = page.locator('[data-component-name="Menu/MenuItem"] a').filter(has_text=tag).first
    assert link.get_attribute("href") == "#/endpoints"
    section = page.locator('[data-section-id="/endpoints"]')
    # Away to the first tag: from the last (audit) the page cannot scroll past its end, and
    # the end of the tags before it (endpoints among them) can still show.
    page.locator('[data-component-name="Menu/MenuItem"] a[href="#/health"]').click()
    expect(section).not_to_be_in_viewport(timeout=60_000)
    link.click()
    # The section is in view (the URL is not waited for: Redoc's scroll spy may rename it
    # to an operation under the tag, or a neighbour's while a slow machine lays out).
    expect(section).to_be_in_viewport(timeout=60_000)
    assert page.get_by_text("SageMaker real-time endpoints serving model versions.").count()
