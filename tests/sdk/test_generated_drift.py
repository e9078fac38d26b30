"""scripts/check_generated.sh names a stale artifact, and generate.sh mends it.

(That the committed artifacts match the spec is `make check-generated`, run by `make test`.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).parents[2]
GENERATED = "clients/python/mlm_client/_generated"
# What the generator scripts read: a copy of these is a repository they can run in.
INPUTS = [
    "scripts",
    "spec",
    "clients/python/openapi-python-client.yaml",
    GENERATED,
    # The sync client is generated from the async one, formatted with the SDK's ruff settings.
    "clients/python/pyproject.toml",
    "clients/python/mlm_client/async_client.py",
    "clients/python/mlm_client/sync_client.py",
]


def copy_of_repo(tmp_path: Path) -> Path:
    for relative in INPUTS:
        source, target = REPO / relative, tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    return tmp_path


def run(script: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MLM_VENV_BIN": str(Path(sys.executable).parent)}
    return subprocess.run(
        ["bash", str(script)], env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_a_changed_description_fails_naming_the_stale_client(tmp_path: Path) -> None:
    repo = copy_of_repo(tmp_path)
    spec = repo / "spec" / "openapi.yaml"
    spec.write_text(spec.read_text().replace("summary: Get a model\n", "summary: Read a model\n"))
    result = run(repo / "scripts" / "check_generated.sh")
    assert result.returncode == 1
    assert f"STALE: {GENERATED}" in result.stderr
    assert "run make generate" in result.stderr.lower()


def test_generate_makes_the_check_pass_again(tmp_path: Path) -> None:
    repo = copy_of_repo(tmp_path)
    spec = repo / "spec" / "openapi.yaml"
    spec.write_text(spec.read_text().replace("summary: Get a model\n", "summary: Read a model\n"))
    assert run(repo / "scripts" / "generate.sh").returncode == 0
    result = run(repo / "scripts" / "check_generated.sh")
    assert result.returncode == 0, result.stderr
