"""`mlm profiles …`: where the API is and which key to send, kept in the config file."""

from __future__ import annotations

from typing import Annotated

import typer

from . import config
from .common import OutputOption, ProfileOption
from .exit_codes import handled
from .output import Format, emit

app = typer.Typer(help="Profiles: the API's URL and key, in the config file.", no_args_is_help=True)


def _masked(key: str | None) -> str | None:
    return None if key is None else f"…{key[-4:]}" if len(key) > 8 else "…"


@app.command("set")
@handled
def set_profile(
    name: Annotated[str, typer.Argument(help="The profile's name.")],
    url: Annotated[
        str, typer.Option(help="The server, e.g. http://127.0.0.1:8080.")
    ] = config.DEFAULT_URL,
    api_key: Annotated[
        str | None, typer.Option(help="The API key (stored owner-only).", show_default=False)
    ] = None,
    default: Annotated[
        bool, typer.Option("--default", help="Make it the default profile.")
    ] = False,
) -> None:
    """Add or replace a profile."""
    path = config.save_profile(name, url, api_key, make_default=default)
    typer.echo(f"profile {name} saved in {path}", err=True)


@app.command("list")
@handled
def list_profiles(output: OutputOption = Format.table) -> None:
    """The profiles in the config file (keys shown by their last characters)."""
    loaded = config.load()
    default = loaded.get("default_profile")
    rows = [
        {
            "name": name,
            "default": name == default,
            "url": entry.get("url"),
            "api_key": _masked(entry.get("api_key")),
        }
        for name, entry in sorted(loaded.get("profiles", {}).items())
    ]
    emit(rows, output)  # type: ignore[arg-type]


@app.command("show")
@handled
def show_profile(profile: ProfileOption = None, output: OutputOption = Format.table) -> None:
    """The profile a command would use now, with $MLM_URL and $MLM_API_KEY applied."""
    chosen = config.resolve(profile)
    emit(
        {
            "name": chosen.name,
            "url": chosen.url,
            "api_key": _masked(chosen.api_key),
            "config": str(config.config_path()),
        },
        output,
    )
