"""Profiles: where the API is and which key to send, from a config file and the environment.

The file is TOML at `$MLM_CONFIG`, else `$XDG_CONFIG_HOME/mlm/config.toml`, else
`~/.config/mlm/config.toml`:

    default_profile = "local"

    [profiles.local]
    url = "http://127.0.0.1:8080"
    api_key = "…"

The profile is `--profile`, else `$MLM_PROFILE`, else `default_profile`; `$MLM_URL` and
`$MLM_API_KEY` override what it says. The file holds keys: it is written owner-only (0600).
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .exit_codes import UsageProblem

DEFAULT_URL = "http://127.0.0.1:8080"
DEFAULT_PROFILE = "default"


@dataclass(frozen=True)
class Profile:
    name: str
    url: str
    api_key: str | None


def config_path() -> Path:
    explicit = os.environ.get("MLM_CONFIG")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "mlm" / "config.toml"


def load() -> dict[str, Any]:
    path = config_path()
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as error:
        raise UsageProblem(f"{path} is not valid TOML: {error}") from error


def resolve(profile: str | None) -> Profile:
    """The profile to use, with the environment's overrides applied."""
    config = load()
    profiles: dict[str, Any] = config.get("profiles", {})
    name = profile or os.environ.get("MLM_PROFILE") or config.get("default_profile")
    if name is not None and name not in profiles and (profile or os.environ.get("MLM_PROFILE")):
        known = ", ".join(sorted(profiles)) or "none yet"
        raise UsageProblem(
            f"no profile {name!r} in {config_path()} (profiles: {known}); "
            f"add it with `mlm profiles set {name} --url … --api-key …`"
        )
    entry: dict[str, Any] = profiles.get(name or DEFAULT_PROFILE, {})
    return Profile(
        name=name or DEFAULT_PROFILE,
        url=os.environ.get("MLM_URL") or entry.get("url") or DEFAULT_URL,
        api_key=os.environ.get("MLM_API_KEY") or entry.get("api_key"),
    )


def save_profile(name: str, url: str, api_key: str | None, *, make_default: bool) -> Path:
    config = load()
    profiles: dict[str, Any] = config.setdefault("profiles", {})
    entry = {"url": url} if api_key is None else {"url": url, "api_key": api_key}
    profiles[name] = entry
    if make_default or "default_profile" not in config:
        config["default_profile"] = name
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Created owner-only before anything is written: the file holds API keys.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(_toml(config))
    os.chmod(path, 0o600)
    return path


def _toml(config: dict[str, Any]) -> str:
    # Strings only (JSON string escapes are valid TOML basic strings): all a profile has.
    lines = []
    if "default_profile" in config:
        lines.append(f"default_profile = {json.dumps(config['default_profile'])}")
    for name, entry in sorted(config.get("profiles", {}).items()):
        lines.append(f"\n[profiles.{json.dumps(name)}]")
        lines.extend(f"{key} = {json.dumps(str(value))}" for key, value in entry.items())
    return "\n".join(lines) + "\n"
