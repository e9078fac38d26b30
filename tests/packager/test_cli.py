"""`mlm package`: result JSON on stdout, progress on stderr, exit codes."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from typer.testing import CliRunner

from mlm.cli import app
from mlm.cli_package import _print_progress
from mlm.packager import Phase, Progress
from mlm.settings import Settings
from tests.packager.hub import Hub, Repo
from tests.packager.models import LLAMA, tiny_llm_files


@pytest.fixture
def env(emulator_settings: Settings, hub: Hub) -> dict[str, str]:
    return {"MLM_AWS_ENDPOINT_URL": str(emulator_settings.aws_endpoint_url), "HF_ENDPOINT": hub.url}


def _run(env: dict[str, str], *args: str) -> Any:
    return CliRunner().invoke(app, ["package", *args], env=env)


def test_package_prints_the_result_and_exits_0(
    hub: Hub, repo_id: str, env: dict[str, str], output_uri: str, keys: Any
) -> None:
    hub.add(Repo(repo_id, tiny_llm_files(LLAMA)))

    done = _run(
        env,
        "--model-id",
        repo_id,
        "--output-uri",
        output_uri,
        "--tenant",
        keys.tenant,
        "--model-name",
        "tiny",
    )

    assert done.exit_code == 0, done.output
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["artifact_uri"] == output_uri + "model/"
    assert '"phase": "done"' in done.stderr


def test_package_failure_prints_code_and_reason_and_exits_1(
    env: dict[str, str], output_uri: str, keys: Any
) -> None:
    done = _run(
        env,
        "--model-id",
        "acme/missing",
        "--output-uri",
        output_uri,
        "--tenant",
        keys.tenant,
        "--model-name",
        "tiny",
    )

    assert done.exit_code == 1
    assert json.loads(done.stdout.strip().splitlines()[-1])["code"] == "SOURCE_NOT_FOUND"


def test_package_needs_exactly_one_source(env: dict[str, str], output_uri: str) -> None:
    done = _run(env, "--output-uri", output_uri, "--tenant", "t", "--model-name", "m")

    assert done.exit_code == 2


def test_progress_reports_from_many_threads_keep_one_json_object_a_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    report = Progress(Phase.UPLOADING, 100, 50, 4, 2)

    def burst() -> None:
        for _ in range(1000):
            _print_progress(report)

    with ThreadPoolExecutor(max_workers=8) as pool:
        for _ in range(8):
            pool.submit(burst)

    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 8 * 1000
    assert all(json.loads(line)["progress"]["phase"] == "uploading" for line in lines)
