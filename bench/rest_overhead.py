"""What MLM's REST layer costs on top of SageMaker, with a latency model for AWS.

Each case pairs one MLM request with the direct boto3 call it wraps, on the same embedded
emulator: P1 ``GET`` endpoint / model / version vs DescribeEndpoint /
DescribeModelPackageGroup / DescribeModelPackage, with 1 and with 50 endpoints in the
tenant; P5 an invocation vs InvokeEndpoint, and a streamed invocation's first chunk vs
the direct stream's first event. Every AWS call, on both sides, gets the same fixed
added latency (a botocore ``before-send`` hook), which stands in for the network round
trip to AWS the loopback emulator does not have; each MLM request's AWS calls are
counted. Calls run sequentially, interleaved in rounds (alternating which side goes
first) so drift in the machine affects both alike. Nothing is asserted; the numbers are
printed and written to bench/results/.

Run: ``.venv/bin/python bench/rest_overhead.py`` (``make bench``).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from pydantic import SecretStr

from mlm import naming
from mlm.app import create_app
from mlm.aws.clients import ClientFactory
from mlm.container import build_container
from mlm.emulator.server import start_emulator
from mlm.logs import configure_logging
from mlm.settings import Settings

N = 100  # measured calls per side and case
WARMUP = 10  # unmeasured calls per side first (connections, caches, lazy imports)
LATENCY_MS = 20.0  # added to every AWS call on both sides
FLEET_SIZES = (1, 50)
ROUNDS = 10  # N is split over this many interleaved rounds
READY_TIMEOUT_SECONDS = 30.0
DEV_KEY = "bench-dev-key"
MODEL, ENDPOINT, INSTANCE_TYPE = "bench-model", "bench-endpoint", "ml.g5.xlarge"
IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.33.0-lmi15.0.0-cu128"
RESULTS = Path(__file__).resolve().parent / "results"


@dataclass(frozen=True)
class Stats:
    n: int
    median_ms: float
    p95_ms: float
    mean_ms: float
    min_ms: float

    @classmethod
    def of(cls, samples_ns: list[int]) -> Stats:
        ms = sorted(s / 1e6 for s in samples_ns)
        return cls(
            n=len(ms),
            median_ms=round(statistics.median(ms), 3),
            p95_ms=round(statistics.quantiles(ms, n=20)[18], 3),
            mean_ms=round(statistics.fmean(ms), 3),
            min_ms=round(ms[0], 3),
        )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait(what: str, check: Callable[[], bool]) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    while not check():
        if time.monotonic() > deadline:
            raise SystemExit(f"gave up waiting for {what} after {READY_TIMEOUT_SECONDS} s")
        time.sleep(0.05)


def add_latency(client: Any, counter: list[int] | None = None) -> None:
    """LATENCY_MS before every request ``client`` sends; ``counter[0]`` counts them."""

    def delay(**_: Any) -> None:
        if counter is not None:
            counter[0] += 1
        time.sleep(LATENCY_MS / 1000)

    client.meta.events.register("before-send", delay)


@contextmanager
def serving(settings: Settings, counter: list[int]) -> Iterator[str]:
    """The MLM app under uvicorn in a background thread; yields its /v1 base URL. Its AWS
    clients get the added latency, and ``counter`` counts their calls."""
    container = build_container(settings)
    for service in ("sagemaker", "sagemaker-runtime", "dynamodb", "cloudwatch"):
        add_latency(container.clients.client(service), counter)
    app = create_app(container)
    config = uvicorn.Config(
        app, host="127.0.0.1", port=settings.port, log_level="warning", access_log=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="mlm-uvicorn", daemon=True)
    thread.start()
    try:
        _wait("the API to start", lambda: server.started)
        yield f"http://127.0.0.1:{settings.port}/v1"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _check(response: httpx.Response, expected: int) -> dict[str, Any]:
    if response.status_code != expected:
        raise SystemExit(
            f"{response.request.method} {response.request.url} answered "
            f"{response.status_code}: {response.text}"
        )
    body: dict[str, Any] = response.json()
    return body


def create_endpoint(http: httpx.Client) -> None:
    """One model, one version, one endpoint through the API; waits until in_service."""
    _check(http.post("/models", json={"name": MODEL, "metadata": {"license": "mit"}}), 201)
    version = _check(
        http.post(f"/models/{MODEL}/versions", json={"container": {"image": IMAGE}}), 201
    )
    variant = {
        "model_name": MODEL,
        "model_version": version["version"],
        "instance_type": INSTANCE_TYPE,
        "instance_count": 1,
    }
    _check(http.post("/endpoints", json={"name": ENDPOINT, "variants": [variant]}), 202)
    _wait(
        "the endpoint to be in_service",
        lambda: _check(http.get(f"/endpoints/{ENDPOINT}"), 200)["status"] == "in_service",
    )


def measure(mlm_call: Callable[[], object], aws_call: Callable[[], object]) -> dict[str, Stats]:
    for _ in range(WARMUP):
        mlm_call()
        aws_call()
    samples: dict[str, list[int]] = {"mlm": [], "boto3": []}
    sides = [("mlm", mlm_call), ("boto3", aws_call)]
    per_round = N // ROUNDS
    for round_no in range(ROUNDS):
        for side, call in sides if round_no % 2 == 0 else reversed(sides):
            for _ in range(per_round):
                started = time.perf_counter_ns()
                call()
                samples[side].append(time.perf_counter_ns() - started)
    return {side: Stats.of(values) for side, values in samples.items()}


def environment() -> dict[str, object]:
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def write_results(result: dict[str, Any]) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "rest_overhead.json").write_text(json.dumps(result, indent=2) + "\n")
    env = result["environment"]
    lines = [
        "# REST overhead: MLM requests vs the direct AWS calls they wrap (20 ms per AWS call)",
        "",
        "Generated by `bench/rest_overhead.py` (`make bench`); do not edit by hand.",
        "",
        "Wall time of one sequential call, client side. *MLM* is an httpx keep-alive client",
        "calling the API (uvicorn + connexion: routing, validation, API-key auth, the service",
        "and its own boto3 calls). *direct* is the boto3 call the request wraps, on the same",
        f"emulator. Every AWS call on both sides gets {LATENCY_MS:g} ms of added latency",
        "(the network round trip to AWS that loopback lacks). Steady state: each case warms",
        f"up first ({WARMUP} calls per side), then {N} calls per side interleaved over",
        f"{ROUNDS} rounds. *AWS calls* is what one MLM request made (counted on MLM's clients).",
        "p95 is sensitive to whatever else runs on the machine; compare medians.",
        "",
        "| | |",
        "|---|---|",
        f"| date (UTC) | {env['date']} |",
        f"| Python | {env['implementation']} {env['python']} |",
        f"| platform | {env['platform']} |",
        f"| CPUs | {env['cpu_count']} |",
        "",
        "| case | endpoints in tenant | MLM median ms | direct median ms | ratio | "
        "AWS calls per MLM request | MLM p95 ms | direct p95 ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for case in result["cases"]:
        lines.append(
            f"| {case['case']} | {case['endpoints']} | {case['mlm']['median_ms']} | "
            f"{case['direct']['median_ms']} | **{case['ratio_median']}** | "
            f"{case['aws_calls_per_mlm_request']} | {case['mlm']['p95_ms']} | "
            f"{case['direct']['p95_ms']} |"
        )
    lines.append("")
    (RESULTS / "rest_overhead.md").write_text("\n".join(lines))


def print_table(result: dict[str, Any]) -> None:
    print(f"{'case':<44}{'eps':>5}{'MLM ms':>9}{'direct ms':>11}{'ratio':>7}{'calls':>7}")
    for c in result["cases"]:
        print(
            f"{c['case']:<44}{c['endpoints']:>5}{c['mlm']['median_ms']:>9}"
            f"{c['direct']['median_ms']:>11}{c['ratio_median']:>7}"
            f"{c['aws_calls_per_mlm_request']:>7}"
        )


def main() -> int:
    # Warnings only: no access log (and no emulator request lines) in the measured path.
    configure_logging("text", "WARNING")
    base = Settings(
        mode="emulator",
        emulator_transition_seconds=0.2,
        dev_api_key=SecretStr(DEV_KEY),
        port=_free_port(),
    )
    emulator, settings = start_emulator(base)
    settings.__dict__.pop("keys_by_hash", None)  # computed from the copy, not the original
    counter = [0]
    cases: list[dict[str, Any]] = []
    try:
        with (
            serving(settings, counter) as api,
            httpx.Client(base_url=api, headers={"X-Api-Key": DEV_KEY}, timeout=30) as http,
        ):
            create_endpoint(http)
            clients = ClientFactory(settings)
            sagemaker, runtime = clients.sagemaker(), clients.client("sagemaker-runtime")
            add_latency(sagemaker)
            add_latency(runtime)
            tenant = settings.dev_tenant
            physical = naming.physical_name(tenant, ENDPOINT)
            group = sagemaker.describe_model_package_group(
                ModelPackageGroupName=naming.physical_name(tenant, MODEL)
            )
            package_arn = sagemaker.list_model_packages(
                ModelPackageGroupName=group["ModelPackageGroupName"]
            )["ModelPackageSummaryList"][0]["ModelPackageArn"]
            body = json.dumps({"inputs": "hello"}).encode()
            first_ns: dict[str, list[int]] = {"mlm": [], "boto3": []}

            def mlm_stream() -> object:
                started = time.perf_counter_ns()
                with http.stream(
                    "POST",
                    f"/endpoints/{ENDPOINT}/invocations",
                    content=body,
                    headers={"Content-Type": "application/json", "Accept": "text/event-stream"},
                ) as response:
                    chunks = response.iter_bytes()
                    first = next(chunks)
                    first_ns["mlm"].append(time.perf_counter_ns() - started)
                    for _ in chunks:
                        pass
                    return first

            def direct_stream() -> object:
                started = time.perf_counter_ns()
                answer = runtime.invoke_endpoint_with_response_stream(
                    EndpointName=physical, Body=body, ContentType="application/json"
                )
                events = iter(answer["Body"])
                first = next(events)
                first_ns["boto3"].append(time.perf_counter_ns() - started)
                for _ in events:
                    pass
                return first

            pairs: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
                (
                    "P1 GET /endpoints/{name} vs DescribeEndpoint",
                    lambda: _check(http.get(f"/endpoints/{ENDPOINT}"), 200),
                    lambda: sagemaker.describe_endpoint(EndpointName=physical),
                ),
                (
                    "P1 GET /models/{name} vs DescribeModelPackageGroup",
                    lambda: _check(http.get(f"/models/{MODEL}"), 200),
                    lambda: sagemaker.describe_model_package_group(
                        ModelPackageGroupName=group["ModelPackageGroupName"]
                    ),
                ),
                (
                    "P1 GET /models/{name}/versions/{v} vs DescribeModelPackage",
                    lambda: _check(http.get(f"/models/{MODEL}/versions/1"), 200),
                    lambda: sagemaker.describe_model_package(ModelPackageName=package_arn),
                ),
                (
                    "P5 POST /invocations vs InvokeEndpoint",
                    lambda: http.post(
                        f"/endpoints/{ENDPOINT}/invocations",
                        content=body,
                        headers={"Content-Type": "application/json"},
                    ),
                    lambda: runtime.invoke_endpoint(
                        EndpointName=physical, Body=body, ContentType="application/json"
                    ),
                ),
                (
                    "P5 streamed invocation (whole stream) vs the direct stream",
                    mlm_stream,
                    direct_stream,
                ),
            ]
            for size in FLEET_SIZES:
                if size > 1:
                    add_endpoints(http, size - 1)
                for label, mlm_call, direct_call in pairs:
                    if size > 1 and not label.startswith("P1"):
                        continue
                    stats = measure(mlm_call, direct_call)
                    counter[0] = 0
                    mlm_call()
                    cases.append(
                        {
                            "case": label,
                            "endpoints": size,
                            "mlm": asdict(stats["mlm"]),
                            "direct": asdict(stats["boto3"]),
                            "aws_calls_per_mlm_request": counter[0],
                            "ratio_median": round(
                                stats["mlm"].median_ms / stats["boto3"].median_ms, 2
                            ),
                        }
                    )
                    print(cases[-1]["case"], size, cases[-1]["ratio_median"], flush=True)
                    if mlm_call is mlm_stream:
                        mlm_first = Stats.of(first_ns["mlm"][WARMUP:])
                        direct_first = Stats.of(first_ns["boto3"][WARMUP:])
                        cases.append(
                            {
                                "case": "P5 streamed invocation: time to the first chunk",
                                "endpoints": size,
                                "mlm": asdict(mlm_first),
                                "direct": asdict(direct_first),
                                "aws_calls_per_mlm_request": counter[0],
                                "ratio_median": round(
                                    mlm_first.median_ms / direct_first.median_ms, 2
                                ),
                            }
                        )
    finally:
        emulator.stop()
    result: dict[str, Any] = {
        "benchmark": "rest_overhead",
        "environment": environment(),
        "n": N,
        "warmup": WARMUP,
        "rounds": ROUNDS,
        "added_latency_ms_per_aws_call": LATENCY_MS,
        "instance_type": INSTANCE_TYPE,
        "cases": cases,
    }
    print_table(result)
    write_results(result)
    print(f"written: {RESULTS / 'rest_overhead.json'}, {RESULTS / 'rest_overhead.md'}")
    return 0


def add_endpoints(http: httpx.Client, count: int) -> None:
    """``count`` more endpoints serving the same version, all waited for."""
    variant = {"model_name": MODEL, "model_version": 1, "instance_type": INSTANCE_TYPE}
    names = [f"{ENDPOINT}-{i:02d}" for i in range(count)]
    for name in names:
        _check(http.post("/endpoints", json={"name": name, "variants": [variant]}), 202)
    _wait(
        f"{count} more endpoints to be in_service",
        lambda: (
            len(
                _check(
                    http.get("/endpoints", params={"status": "in_service", "page_size": 100}), 200
                )["items"]
            )
            >= count + 1
        ),
    )


if __name__ == "__main__":
    sys.exit(main())
