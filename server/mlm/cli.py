"""The ``mlm`` command: ``mlm serve`` runs the API (against the emulator unless --aws).

The server stack (connexion, uvicorn, the service container) is imported by ``serve`` alone: the
Batch job's ``mlm package`` starts without it (≈2 s and ≈35 MiB less).

The commands for people (``mlm models …``, ``mlm endpoints …``) live in the Python SDK's
package (``mlm_client.cli``, which talks to the API over HTTP only) and are mounted here when
it is installed (``pip install './clients/python[cli]'``; ``make run`` does); the packaging
image has no SDK and no such commands.
"""

from __future__ import annotations

import secrets
import sys
from collections.abc import Callable
from contextlib import ExitStack
from typing import Annotated

import typer
from pydantic import SecretStr
from rich.console import Console

from mlm.cli_package import package_command
from mlm.logs import configure_logging
from mlm.settings import Settings

app = typer.Typer(
    help="MLM — Model Lifecycle Management in front of AWS SageMaker.", no_args_is_help=True
)
console = Console(stderr=True)


@app.callback()
def main() -> None:
    """MLM command line."""


# The packaging job's entry point (AWS Batch runs `mlm package …`).
app.command("package")(package_command)


# The server's own commands; the Batch job and `serve` skip importing the SDK (≈0.7 s).
_SERVER_COMMANDS = frozenset({"package", "serve", "gc"})


def _mount_people_commands() -> None:
    if sys.argv[1:2] and sys.argv[1] in _SERVER_COMMANDS:
        return
    try:
        from mlm_client.cli import GROUPS
    except ImportError:  # the SDK (or its cli extra) is not installed: server commands only
        return
    for group, name in GROUPS:
        app.add_typer(group, name=name)


_mount_people_commands()


def _settings(aws: bool, host: str | None, port: int | None) -> Settings:
    overrides: dict[str, object] = {"mode": "aws"} if aws else {}
    if host is not None:
        overrides["host"] = host
    if port is not None:
        overrides["port"] = port
    # Validate the overrides like environment values (model_copy would not).
    return Settings(**overrides)  # type: ignore[arg-type]


_FLEET_EVENTS_POLL_SECONDS = 1.0


@app.command()
def gc(
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Only list what would be removed.")
    ] = False,
    aws: Annotated[
        bool, typer.Option("--aws", help="Sweep real AWS (the default credential chain).")
    ] = False,
) -> None:
    """Remove leftovers no endpoint uses (configs, models) and expired leases; print them."""
    import json

    from mlm.container import build_container

    settings = _settings(aws, None, None)
    configure_logging(settings.log_format, settings.log_level)
    if settings.mode == "emulator" and settings.aws_endpoint_url is None:
        console.print(
            "[red]The emulator's state lives inside `mlm serve`, whose janitor sweeps it "
            "every MLM_JANITOR_INTERVAL_SECONDS; use --aws (or MLM_AWS_ENDPOINT_URL).[/]"
        )
        raise typer.Exit(code=2)
    report = build_container(settings).janitor.sweep(dry_run=dry_run)
    typer.echo(json.dumps(report.to_api(), indent=2))
    if report.errors:
        raise typer.Exit(code=1)


@app.command()
def serve(
    aws: Annotated[
        bool, typer.Option("--aws", help="Use real AWS instead of the emulator.")
    ] = False,
    host: Annotated[str | None, typer.Option(help="Interface to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
) -> None:
    """Serve the REST API (docs at /v1/ui)."""
    import uvicorn

    from mlm.app import create_app
    from mlm.container import build_container

    settings = _settings(aws, host, port)
    configure_logging(settings.log_format, settings.log_level)
    with ExitStack() as cleanup:
        if settings.mode == "emulator":
            from mlm.emulator.server import start_emulator

            if settings.dev_api_key is None:
                settings = settings.model_copy(
                    update={"dev_api_key": SecretStr(secrets.token_urlsafe(24))}
                )
            emulator, settings = start_emulator(settings)
            cleanup.callback(emulator.stop)
            console.print(
                f"[bold]Emulated AWS[/] at {emulator.url} (region {settings.region}; "
                "state is in memory and lost on exit)",
                soft_wrap=True,
            )
        # Settings were copied after first use: recompute the cached key table.
        settings.__dict__.pop("keys_by_hash", None)
        if not settings.keys_by_hash:
            console.print("[red]No API keys configured (MLM_API_KEYS): refusing to start.[/]")
            raise typer.Exit(code=2)
        container = build_container(settings)
        api = create_app(container)
        from mlm.schedule import PeriodicTask

        tasks: list[tuple[str, float, Callable[[], object]]] = [
            ("janitor", settings.janitor_interval_seconds, container.janitor.sweep),
            # The fleet index: SageMaker's state-change events as they come, and a
            # reconciliation against ListEndpoints for any event lost.
            ("fleet-reconciler", settings.fleet_reconcile_seconds, container.reconciler.run),
        ]
        if settings.fleet_events_queue:
            tasks.append(("fleet-events", _FLEET_EVENTS_POLL_SECONDS, container.fleet_events.drain))
        for name, interval, run in tasks:
            if interval > 0:
                task = PeriodicTask(name, interval, run)
                task.start()
                cleanup.callback(task.stop)
        base = f"http://{settings.host}:{settings.port}/v1"
        console.print(f"[bold]MLM API[/] at {base}  docs: {base}/ui/", soft_wrap=True)
        if settings.mode == "emulator" and settings.dev_api_key is not None:
            key = settings.dev_api_key.get_secret_value()
            # Printed on purpose: the dev key only opens this local emulator.
            console.print(
                f"[bold]Dev API key[/] (tenant '{settings.dev_tenant}', admin): {key}\n"
                f"  export MLM_API_KEY={key}",
                soft_wrap=True,
            )
        uvicorn.run(api, host=settings.host, port=settings.port, log_level="warning")
