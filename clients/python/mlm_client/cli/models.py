"""`mlm models …`: register, list, read, change and delete models."""

from __future__ import annotations

from itertools import islice
from typing import Annotated

import typer

from .common import (
    FileOption,
    OutputOption,
    PairsOption,
    ProfileOption,
    body_from,
    client,
    complete_models,
    given,
    pairs,
)
from .exit_codes import handled
from .output import Column, Format, emit, field

app = typer.Typer(
    help="Models: named groups of versions (SageMaker model package groups).", no_args_is_help=True
)

COLUMNS: list[Column] = [
    ("NAME", field("name")),
    ("TASK", field("task")),
    ("OWNER", field("owner")),
    ("LATEST", field("latest_version")),
    ("VERSIONS", field("version_count")),
    ("CREATED", field("created_at")),
]
Name = Annotated[str, typer.Argument(help="The model's name.", autocompletion=complete_models)]
Limit = Annotated[int | None, typer.Option(help="Show at most this many.", show_default=False)]


@app.command("list")
@handled
def list_models(
    name_prefix: Annotated[str | None, typer.Option(help="Only names starting so.")] = None,
    task: Annotated[str | None, typer.Option(help="Only this task.")] = None,
    owner: Annotated[str | None, typer.Option(help="Only this owner.")] = None,
    limit: Limit = None,
    profile: ProfileOption = None,
    output: OutputOption = Format.table,
) -> None:
    """List models (every page)."""
    with client(profile) as mlm:
        found = list(
            islice(mlm.iter_models(name_prefix=name_prefix, task=task, owner=owner), limit)
        )
    emit(found, output, COLUMNS)


@app.command("get")
@handled
def get_model(
    name: Name, profile: ProfileOption = None, output: OutputOption = Format.table
) -> None:
    """Show one model."""
    with client(profile) as mlm:
        emit(mlm.get_model(name), output)


@app.command("create")
@handled
def create_model(
    name: Name,
    task: Annotated[str | None, typer.Option(help="e.g. text-generation.")] = None,
    owner: Annotated[str | None, typer.Option(help="Who answers for it.")] = None,
    description: Annotated[str | None, typer.Option()] = None,
    metadata: PairsOption = None,
    tag: PairsOption = None,
    file: FileOption = None,
    profile: ProfileOption = None,
    output: OutputOption = Format.table,
) -> None:
    """Register a model (`--metadata license=apache-2.0`: the server requires license)."""
    body = body_from(file) | given(
        name=name,
        task=task,
        owner=owner,
        description=description,
        metadata=pairs(metadata, "--metadata"),
        tags=pairs(tag, "--tag"),
    )
    with client(profile) as mlm:
        emit(mlm.create_model(body), output)


@app.command("update")
@handled
def update_model(
    name: Name,
    task: Annotated[str | None, typer.Option()] = None,
    owner: Annotated[str | None, typer.Option()] = None,
    description: Annotated[str | None, typer.Option()] = None,
    metadata: PairsOption = None,
    tag: PairsOption = None,
    file: FileOption = None,
    profile: ProfileOption = None,
    output: OutputOption = Format.table,
) -> None:
    """Change a model's fields (metadata and tags are merged key by key)."""
    patch = body_from(file) | given(
        task=task,
        owner=owner,
        description=description,
        metadata=pairs(metadata, "--metadata"),
        tags=pairs(tag, "--tag"),
    )
    with client(profile) as mlm:
        emit(mlm.update_model(name, patch), output)


@app.command("delete")
@handled
def delete_model(
    name: Name,
    force: Annotated[
        bool, typer.Option("--force", help="Also delete its versions (none may be deployed).")
    ] = False,
    profile: ProfileOption = None,
) -> None:
    """Delete a model."""
    with client(profile) as mlm:
        mlm.delete_model(name, force=force)
    typer.echo(f"deleted model {name}", err=True)
