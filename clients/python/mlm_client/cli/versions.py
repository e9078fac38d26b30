"""`mlm versions …`: a model's immutable versions, and approving or rejecting them."""

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

app = typer.Typer(help="Model versions (SageMaker model packages).", no_args_is_help=True)

COLUMNS: list[Column] = [
    ("MODEL", field("model_name")),
    ("VERSION", field("version")),
    ("STATUS", field("status")),
    ("APPROVAL", field("approval_status")),
    ("IMAGE", field("container", "image")),
    ("DEPLOYED TO", field("deployed_to")),
    ("CREATED", field("created_at")),
]
Model = Annotated[str, typer.Argument(help="The model's name.", autocompletion=complete_models)]
Version = Annotated[int, typer.Argument(help="The version number.")]
Note = Annotated[str | None, typer.Option(help="Why (kept with the version).")]


@app.command("list")
@handled
def list_versions(
    model: Model,
    approval_status: Annotated[
        str | None, typer.Option(help="pending_manual_approval, approved or rejected.")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
    profile: ProfileOption = None,
    output: OutputOption = Format.table,
) -> None:
    """List a model's versions (every page)."""
    with client(profile) as mlm:
        found = list(islice(mlm.iter_model_versions(model, approval_status=approval_status), limit))
    emit(found, output, COLUMNS)


@app.command("get")
@handled
def get_version(
    model: Model,
    version: Version,
    profile: ProfileOption = None,
    output: OutputOption = Format.table,
) -> None:
    """Show one version."""
    with client(profile) as mlm:
        emit(mlm.get_model_version(model, version), output)


@app.command("create")
@handled
def create_version(
    model: Model,
    image: Annotated[str | None, typer.Option(help="The serving container image.")] = None,
    env: PairsOption = None,
    artifact_uri: Annotated[str | None, typer.Option(help="s3://… of the model files.")] = None,
    artifact_format: Annotated[str | None, typer.Option(help="s3_prefix or tar_gz.")] = None,
    description: Annotated[str | None, typer.Option()] = None,
    metadata: PairsOption = None,
    file: FileOption = None,
    profile: ProfileOption = None,
    output: OutputOption = Format.table,
) -> None:
    """Register the next version of a model: its container (--image, --env K=V) and artifact."""
    body = body_from(file)
    container = body.get("container", {}) | given(image=image, environment=pairs(env, "--env"))
    artifact = body.get("artifact", {}) | given(uri=artifact_uri, format=artifact_format)
    body |= given(
        container=container or None,
        artifact=artifact or None,
        description=description,
        metadata=pairs(metadata, "--metadata"),
    )
    with client(profile) as mlm:
        emit(mlm.create_model_version(model, body), output)


@app.command("update")
@handled
def update_version(
    model: Model,
    version: Version,
    description: Annotated[str | None, typer.Option()] = None,
    metadata: PairsOption = None,
    file: FileOption = None,
    profile: ProfileOption = None,
    output: OutputOption = Format.table,
) -> None:
    """Change a version's description or metadata."""
    patch = body_from(file) | given(description=description, metadata=pairs(metadata, "--metadata"))
    with client(profile) as mlm:
        emit(mlm.update_model_version(model, version, patch), output)


@app.command("approve")
@handled
def approve_version(
    model: Model,
    version: Version,
    note: Note = None,
    profile: ProfileOption = None,
    output: OutputOption = Format.table,
) -> None:
    """Approve a version for deployment (role: admin)."""
    with client(profile) as mlm:
        patch = given(approval_status="approved", approval_note=note)
        emit(mlm.update_model_version(model, version, patch), output)


@app.command("reject")
@handled
def reject_version(
    model: Model,
    version: Version,
    note: Note = None,
    profile: ProfileOption = None,
    output: OutputOption = Format.table,
) -> None:
    """Reject a version (role: admin)."""
    with client(profile) as mlm:
        patch = given(approval_status="rejected", approval_note=note)
        emit(mlm.update_model_version(model, version, patch), output)


@app.command("delete")
@handled
def delete_version(model: Model, version: Version, profile: ProfileOption = None) -> None:
    """Delete a version (not while deployed)."""
    with client(profile) as mlm:
        mlm.delete_model_version(model, version)
    typer.echo(f"deleted {model} version {version}", err=True)
