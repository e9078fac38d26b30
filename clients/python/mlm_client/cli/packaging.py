"""`mlm packaging-jobs …`: package a Hugging Face model on AWS Batch, follow it, cancel it."""

from __future__ import annotations

from itertools import islice
from typing import Annotated

import typer

from .common import (
    FileOption,
    OutputOption,
    ProfileOption,
    TimeoutOption,
    WaitOption,
    body_from,
    client,
    given,
)
from .exit_codes import UsageProblem, handled
from .output import Column, Format, emit, field
from .progress import wait_for_packaging_job

app = typer.Typer(
    help="Packaging jobs: a model id in, a deployable S3 artifact and a version out.",
    no_args_is_help=True,
)

COLUMNS: list[Column] = [
    ("JOB", field("job_id")),
    ("MODEL", field("model_name")),
    ("STATUS", field("status")),
    ("PHASE", field("phase")),
    ("SOURCE", lambda row: field("source", "model_id")(row) or field("source", "s3_uri")(row)),
    ("VERSION", field("model_version")),
    ("CREATED", field("created_at")),
]
Job = Annotated[str, typer.Argument(help="The job's id (job_id).")]


@app.command("list")
@handled
def list_jobs(
    status: Annotated[str | None, typer.Option(help="Only jobs in this status.")] = None,
    model: Annotated[str | None, typer.Option(help="Only jobs packaging for this model.")] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
    profile: ProfileOption = None,
    output: OutputOption = Format.table,
) -> None:
    """List packaging jobs, newest first (every page)."""
    with client(profile) as mlm:
        found = list(islice(mlm.iter_packaging_jobs(status=status, model_name=model), limit))
    emit(found, output, COLUMNS)


@app.command("get")
@handled
def get_job(job: Job, profile: ProfileOption = None, output: OutputOption = Format.table) -> None:
    """Show one job: Batch's status, the packager's phase and progress, its output."""
    with client(profile) as mlm:
        emit(mlm.get_packaging_job(job), output)


@app.command("create")
@handled
def create_job(
    model: Annotated[
        str | None, typer.Option(help="The model the version is registered under.")
    ] = None,
    hf_model: Annotated[
        str | None,
        typer.Option("--hf-model", help="A Hugging Face model id, e.g. THUDM/glm-4-9b-chat."),
    ] = None,
    revision: Annotated[
        str | None, typer.Option(help="Branch, tag or commit (default main).")
    ] = None,
    artifact_format: Annotated[
        str | None, typer.Option("--format", help="s3_prefix or tar_gz.")
    ] = None,
    register: Annotated[
        bool, typer.Option("--register/--no-register", help="Register the output as a version.")
    ] = True,
    trust_remote_code: Annotated[
        bool | None,
        typer.Option(
            "--trust-remote-code", help="Keep the model's own .py files.", show_default=False
        ),
    ] = None,
    dtype: Annotated[str | None, typer.Option(help="e.g. bf16.")] = None,
    idempotency_key: Annotated[
        str | None,
        typer.Option(help="Send this Idempotency-Key (a retry then finds the first job)."),
    ] = None,
    file: FileOption = None,
    wait: WaitOption = False,
    timeout: TimeoutOption = 6 * 3600.0,
    profile: ProfileOption = None,
    output: OutputOption = Format.table,
) -> None:
    """Package a model (--hf-model ID --model NAME); --wait shows phase and bytes as a bar."""
    body = body_from(file)
    if hf_model is not None:
        body["source"] = {"platform": "huggingface", "model_id": hf_model} | given(
            revision=revision
        )
    target = body.get("target", {}) | given(model_name=model, format=artifact_format)
    if target:
        body["target"] = target | {
            "register_version": register and target.get("register_version", True)
        }
    options = body.get("options", {}) | given(trust_remote_code=trust_remote_code, dtype=dtype)
    if options:
        body["options"] = options
    if "source" not in body or "target" not in body:
        raise UsageProblem(
            "say what to package and for which model: --hf-model ID --model NAME (or --file)"
        )
    with client(profile) as mlm:
        created = mlm.create_packaging_job(body, idempotency_key=idempotency_key)
        if not wait:
            emit(created, output)
            return
        emit(wait_for_packaging_job(mlm, created.job_id, timeout), output)


@app.command("wait")
@handled
def wait_job(
    job: Job,
    timeout: TimeoutOption = 6 * 3600.0,
    profile: ProfileOption = None,
    output: OutputOption = Format.table,
) -> None:
    """Follow a job until it succeeded (exit 7 if it failed or was cancelled)."""
    with client(profile) as mlm:
        emit(wait_for_packaging_job(mlm, job, timeout), output)


@app.command("cancel")
@handled
def cancel_job(
    job: Job, profile: ProfileOption = None, output: OutputOption = Format.table
) -> None:
    """Cancel a job (a finished one is a conflict, exit 4)."""
    with client(profile) as mlm:
        emit(mlm.cancel_packaging_job(job), output)
