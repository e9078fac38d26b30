"""One live `mlm serve` per test module, and SDK clients pointed at it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from mlm_client import MLM

from tests.live_server import LiveServer, live_server

# The emulator's own lifecycle takes 0.2 s per transition here; poll a little faster.
POLL_SECONDS = 0.05
WAIT_TIMEOUT_SECONDS = 60.0


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with live_server(tmp_path_factory.mktemp("sdk")) as running:
        yield running


@pytest.fixture
def mlm(server: LiveServer) -> Iterator[MLM]:
    with MLM(server.base_url, server.api_key, poll_interval=POLL_SECONDS) as client:
        yield client


@pytest.fixture
def name() -> str:
    """A fresh resource name: tests in a module share one server and one tenant."""
    return f"sdk-{uuid.uuid4().hex[:12]}"
