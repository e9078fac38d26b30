"""`mlm endpoints …`: deploy versions, change and delete endpoints, invoke and observe them."""

from __future__ import annotations

import datetime
import sys
from itertools import islice
from pathlib import Path
from typing import Annotated, Any

import typer

from .common import (
    FileOption,
    OutputOption,
    PairsOption,
    ProfileOption,
    TimeoutOption,
    WaitOption,
    body_from,
    client,
    complete_endpoints,
    given,
    pairs,
)
from .exit_codes import UsageProblem, handled
from .output import Column, Format, emit, field
from .progress import wait_for_endpoint, wait_for_endpoint_deleted

app = typer.Typer(help="Endpoints (SageMaker real-time endpoints).", no_args_is_help=True)

COLUMNS: list[Column] = [
    ("NAME", field("name")),
    ("STATUS", field("status")),
    ("MODEL", field("variants", 0, "model_name")),
    ("VERSION", field("variants", 0, "model_version")),
    ("INSTANCE TYPE", field("variants", 0, "instance_type")),
    ("INSTANCES", lambda row: _counts(row)),
    ("UPDATED", field("updated_at")),
]
SERIES_COLUMNS: list[Column] = [
    ("METRIC", field("metric")),
    ("VARIANT", field("variant")),
    ("INSTANCE", field("instance_id")),
    ("STATISTIC", field("statistic")),
    ("UNIT", field("unit")),
    ("POINTS", lambda row: len(row.get("points") or [])),
    ("LATEST", lambda row: (row.get("points") or [{}])[-1].get("value")),
]
Name = Annotated[
    str, typer.Argument(help="The endpoint's name.", autocompletion=complete_endpoints)
]
Variant = Annotated[str, typer.Option("--variant", help="Which variant to change.")]


def _counts(row: dict[str, Any]) -> str:
    variants = row.get("variants") or []
    return ", ".join(
        f"{v.get('current_instance_count') or 0}/{v.get('desired_instance_count') or 0}"
        for v in variants
    )


@app.command("list")
@handled
def list_endpoints(
    status: Annotated[str | None, typer.Option(help="Only this status (e.g. in_service).")] = None,
    model: Annotated[str | None, typer.Option(help="Only endpoints serving this model.")] = None,
    limit: Annotated[int | None, typer.Option(help="Show at most this many.")] = None,
    profile: ProfileOption = None,
    output: OutputOption = Format.table,
) -> None:
    """List endpoints (every page)."""
    with client(profile) as mlm:
        found = list(islice(mlm.iter_endpoints(status=status, model_name=model), limit))
    emit(found, output, COLUMNS)


@app.command("get")
@handled
def get_endpoint(
    name: Name, profile: ProfileOption = None, output: OutputOption = Format.table
) -> None:
    """Show one endpoint."""
    with client(profile) as mlm:
        emit(mlm.get_endpoint(name), output)


@app.command("create")
@handled
def create_endpoint(
    name: Name,
    model: Annotated[str | None, typer.Option(help="The model to deploy.")] = None,
    version: Annotated[int | None, typer.Option(help="Its version.")] = None,
    instance_type: Annotated[str | None, typer.Option(help="e.g. ml.g5.2xlarge.")] = None,
    instance_count: Annotated[int | None, typer.Option(help="Instances (default 1).")] = None,
    enhanced_metrics: Annotated[
        bool | None,
        typer.Option("--enhanced-metrics", help="Per-instance metrics.", show_default=False),
    ] = None,
    tag: PairsOption = None,
    file: FileOption = None,
    wait: WaitOption = False,
    timeout: TimeoutOption = 3600.0,
    profile: ProfileOption = None,
    output: OutputOption = Format.table,
) -> None:
    """Deploy a model version to a new endpoint (--model, --version, --instance-type)."""
    body = body_from(file) | given(
        name=name, enhanced_metrics=enhanced_metrics, tags=pairs(tag, "--tag")
    )
    variant = given(
        model_name=model,
        model_version=version,
        instance_type=instance_type,
        instance_count=instance_count,
    )
    if variant:
        body["variants"] = [(body.get("variants") or [{}])[0] | variant]
    if not body.get("variants"):
        raise UsageProblem("say what to deploy: --model, --version and --instance-type (or --file)")
    with client(profile) as mlm:
        endpoint = mlm.create_endpoint(body)
        if wait:
            endpoint = wait_for_endpoint(mlm, name, "in_service", timeout)
        emit(endpoint, output)


@app.command("update")
@handled
def update_endpoint(
    name: Name,
    variant: Variant = "primary",
    instance_count: Annotated[
        int | None, typer.Option(help="Scale to this many instances (in place).")
    ] = None,
    instance_type: Annotated[
        str | None, typer.Option(help="Move to this type (blue/green).")
    ] = None,
    version: Annotated[
        int | None, typer.Option(help="Serve this model version (blue/green).")
    ] = None,
    weight: Annotated[float | None, typer.Option(help="The variant's traffic weight.")] = None,
    file: FileOption = None,
    wait: WaitOption = False,
    timeout: TimeoutOption = 3600.0,
    profile: ProfileOption = None,
    output: OutputOption = Format.table,
) -> None:
    """Scale, reweight, or change the instance type or model version of a variant."""
    patch = body_from(file)
    change = given(
        instance_count=instance_count,
        instance_type=instance_type,
        model_version=version,
        weight=weight,
    )
    if change:
        patch["variants"] = [{"name": variant, **change}]
    if not patch:
        raise UsageProblem(
            "nothing to change: give --instance-count, --instance-type, --version or --weight"
        )
    with client(profile) as mlm:
        endpoint = mlm.update_endpoint(name, patch)
        if wait:
            endpoint = wait_for_endpoint(mlm, name, "in_service", timeout)
        emit(endpoint, output)


@app.command("delete")
@handled
def delete_endpoint(
    name: Name,
    wait: WaitOption = False,
    timeout: TimeoutOption = 3600.0,
    profile: ProfileOption = None,
) -> None:
    """Delete an endpoint (its endpoint configs and SageMaker models go with it)."""
    with client(profile) as mlm:
        mlm.delete_endpoint(name)
        if wait:
            wait_for_endpoint_deleted(mlm, name, timeout)
    typer.echo(f"deleted endpoint {name}" if wait else f"deleting endpoint {name}", err=True)


@app.command("invoke")
@handled
def invoke_endpoint(
    name: Name,
    data: Annotated[
        str | None,
        typer.Argument(help="The body (default: --file, else stdin).", show_default=False),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file", "-f", help="Read the body from this file ('-': stdin).", show_default=False
        ),
    ] = None,
    content_type: Annotated[
        str, typer.Option(help="The body's Content-Type.")
    ] = "application/json",
    accept: Annotated[str | None, typer.Option(help="What the model should answer with.")] = None,
    variant: Annotated[str | None, typer.Option(help="Invoke this variant, not by weight.")] = None,
    stream: Annotated[
        bool, typer.Option("--stream", help="Print the answer part by part as it arrives.")
    ] = False,
    profile: ProfileOption = None,
) -> None:
    """Send a body to the endpoint's model and print its answer as it is (bytes to stdout)."""
    body = _invocation_body(data, file)
    out = sys.stdout.buffer
    with client(profile) as mlm:
        if stream:
            for chunk in mlm.invoke_endpoint_stream(
                name, body, content_type=content_type, accept=accept, target_variant=variant
            ):
                out.write(chunk.data)
                out.flush()
        else:
            answer = mlm.invoke_endpoint(
                name, body, content_type=content_type, accept=accept, target_variant=variant
            )
            out.write(answer.body)
    if sys.stdout.isatty():
        out.write(b"\n")
    out.flush()


@app.command("instances")
@handled
def endpoint_instances(
    name: Name, profile: ProfileOption = None, output: OutputOption = Format.table
) -> None:
    """What the endpoint's instances are doing: counts and the latest CloudWatch figures."""
    with client(profile) as mlm:
        instances = mlm.get_endpoint_instances(name)
    if output is not Format.table:
        emit(instances, output)
        return
    rows = [
        {
            "variant": v.name,
            "instance_type": v.instance_type,
            "instances": f"{v.current_instance_count}/{v.desired_instance_count}",
            "status": str(v.status),
            "scope": str(v.scope),
            "gpu_utilization": _figure(v.to_dict(), "gpu_utilization"),
            "in_flight_requests": _figure(v.to_dict(), "in_flight_requests"),
        }
        for v in instances.variants
    ]
    emit(rows, output)  # type: ignore[arg-type]


@app.command("metrics")
@handled
def endpoint_metrics(
    name: Name,
    metric: Annotated[
        list[str] | None, typer.Option(help="A metric (repeat it); all when omitted.")
    ] = None,
    start: Annotated[
        datetime.datetime | None,
        typer.Option(help="Start of the range (default: an hour before the end)."),
    ] = None,
    end: Annotated[
        datetime.datetime | None, typer.Option(help="End of the range (default: now).")
    ] = None,
    period: Annotated[
        int | None, typer.Option(help="Seconds per point: 10, 30 or a multiple of 60.")
    ] = None,
    statistic: Annotated[str | None, typer.Option(help="sum, average, minimum, maximum…")] = None,
    profile: ProfileOption = None,
    output: OutputOption = Format.table,
) -> None:
    """The endpoint's metric series (CloudWatch)."""
    with client(profile) as mlm:
        metrics = mlm.get_endpoint_metrics(
            name,
            metrics=metric,
            start_time=_utc(start),
            end_time=_utc(end),
            period=period,
            statistic=statistic,
        )
    if output is Format.table:
        emit(metrics.to_dict()["series"], output, SERIES_COLUMNS)
    else:
        emit(metrics, output)


def _figure(variant: dict[str, Any], name: str) -> Any:
    aggregates = variant.get("aggregates") or {}
    figure = aggregates.get(name) or {}
    value = figure.get("average") if isinstance(figure, dict) else None
    if value is None and variant.get("instances"):
        value = (variant["instances"][0].get(name) or {}).get("value")
    return value


def _utc(moment: datetime.datetime | None) -> datetime.datetime | None:
    # typer parses a time without a zone; the command line means UTC, as the API does.
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=datetime.UTC)


def _invocation_body(data: str | None, file: Path | None) -> bytes:
    if data is not None and file is not None:
        raise UsageProblem("give the body as an argument or --file, not both")
    if data is not None:
        return data.encode()
    if file is not None and str(file) != "-":
        try:
            return file.read_bytes()
        except OSError as error:
            raise UsageProblem(f"cannot read {file}: {error.strerror}") from error
    if sys.stdin.isatty():
        raise UsageProblem("no body: give it as an argument, --file PATH, or on stdin")
    return sys.stdin.buffer.read()
