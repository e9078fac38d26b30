"""Swagger UI at /v1/ui/ of a running `mlm serve`, in a browser with no network."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
import uvicorn

from mlm.app import create_app
from mlm.container import build_container
from mlm.settings import Settings
from tests.docs.conftest import OfflinePage
from tests.docs.test_reference import _operations
from tests.live_server import free_port
from tests.polling import poll


@pytest.fixture(scope="module")
def base_url(emulator_settings: Settings) -> Iterator[str]:
    """The app served over real HTTP (uvicorn, as `mlm serve` does) on a free port."""
    port = free_port()
    app = create_app(build_container(emulator_settings))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    poll(lambda: server.started, bool, "uvicorn to start")
    yield f"http://127.0.0.1:{port}/v1"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def swagger_ui(offline: OfflinePage, base_url: str) -> OfflinePage:
    offline.page.goto(f"{base_url}/ui/")
    offline.page.wait_for_selector(".opblock", timeout=30_000)
    return offline


def test_swagger_ui_needs_no_network(swagger_ui: OfflinePage) -> None:
    """Its JavaScript and styles come from this server (connexion's swagger_ui_bundle)."""
    assert swagger_ui.refused == []
    assert swagger_ui.errors == []


def test_swagger_ui_shows_every_operation(swagger_ui: OfflinePage) -> None:
    assert swagger_ui.page.locator(".opblock").count() == len(_operations())


def test_try_it_out_leaves_the_list_filters_empty(swagger_ui: OfflinePage) -> None:
    """A filter pre-filled from an example (task=text-generation) made a first try of
    GET /v1/models answer a filtered list."""
    page = swagger_ui.page
    operation = page.locator("#operations-models-list_models")
    operation.locator(".opblock-summary").click()
    operation.get_by_role("button", name="Try it out").click()
    filters = {
        name: operation.locator(f'tr[data-param-name="{name}"] input').input_value()
        for name in ("name_prefix", "task", "owner", "page_token")
    }
    assert filters == dict.fromkeys(filters, "")
