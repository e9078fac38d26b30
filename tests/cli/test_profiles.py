"""Profiles in the config file, and the environment's overrides (mlm_client/cli/config.py)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from mlm_client.cli import app
from typer.testing import CliRunner

EMPTY = {"MLM_URL": "", "MLM_API_KEY": "", "MLM_PROFILE": ""}


def show(runner: CliRunner, env: dict[str, str], *args: str) -> dict[str, str]:
    result = runner.invoke(app, ["profiles", "show", "-o", "json", *args], env=env)
    assert result.exit_code == 0, result.output
    shown: dict[str, str] = json.loads(result.stdout)
    return shown


def test_a_saved_profile_is_used_by_default(tmp_path: Path) -> None:
    runner, env = CliRunner(), {**EMPTY, "MLM_CONFIG": str(tmp_path / "c.toml")}
    set_ = [
        "profiles",
        "set",
        "staging",
        "--url",
        "http://mlm.test:8080",
        "--api-key",
        "k-12345678",
    ]
    assert runner.invoke(app, set_, env=env).exit_code == 0
    assert show(runner, env) == {
        "name": "staging",
        "url": "http://mlm.test:8080",
        "api_key": "…5678",
        "config": str(tmp_path / "c.toml"),
    }


def test_the_environment_overrides_the_profile(tmp_path: Path) -> None:
    runner, env = CliRunner(), {**EMPTY, "MLM_CONFIG": str(tmp_path / "c.toml")}
    runner.invoke(
        app, ["profiles", "set", "a", "--url", "http://a.test", "--api-key", "k"], env=env
    )
    shown = show(runner, {**env, "MLM_URL": "http://b.test"})
    assert shown["url"] == "http://b.test"


def test_profile_option_picks_another_profile(tmp_path: Path) -> None:
    runner, env = CliRunner(), {**EMPTY, "MLM_CONFIG": str(tmp_path / "c.toml")}
    runner.invoke(app, ["profiles", "set", "a", "--url", "http://a.test"], env=env)
    runner.invoke(app, ["profiles", "set", "b", "--url", "http://b.test"], env=env)
    assert show(runner, env, "--profile", "b")["url"] == "http://b.test"
    assert show(runner, env)["url"] == "http://a.test"


def test_an_unknown_profile_is_a_usage_error_naming_the_known_ones(tmp_path: Path) -> None:
    runner, env = CliRunner(), {**EMPTY, "MLM_CONFIG": str(tmp_path / "c.toml")}
    runner.invoke(app, ["profiles", "set", "a", "--url", "http://a.test"], env=env)
    result = runner.invoke(app, ["models", "list", "--profile", "nope"], env=env)
    assert result.exit_code == 2
    assert "profiles: a" in result.stderr


def test_the_config_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    CliRunner().invoke(
        app, ["profiles", "set", "a", "--api-key", "secret"], env={**EMPTY, "MLM_CONFIG": str(path)}
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
