"""The ``mlm`` command: ``mlm serve`` runs the API (against the emulator unless --aws)."""

from __future__ import annotations

import secrets
from typing import Annotated

import typer
import uvicorn
from pydantic import SecretStr
from rich.console import Console

from mlm.app import create_app
from mlm.logs import configure_logging
from mlm.runtime import build_runtime
from mlm.settings import Settings

app = typer.Typer(
    help="MLM — Model Lifecycle Management in front of AWS SageMaker.", no_args_is_help=True
)
console = Console(stderr=True)


@app.callback()
def main() -> None:
    """MLM command line."""


@app.command()
def serve(
    aws: Annotated[
        bool, typer.Option("--aws", help="Use real AWS instead of the emulator.")
    ] = False,
    host: Annotated[str | None, typer.Option(help="Interface to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
) -> None:
    """Serve the REST API (docs at /v1/ui)."""
    settings = Settings()
    overrides: dict[str, object] = {}
    if aws:
        overrides["mode"] = "aws"
    if host is not None:
        overrides["host"] = host
    if port is not None:
        overrides["port"] = port
    settings = settings.model_copy(update=overrides)
    configure_logging(settings.log_format, settings.log_level)
    generated_key = None
    if settings.mode == "emulator":
        from mlm.emulator.server import start_emulator

        if settings.dev_api_key is None:
            generated_key = secrets.token_urlsafe(24)
            settings = settings.model_copy(update={"dev_api_key": SecretStr(generated_key)})
        emulator, settings = start_emulator(settings)
        console.print(
            f"[bold]Emulated AWS[/] at {emulator.url} (region {settings.region}; "
            "state is in memory and lost on exit)"
        )
    elif not settings.keys_by_hash:
        console.print(
            "[red]No API keys configured (MLM_API_KEYS): every request would be refused.[/]"
        )
        raise typer.Exit(code=2)
    # Settings were copied after first use: recompute the cached key table.
    settings.__dict__.pop("keys_by_hash", None)
    runtime = build_runtime(settings)
    base = f"http://{settings.host}:{settings.port}/v1"
    console.print(f"[bold]MLM API[/] at {base}  docs: {base}/ui")
    if settings.mode == "emulator":
        key = generated_key or (
            settings.dev_api_key.get_secret_value() if settings.dev_api_key else ""
        )
        # The dev key is printed once, on purpose: it only opens the local emulator.
        console.print(f"[bold]Dev API key[/] (tenant '{settings.dev_tenant}', admin): {key}")
        console.print(f"  export MLM_API_KEY={key}")
    uvicorn.run(
        create_app(runtime),
        host=settings.host,
        port=settings.port,
        log_level="warning",
        access_log=False,
    )
