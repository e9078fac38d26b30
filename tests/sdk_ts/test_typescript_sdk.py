"""The TypeScript SDK (clients/typescript): compiled with tsc --strict, and its node:test
suite run against a live `mlm serve`."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.live_server import live_server
from tests.packager.hub import demo_repos, serve_hub

REPO = Path(__file__).resolve().parents[2]
SDK = REPO / "clients" / "typescript"
# Every test in clients/typescript/test/*.test.ts; raise it when adding one there.
EXPECTED_PASSING = 35
COMMAND_TIMEOUT_SECONDS = 300


def run(command: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT_SECONDS,
        check=False,
    )


def tap_count(output: str, name: str) -> int:
    """A count from node's TAP summary (``# pass 22``); -1 when the line is missing."""
    match = re.search(rf"^# {name} (\d+)$", output, re.MULTILINE)
    return int(match.group(1)) if match else -1


@pytest.fixture(scope="module")
def compiled() -> Path:
    """The SDK and its tests compiled to clients/typescript/dist."""
    result = run(["npx", "--no-install", "tsc", "-p", str(SDK)])
    assert result.returncode == 0, f"tsc failed:\n{result.stdout}{result.stderr}"
    return SDK / "dist"


def test_sdk_compiles_with_browser_types_only() -> None:
    # src/ without Node's types: a Node-only import or global in the library fails here.
    result = run(["npx", "--no-install", "tsc", "-p", str(SDK / "tsconfig.lib.json")])
    assert result.returncode == 0, f"tsc failed:\n{result.stdout}{result.stderr}"


def test_node_test_suite_passes_against_a_live_server(compiled: Path, tmp_path: Path) -> None:
    test_files = sorted(str(path) for path in (compiled / "test").glob("*.test.js"))
    # The test hub serves the models the packaging tests package (no network needed).
    with serve_hub() as hub, live_server(tmp_path, MLM_HF_ENDPOINT=hub.url) as server:
        for repo in demo_repos():
            hub.add(repo)
        result = run(
            ["node", "--test", "--test-reporter=tap", *test_files],
            env={"MLM_BASE_URL": server.base_url, "MLM_API_KEY": server.api_key},
        )
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"node --test failed:\n{output}"
    assert tap_count(output, "fail") == 0, output
    assert tap_count(output, "pass") >= EXPECTED_PASSING, output
