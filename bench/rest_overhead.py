"""What MLM's REST layer costs on top of SageMaker: GET /v1/endpoints/{name} vs DescribeEndpoint.

Both paths hit the same embedded emulator on loopback. The MLM path adds HTTP to MLM,
connexion routing, validation and auth, the service, and the service's own boto3 call; the
direct path is one boto3 ``describe_endpoint``. Calls run sequentially, interleaved in
rounds (alternating which side goes first) so drift in the machine affects both alike.
Nothing is asserted; the numbers are printed and written to bench/results/.

Run: ``.venv/bin/python bench/rest_overhead.py`` (``make bench``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
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

N = 300  # measured calls per side
WARMUP = 30  # unmeasured calls per side first (connections, caches, lazy imports)
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


@contextmanager
def serving(settings: Settings) -> Iterator[str]:
    """The MLM app under uvicorn in a background thread; yields its /v1 base URL."""
    app = create_app(build_container(settings))
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


class _AwsCallCounter(logging.Handler):
    """Reads the AWS request ids that MLM's access log line records for a request."""

    def __init__(self) -> None:
        super().__init__()
        self.counts: list[int] = []
        self.logged = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        self.counts.append(len(getattr(record, "aws_request_ids", []) or []))
        self.logged.set()


def aws_calls_per_request(call: Callable[[], object]) -> int | None:
    """How many AWS calls one MLM request makes (after the measurement, not during it)."""
    access = logging.getLogger("mlm.access")
    counter = _AwsCallCounter()
    level, propagate = access.level, access.propagate
    access.addHandler(counter)
    access.setLevel(logging.INFO)
    access.propagate = False
    try:
        call()
        # The access line is written after the response is sent: give it a moment.
        counter.logged.wait(timeout=5)
    finally:
        access.removeHandler(counter)
        access.setLevel(level)
        access.propagate = propagate
    return counter.counts[-1] if counter.counts else None


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
    env, mlm, aws = result["environment"], result["mlm"], result["boto3"]
    lines = [
        "# REST overhead: `GET /v1/endpoints/{name}` through MLM vs boto3 `describe_endpoint`",
        "",
        "Generated by `bench/rest_overhead.py` (`make bench`); do not edit by hand.",
        "",
        "What is measured: wall time of one sequential call, client side. *MLM* is an httpx",
        "keep-alive client calling the API (uvicorn + connexion: routing, validation, API-key",
        "auth, the endpoint service and its own boto3 calls to the emulator). *boto3* is a",
        "direct `describe_endpoint` on the same emulator (moto server on loopback). Both run",
        f"in one process, interleaved over {ROUNDS} rounds after {WARMUP} warm-up calls each;",
        "the access log is off. Against real AWS every AWS call is a network round trip, so",
        "there the number of AWS calls per MLM request matters more than this ratio. p95 is",
        "sensitive to whatever else runs on the machine; compare medians.",
        "",
        "| | |",
        "|---|---|",
        f"| date (UTC) | {env['date']} |",
        f"| Python | {env['implementation']} {env['python']} |",
        f"| platform | {env['platform']} |",
        f"| CPUs | {env['cpu_count']} |",
        f"| N per side | {mlm['n']} |",
        f"| AWS calls per MLM request | {result['aws_calls_per_mlm_request']} |",
        "",
        "| path | median ms | p95 ms | mean ms | min ms |",
        "|---|---|---|---|---|",
        f"| MLM `GET /v1/endpoints/{{name}}` | {mlm['median_ms']} | {mlm['p95_ms']} | "
        f"{mlm['mean_ms']} | {mlm['min_ms']} |",
        f"| boto3 `describe_endpoint` | {aws['median_ms']} | {aws['p95_ms']} | "
        f"{aws['mean_ms']} | {aws['min_ms']} |",
        "",
        f"**Ratio (MLM median / boto3 median): {result['ratio_median']}**",
        "",
    ]
    calls = result["aws_calls_per_mlm_request"]
    if calls:
        # A rough split, labelled as such: the AWS calls MLM makes cost about what a direct
        # call costs; what is left is HTTP, connexion and the service.
        aws_part = round(calls * aws["median_ms"], 1)
        lines += [
            f"One MLM `GET` makes {calls} AWS calls; at the direct median that is about "
            f"{aws_part} ms, leaving roughly {round(mlm['median_ms'] - aws_part, 1)} ms "
            "for HTTP, connexion and the service (an estimate, not a measurement).",
            "",
        ]
    (RESULTS / "rest_overhead.md").write_text("\n".join(lines))


def print_table(result: dict[str, Any]) -> None:
    print(f"{'path':<34}{'median ms':>11}{'p95 ms':>10}{'mean ms':>10}{'n':>6}")
    rows = (("MLM GET /v1/endpoints/{name}", "mlm"), ("boto3 describe_endpoint", "boto3"))
    for label, key in rows:
        s = result[key]
        print(f"{label:<34}{s['median_ms']:>11}{s['p95_ms']:>10}{s['mean_ms']:>10}{s['n']:>6}")
    print(f"ratio (MLM median / boto3 median): {result['ratio_median']}")
    print(f"AWS calls per MLM request: {result['aws_calls_per_mlm_request']}")


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
    try:
        with (
            serving(settings) as api,
            httpx.Client(base_url=api, headers={"X-Api-Key": DEV_KEY}, timeout=30) as http,
        ):
            create_endpoint(http)
            sagemaker = ClientFactory(settings).sagemaker()
            physical = naming.physical_name(settings.dev_tenant, ENDPOINT)

            def via_mlm() -> object:
                return _check(http.get(f"/endpoints/{ENDPOINT}"), 200)

            def via_boto3() -> object:
                return sagemaker.describe_endpoint(EndpointName=physical)

            stats = measure(via_mlm, via_boto3)
            aws_calls = aws_calls_per_request(via_mlm)
    finally:
        emulator.stop()
    result: dict[str, Any] = {
        "benchmark": "rest_overhead",
        "environment": environment(),
        "n": N,
        "warmup": WARMUP,
        "rounds": ROUNDS,
        "instance_type": INSTANCE_TYPE,
        "mlm": asdict(stats["mlm"]),
        "boto3": asdict(stats["boto3"]),
        "aws_calls_per_mlm_request": aws_calls,
        "ratio_median": round(stats["mlm"].median_ms / stats["boto3"].median_ms, 2),
    }
    print_table(result)
    write_results(result)
    print(f"written: {RESULTS / 'rest_overhead.json'}, {RESULTS / 'rest_overhead.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
