"""The people's `mlm` against one live `mlm serve` (with the test hub) per module."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.live_server import LiveServer, live_server
from tests.packager.hub import demo_repos, serve_hub


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with serve_hub() as hub:
        for repo in demo_repos():
            hub.add(repo)
        with live_server(tmp_path_factory.mktemp("cli"), MLM_HF_ENDPOINT=hub.url) as running:
            yield running


@pytest.fixture
def env(server: LiveServer, tmp_path: Path) -> dict[str, str]:
    """The environment a person would set: where the API is, the key, a private config."""
    return {
        "MLM_URL": server.base_url,
        "MLM_API_KEY": server.api_key,
        "MLM_CONFIG": str(tmp_path / "config.toml"),
        "MLM_PROFILE": "",
        "COLUMNS": "200",  # rich folds table cells to the terminal width
    }


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def name() -> str:
    return f"cli-{uuid.uuid4().hex[:12]}"
