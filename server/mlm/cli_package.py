"""``mlm package``: the packaging job's container entry point.

Prints one JSON line per progress report to stderr, the result as JSON on stdout, and on
failure ``{"code", "reason"}`` on stdout with exit code 1 (2 for an unusable invocation).
AWS clients come from the usual settings (``MLM_MODE``, ``MLM_AWS_ENDPOINT_URL``…).
"""

from __future__ import annotations

import json
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer

from mlm import naming
from mlm.aws.clients import ClientFactory
from mlm.packager import (
    ArtifactFormat,
    Options,
    PackageRequest,
    PackagingError,
    Platform,
    Progress,
    Source,
    package,
)
from mlm.packager.errors import CANCELLED
from mlm.packager.run import PackagerClients
from mlm.packager.status import StatusWriter
from mlm.settings import Settings

EXIT_FAILED = 1
EXIT_USAGE = 2
# 128 + SIGTERM, as a process stopped by that signal reports (Batch's TerminateJob sends it).
EXIT_CANCELLED = 143


def _cancel_on_sigterm() -> None:
    """Turn SIGTERM into a PackagingError, so the packager's own cleanup runs (multipart
    uploads aborted, the job's prefix emptied) before the process ends."""

    def stop(_signum: int, _frame: FrameType | None) -> None:
        raise PackagingError(
            CANCELLED, "The packaging job was cancelled; nothing it uploaded was kept."
        )

    signal.signal(signal.SIGTERM, stop)


# Progress arrives from download and upload threads at once: print() writes the text and
# the newline separately, so two reports could share a line (a log line that is not JSON).
_PRINTING = threading.Lock()


def _print_progress(progress: Progress) -> None:
    line = json.dumps({"progress": progress.to_dict()}) + "\n"
    with _PRINTING:
        sys.stderr.write(line)
        sys.stderr.flush()


def package_command(
    output_uri: Annotated[str, typer.Option(help="s3://bucket/prefix/ of this job.")],
    tenant: Annotated[str, typer.Option(help="Tenant the artifact belongs to (tags).")],
    model_name: Annotated[str, typer.Option(help="MLM model name (tags).")],
    model_id: Annotated[str | None, typer.Option(help="Hugging Face repo id.")] = None,
    revision: Annotated[str | None, typer.Option(help="Branch, tag or commit.")] = None,
    s3_uri: Annotated[str | None, typer.Option(help="Package files from this S3 prefix.")] = None,
    artifact_format: Annotated[
        ArtifactFormat, typer.Option("--format", help="Artifact layout.")
    ] = ArtifactFormat.S3_PREFIX,
    series: Annotated[str | None, typer.Option(help="Series recipe (default: detect).")] = None,
    dtype: Annotated[str | None, typer.Option(help="Serving dtype, e.g. bf16.")] = None,
    trust_remote_code: Annotated[bool, typer.Option(help="Allow the model's code.")] = False,
    max_model_len: Annotated[int | None, typer.Option(min=1)] = None,
    tensor_parallel_degree: Annotated[int | None, typer.Option(min=1)] = None,
    quantization: Annotated[str | None, typer.Option()] = None,
    hf_token_secret_arn: Annotated[
        str | None, typer.Option(help="Secrets Manager secret holding a HF token.")
    ] = None,
    hf_endpoint: Annotated[str | None, typer.Option(envvar="HF_ENDPOINT")] = None,
    work_dir: Annotated[Path | None, typer.Option(help="Scratch space for the files.")] = None,
    status_uri: Annotated[
        str | None,
        typer.Option(help="s3://… object to keep the latest progress and the outcome in."),
    ] = None,
    aws: Annotated[bool, typer.Option("--aws", help="Use real AWS, not the emulator.")] = False,
) -> None:
    """Package a model into a deployable S3 artifact with a manifest."""
    settings = Settings(mode="aws") if aws else Settings()
    if settings.mode == "emulator" and settings.aws_endpoint_url is None:
        typer.echo("Set MLM_AWS_ENDPOINT_URL to the emulator's URL, or pass --aws.", err=True)
        raise typer.Exit(EXIT_USAGE)
    if (model_id is None) == (s3_uri is None):
        typer.echo("Give exactly one of --model-id and --s3-uri.", err=True)
        raise typer.Exit(EXIT_USAGE)
    source = (
        Source(Platform.HUGGINGFACE, model_id=model_id, revision=revision)
        if model_id is not None
        else Source(Platform.S3, s3_uri=s3_uri)
    )
    request = PackageRequest(
        source=source,
        output_uri=output_uri,
        region=settings.region,
        tenant=tenant,
        model_name=model_name,
        artifact_format=artifact_format,
        series=series,
        options=Options(
            dtype=dtype,
            trust_remote_code=trust_remote_code,
            max_model_len=max_model_len,
            tensor_parallel_degree=tensor_parallel_degree,
            quantization=quantization,
        ),
        hf_token_secret_arn=hf_token_secret_arn,
        hf_endpoint=hf_endpoint,
        work_dir=work_dir,
    )
    factory = ClientFactory(settings)
    clients = PackagerClients(s3=factory.s3(), secretsmanager=factory.client("secretsmanager"))
    status = (
        None
        if status_uri is None
        else StatusWriter(clients.s3, status_uri, naming.managed_tags(tenant, model_name))
    )

    def report(progress: Progress) -> None:
        _print_progress(progress)
        if status is not None:
            status.progress(progress)

    _cancel_on_sigterm()
    try:
        result = package(request, clients, report)
    except PackagingError as error:
        if status is not None:
            status.failed(error.code, error.reason)
        typer.echo(json.dumps({"code": error.code, "reason": error.reason}))
        raise typer.Exit(EXIT_CANCELLED if error.code == CANCELLED else EXIT_FAILED) from None
    if status is not None:
        status.succeeded(result.to_dict())
    typer.echo(json.dumps(result.to_dict()))
