"""`mlm instance-types list`: what real-time endpoints accept, with GPUs and memory."""

from __future__ import annotations

from itertools import islice
from typing import Annotated

import typer

from .common import OutputOption, ProfileOption, client
from .exit_codes import handled
from .output import Column, Format, emit, field

app = typer.Typer(help="Instance types real-time endpoints accept.", no_args_is_help=True)

COLUMNS: list[Column] = [
    ("NAME", field("name")),
    ("FAMILY", field("family")),
    ("GPUS", field("gpu_count")),
    ("GPU", field("gpu_model")),
    ("GPU MEMORY GIB", field("gpu_memory_gib")),
    ("VCPUS", field("vcpus")),
    ("MEMORY GIB", field("memory_gib")),
]


@app.command("list")
@handled
def list_instance_types(
    accelerated: Annotated[
        bool | None,
        typer.Option(
            "--accelerated/--not-accelerated",
            help="Only with (or without) GPUs.",
            show_default=False,
        ),
    ] = None,
    family: Annotated[str | None, typer.Option(help="e.g. g5.")] = None,
    min_gpu_memory_gib: Annotated[
        float | None, typer.Option(help="At least this much GPU memory in all.")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
    profile: ProfileOption = None,
    output: OutputOption = Format.table,
) -> None:
    """List instance types (every page)."""
    with client(profile) as mlm:
        found = mlm.iter_instance_types(
            accelerated=accelerated, family=family, min_gpu_memory_gib=min_gpu_memory_gib
        )
        emit(list(islice(found, limit)), output, COLUMNS)
