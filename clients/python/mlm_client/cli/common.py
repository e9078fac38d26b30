"""What every command shares: the options, the client a profile makes, request bodies."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml

from ..sync_client import MLM
from . import config
from .exit_codes import UsageProblem
from .output import Format

ProfileOption = Annotated[
    str | None,
    typer.Option(
        "--profile",
        "-p",
        help="Profile in the config file (default: $MLM_PROFILE, else its default_profile).",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Format, typer.Option("--output", "-o", help="table for people; json or yaml for scripts.")
]
FileOption = Annotated[
    Path | None,
    typer.Option(
        "--file",
        "-f",
        help="The request body as JSON or YAML ('-' reads stdin); options given beside it win.",
        show_default=False,
    ),
]
WaitOption = Annotated[
    bool, typer.Option("--wait", "-w", help="Wait until done, showing progress on stderr.")
]
TimeoutOption = Annotated[float, typer.Option(help="Seconds --wait waits at most.")]
PairsOption = Annotated[list[str] | None, typer.Option(metavar="KEY=VALUE", show_default=False)]


def client(profile: str | None) -> MLM:
    chosen = config.resolve(profile)
    return MLM(chosen.url, chosen.api_key, poll_interval=1.0)


def body_from(file: Path | None) -> dict[str, Any]:
    if file is None:
        return {}
    text = sys.stdin.read() if str(file) == "-" else _read(file)
    try:
        loaded = yaml.safe_load(text)  # JSON is YAML too
    except yaml.YAMLError as error:
        raise UsageProblem(f"{file}: neither JSON nor YAML: {error}") from error
    if not isinstance(loaded, dict):
        raise UsageProblem(f"{file}: the body must be an object")
    return loaded


def pairs(values: list[str] | None, option: str) -> dict[str, str] | None:
    """`KEY=VALUE` options as a mapping; None when none was given."""
    if not values:
        return None
    mapping: dict[str, str] = {}
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep or not key:
            raise UsageProblem(f"{option} takes KEY=VALUE, not {value!r}")
        mapping[key] = rest
    return mapping


def given(**fields: Any) -> dict[str, Any]:
    """The fields whose option was given (not None)."""
    return {key: value for key, value in fields.items() if value is not None}


def json_text(value: str) -> Any:
    try:
        return json.loads(value)
    except json.JSONDecodeError as error:
        raise UsageProblem(f"not JSON: {error}") from error


def _read(file: Path) -> str:
    try:
        return file.read_text()
    except OSError as error:
        raise UsageProblem(f"cannot read {file}: {error.strerror}") from error


def _complete(list_names: str) -> Any:
    """Shell completion of resource names from the API (nothing when it cannot answer)."""

    def complete(incomplete: str) -> list[str]:
        try:
            with client(None) as mlm:
                items = getattr(mlm, list_names)(page_size=100).items
        except Exception:  # completion must never break the shell: offer nothing
            return []
        return [item.name for item in items if item.name.startswith(incomplete)]

    return complete


complete_models = _complete("list_models")
complete_endpoints = _complete("list_endpoints")
