"""The exit codes scripts rely on (mlm_client/cli/exit_codes.py), through the server
package's `mlm` (which mounts the people's commands), and that command's own behaviour."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from mlm.cli import app
from tests.live_server import MLM, free_port

pytestmark = pytest.mark.process


class Ran:
    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def run(env: dict[str, str], *args: str) -> Ran:
    """`mlm …` in this process (the real script starts in ≈2 s; see script() for that)."""
    result = CliRunner().invoke(app, list(args), env=env)
    return Ran(result.exit_code, result.stdout, result.stderr)


def script(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """The installed `mlm` console script itself."""
    return subprocess.run(
        [str(MLM), *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_success_exits_0(env: dict[str, str]) -> None:
    assert run(env, "models", "list", "-o", "json").returncode == 0


def test_a_wrong_command_line_exits_2(env: dict[str, str]) -> None:
    assert run(env, "endpoints", "get").returncode == 2


def test_a_request_the_server_refuses_as_invalid_exits_2(env: dict[str, str]) -> None:
    result = run(env, "models", "create", "Not A Valid Name!", "--metadata", "license=mit")
    assert result.returncode == 2
    assert "400" in result.stderr


def test_not_found_exits_3(env: dict[str, str], name: str) -> None:
    result = run(env, "models", "get", name)
    assert result.returncode == 3
    assert "MODEL_NOT_FOUND" in result.stderr


def test_conflict_exits_4(env: dict[str, str], name: str) -> None:
    assert run(env, "models", "create", name, "--metadata", "license=mit").returncode == 0
    result = run(env, "models", "create", name, "--metadata", "license=mit")
    assert result.returncode == 4


def test_a_wrong_api_key_exits_5(env: dict[str, str]) -> None:
    assert script({**env, "MLM_API_KEY": "not-a-key"}, "models", "list").returncode == 5


def test_an_unreachable_server_exits_6(env: dict[str, str]) -> None:
    unreachable = f"http://127.0.0.1:{free_port()}"
    result = run({**env, "MLM_URL": unreachable}, "models", "list")
    assert result.returncode == 6
    assert "cannot reach" in result.stderr


def test_serve_is_still_a_command_of_mlm() -> None:
    result = script({}, "serve", "--help")
    assert result.returncode == 0
    assert "--aws" in result.stdout


def test_the_shell_completion_script_is_offered(env: dict[str, str]) -> None:
    result = script(env, "--show-completion", "bash")
    assert result.returncode == 0
    assert "_MLM_COMPLETE" in result.stdout


def test_completion_knows_the_resource_groups(env: dict[str, str]) -> None:
    completion = {"_MLM_COMPLETE": "complete_bash", "COMP_WORDS": "mlm endp", "COMP_CWORD": "1"}
    result = script({**env, **completion})
    assert "endpoints" in result.stdout.split()


def test_the_sdk_alone_runs_the_commands_as_a_module(env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mlm_client.cli", "models", "list", "-o", "json"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert isinstance(json.loads(result.stdout), list)


def test_completion_offers_the_models_the_api_has(env: dict[str, str], name: str) -> None:
    assert run(env, "models", "create", name, "--metadata", "license=mit").returncode == 0
    words = f"mlm models get {name[:8]}"
    completion = {"_MLM_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": "3"}
    assert name in script({**env, **completion}).stdout.split()
