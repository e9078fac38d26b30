"""The README's curl walk-through, pasted as written, works end to end."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import boto3
import pytest

from tests.live_server import live_server

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
