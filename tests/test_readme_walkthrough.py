"""The README's walk-throughs (curl, the `mlm` command line) and SDK snippets, pasted as
written, work end to end."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import boto3
import pytest

from tests.live_server import live_server
from tests.packager.hub import demo_repos, serve_hub

README = Path(__file__).parents[1] / "README.md"


def walkthrough_script() -> str:
    text = README.read_text()
    block = re.search(
        r"<!-- walkthrough:start -->\n```bash\n(.*?)```\n<!-- walkthrough:end -->", text, re.S
    )
    assert block, "README.md lost its walk-through block"
    return block.group(1)


@pytest.mark.process
def test_readme_walkthrough_runs_end_to_end_and_leaves_nothing_behind(tmp_path: Path) -> None:
    with live_server(tmp_path) as server:
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", walkthrough_script()],
            env={**os.environ, "MLM": server.base_url, "MLM_API_KEY": server.api_key},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert "model deleted" in result.stdout
        emulator_url = re.search(r"Emulated AWS at (http://\S+)", server.output())
        assert emulator_url, server.output()
        sagemaker = boto3.client(
            "sagemaker",
            region_name="us-east-1",
            endpoint_url=emulator_url.group(1),
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        assert sagemaker.list_endpoints()["Endpoints"] == []
        assert sagemaker.list_endpoint_configs()["EndpointConfigs"] == []
        assert sagemaker.list_models()["Models"] == []


def readme_block(start: str, end: str | None = None, lang: str = "bash") -> str:
    text = README.read_text()
    pattern = rf"{re.escape(start)}\n```{lang}\n(.*?)```\n" + (re.escape(end) if end else "")
    block = re.search(pattern, text, re.S)
    assert block, f"README.md lost its block after {start}"
    return block.group(1)


def python_sdk_snippets() -> list[str]:
    text = README.read_text()
    section = re.search(r"<!-- python-sdk:start -->\n(.*?)<!-- python-sdk:end -->", text, re.S)
    assert section, "README.md lost its Python SDK snippets"
    snippets = re.findall(r"```python\n(.*?)```", section.group(1), re.S)
    assert len(snippets) == 3, snippets
    return snippets


def run_snippet(command: list[str], server_url: str, api_key: str, **env: str) -> str:
    result = subprocess.run(
        command,
        env={**os.environ, "MLM_URL": server_url, "MLM_API_KEY": api_key, **env},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.mark.process
def test_readme_autoscaling_loop_scales_out_under_load_and_back_in_after(tmp_path: Path) -> None:
    script = readme_block("<!-- autoscaling:start -->", "<!-- autoscaling:end -->")
    # A 3 s emulator minute: the loop's back-to-back requests reach 20 a "minute" even on a
    # busy CI machine, and scaling in (15 quiet minutes) takes under a minute.
    with live_server(tmp_path, MLM_EMULATOR_MINUTE_SECONDS="3") as server:
        output = run_snippet(
            ["bash", "-euo", "pipefail", "-c", script],
            server.base_url,
            server.api_key,
            MLM=server.base_url,
        )
    out = re.search(r"scaled out to (\d+) instances", output)
    assert out, output
    assert 2 <= int(out.group(1)) <= 4
    assert "AlarmHigh" in output  # the activity's cause: the policy's high alarm
    assert "scaled back in to 1 instance" in output
    assert "model deleted" in output


@pytest.mark.process
def test_readme_rollouts_roll_a_faulty_canary_back_and_take_a_good_one_through(
    tmp_path: Path,
) -> None:
    script = readme_block("<!-- rollouts:start -->", "<!-- rollouts:end -->")
    # A 2 s emulator minute: each 60 s bake lasts 2 s.
    with live_server(tmp_path, MLM_EMULATOR_MINUTE_SECONDS="2") as server:
        output = run_snippet(
            ["bash", "-euo", "pipefail", "-c", script],
            server.base_url,
            server.api_key,
            MLM=server.base_url,
        )
    back = re.search(r"back on version 1: Deployment rolled back: alarm \S+error_rate_5xx", output)
    assert back, output
    assert "Step 1 of 2: 50% of traffic on the new fleet; baking until" in output
    assert "now on version 3" in output
    assert "model deleted" in output


@pytest.mark.process
def test_readme_cli_walkthrough_runs_end_to_end(tmp_path: Path) -> None:
    script = readme_block("<!-- cli-walkthrough:start -->", "<!-- cli-walkthrough:end -->")
    bin_dir = str(Path(sys.executable).parent)  # where `make run` puts `mlm`
    with live_server(tmp_path) as server:
        output = run_snippet(
            ["bash", "-euo", "pipefail", "-c", script],
            server.base_url,
            server.api_key,
            PATH=f"{bin_dir}:{os.environ['PATH']}",
            MLM_CONFIG=str(tmp_path / "config.toml"),
            COLUMNS="200",
        )
    assert "support-chat" in output
    assert '"metric": "invocations"' in output


@pytest.mark.process
def test_readme_python_sdk_snippets_run_in_order(tmp_path: Path) -> None:
    with serve_hub() as hub:
        for repo in demo_repos():
            hub.add(repo)
        with live_server(tmp_path, MLM_HF_ENDPOINT=hub.url) as server:
            outputs = [
                run_snippet([sys.executable, "-c", snippet], server.base_url, server.api_key)
                for snippet in python_sdk_snippets()
            ]
    assert outputs[0].startswith("in_service [1]")
    assert "primary" in outputs[1]
    assert "version 1" in outputs[2]


@pytest.mark.process
def test_readme_typescript_snippet_compiles_and_runs(tmp_path: Path) -> None:
    repo = README.parent
    sdk = repo / "clients" / "typescript"
    tsc = repo / "node_modules" / ".bin" / "tsc"
    built = subprocess.run([str(tsc), "-p", str(sdk)], capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stdout + built.stderr
    # The snippet imports '@mlm/client' as an app would: a package folder that links the SDK.
    (tmp_path / "node_modules" / "@mlm").mkdir(parents=True)
    (tmp_path / "node_modules" / "@mlm" / "client").symlink_to(sdk)
    (tmp_path / "package.json").write_text('{"type": "module"}')
    (tmp_path / "snippet.ts").write_text(readme_block("<!-- typescript-sdk -->", lang="ts"))
    compiled = subprocess.run(
        [
            str(tsc), "--strict", "--target", "ES2022", "--module", "NodeNext",
            "--moduleResolution", "NodeNext", "--skipLibCheck", "--types", "node",
            "--typeRoots", str(repo / "node_modules" / "@types"), str(tmp_path / "snippet.ts"),
        ],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    with serve_hub() as hub:
        for repo_files in demo_repos():
            hub.add(repo_files)
        with live_server(tmp_path, MLM_HF_ENDPOINT=hub.url) as server:
            output = run_snippet(
                ["node", str(tmp_path / "snippet.js")], server.base_url, server.api_key
            )
    assert "in_service" in output
    assert "version 2" in output  # the endpoint's model had version 1 already
