"""The fleet view for 200 and 2,000 endpoints: `?view=overview` vs a naive baseline.

Every AWS call gets a fixed extra latency (a botocore ``before-send`` hook, in this
benchmark only), which stands in for the network round trip to AWS that the loopback
emulator does not have. Then, in one run:

- *overview*: every page of ``GET /v1/endpoints?view=overview&page_size=100`` through the
  app in process (connexion, auth, the services): the fleet index read once (one
  DynamoDB Query, paged by DynamoDB at 1 MB; reused by later pages for the read-cache
  TTL, and forgotten before each run), then one GetMetricData per page (per 500 series).
  The figure cache is off, so every page reads CloudWatch.
- *first page*: the first request alone (what a dashboard showing one page pays).
- *naive*: what the replaced AWS sample does, serially: ListEndpoints, then per endpoint
  DescribeEndpoint and one GetMetricStatistics per metric (GPU utilization, in-flight).

Reported: wall time, AWS calls by operation, and the sequential AWS round trips on the
critical path (the longest chain of calls each starting after the previous one ended,
from the calls' recorded start and end times). Nothing is asserted.

Run: ``.venv/bin/python bench/fleet_overview.py`` (``make bench``).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import os
import platform
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from mlm.app import create_app
from mlm.aws.cloudwatch import CloudWatchMetrics
from mlm.container import Container, build_container
from mlm.emulator.server import start_emulator
from mlm.services.endpoints.requests import NewEndpoint, VariantSpec
from mlm.services.observability.fleet import FleetOverview
from mlm.services.registry.requests import ContainerSpec, NewModel, NewVersion
from mlm.settings import Settings

SIZES = (200, 2000)
NAIVE_RUNS_AT_2000 = 1  # the naive walk of 2,000 endpoints takes minutes per run
LATENCY_MS = 20.0
PAGE_SIZE = 100
RUNS = 3  # measured runs per side (median reported), after one warm-up each
INSTANCE_TYPE = "ml.g5.12xlarge"  # 4 GPUs
IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.33.0-lmi15.0.0-cu128"
DEV_KEY = "bench-dev-key"
TENANT_PREFIX = "mlm-dev-"
RESULTS = Path(__file__).resolve().parent / "results"
NAIVE_METRICS = (
    ("/aws/sagemaker/Endpoints", "GPUUtilization", "Average"),
    ("AWS/SageMaker", "ConcurrentRequestsPerModel", "Maximum"),
)


class AwsRecorder:
    """Adds LATENCY_MS to every AWS call and records each call's name, start and end."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, float, float]] = []
        self._lock = threading.Lock()
        self.enabled = False

    def attach(self, client: Any) -> None:
        client.meta.events.register("before-call", self._before_call)
        client.meta.events.register("before-send", self._before_send)
        client.meta.events.register("after-call", self._after_call)

    def _before_call(self, context: dict[str, Any], **_: Any) -> None:
        context["bench_start"] = time.perf_counter()

    def _before_send(self, **_: Any) -> None:
        if self.enabled:
            time.sleep(LATENCY_MS / 1000)

    def _after_call(self, model: Any, context: dict[str, Any], **_: Any) -> None:
        if self.enabled:
            with self._lock:
                self.calls.append((model.name, context["bench_start"], time.perf_counter()))

    def measure(self, work: Callable[[], object]) -> dict[str, Any]:
        self.calls = []
        self.enabled = True
        started = time.perf_counter()
        try:
            work()
        finally:
            wall = time.perf_counter() - started
            self.enabled = False
        return {
            "wall_s": round(wall, 3),
            "aws_calls": len(self.calls),
            "aws_calls_by_operation": dict(sorted(Counter(c[0] for c in self.calls).items())),
            "sequential_round_trips": critical_path(self.calls),
        }


def critical_path(calls: list[tuple[str, float, float]]) -> int:
    """The longest chain of calls each starting after the previous ended (greedy by end)."""
    chain, last_end = 0, -math.inf
    for _, start, end in sorted(calls, key=lambda c: c[2]):
        if start >= last_end:
            chain, last_end = chain + 1, end
    return chain


def setup(rt: Container, start: int, stop: int) -> list[str]:
    """Endpoints ``start``..``stop`` of tenant 'dev', each with GPU and in-flight datapoints."""
    if start == 0:
        rt.models.create("dev", NewModel(name="bench-model", metadata={"license": "mit"}))
        rt.versions.create(
            "dev",
            "bench-model",
            NewVersion(ContainerSpec(IMAGE), approval_status="approved"),
            actor="bench",
        )
    spec = VariantSpec(model_name="bench-model", model_version=1, instance_type=INSTANCE_TYPE)
    names = [f"fleet-{i:04d}" for i in range(start, stop)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(lambda n: rt.endpoints.create("dev", NewEndpoint(n, [spec])), names))
    at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=2)
    cloudwatch = rt.clients.cloudwatch()
    for namespace, metric, value in (
        ("/aws/sagemaker/Endpoints", "GPUUtilization", 180.0),
        ("AWS/SageMaker", "ConcurrentRequestsPerModel", 2.0),
    ):
        data: list[Any] = [
            {
                "MetricName": metric,
                "Dimensions": [
                    {"Name": "EndpointName", "Value": TENANT_PREFIX + name},
                    {"Name": "VariantName", "Value": "primary"},
                ],
                "Value": value,
                "Timestamp": at,
            }
            for name in names
        ]
        for i in range(0, len(data), 500):
            cloudwatch.put_metric_data(Namespace=namespace, MetricData=data[i : i + 500])
    return names


def overview(client: Any, rt: Container, pages: int | None = None) -> int:
    """Every page of the overview (or the first ``pages``) → how many endpoints it listed.
    The index snapshot is forgotten first: each run reads the index once."""
    rt.fleet_index.forget_cached("dev")
    seen, token, fetched = 0, None, 0
    while True:
        params: dict[str, Any] = {"view": "overview", "page_size": PAGE_SIZE}
        if token:
            params["page_token"] = token
        response = client.get("/v1/endpoints", params=params)
        if response.status_code != 200:
            raise SystemExit(f"overview answered {response.status_code}: {response.text}")
        body = response.json()
        seen += len(body["items"])
        fetched += 1
        token = body["next_page_token"]
        if not token or (pages is not None and fetched >= pages):
            return seen


def naive(rt: Container) -> int:
    """The baseline, serially: list, then per endpoint describe + one read per metric."""
    sm, cw = rt.clients.sagemaker(), rt.clients.cloudwatch()
    end = dt.datetime.now(dt.UTC)
    start = end - dt.timedelta(minutes=10)
    names = [
        e["EndpointName"]
        for page in sm.get_paginator("list_endpoints").paginate(NameContains=TENANT_PREFIX)
        for e in page["Endpoints"]
    ]
    for name in names:
        described = sm.describe_endpoint(EndpointName=name)
        for variant in described.get("ProductionVariants", []):
            for namespace, metric, stat in NAIVE_METRICS:
                cw.get_metric_statistics(
                    Namespace=namespace,
                    MetricName=metric,
                    Dimensions=[
                        {"Name": "EndpointName", "Value": name},
                        {"Name": "VariantName", "Value": variant["VariantName"]},
                    ],
                    StartTime=start,
                    EndTime=end,
                    Period=60,
                    Statistics=[stat],  # type: ignore[list-item]
                )
    return len(names)


def median_run(
    recorder: AwsRecorder, work: Callable[[], object], runs_wanted: int = RUNS
) -> dict[str, Any]:
    work()  # warm-up: connections, lazy imports, immutable description caches
    runs = [recorder.measure(work) for _ in range(runs_wanted)]
    runs.sort(key=lambda r: r["wall_s"])
    return runs[len(runs) // 2] | {"wall_s_runs": [r["wall_s"] for r in runs]}


def main() -> int:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # the emulator's request log
    base = Settings(mode="emulator", emulator_transition_seconds=0.05, dev_api_key=DEV_KEY)
    emulator, settings = start_emulator(base)
    sizes: list[dict[str, Any]] = []
    try:
        rt = build_container(settings)
        # Figures read fresh on every page: the cache would hide what the reads cost.
        cloudwatch = CloudWatchMetrics(rt.clients.cloudwatch())
        rt.__dict__["fleet"] = FleetOverview(
            rt.indexed_endpoints, rt.catalog, cloudwatch, ttl_seconds=0
        )
        recorder = AwsRecorder()
        for client in (rt.clients.sagemaker(), rt.clients.cloudwatch(), rt.clients.dynamodb()):
            recorder.attach(client)
        app = create_app(rt)
        made = 0
        for size in SIZES:
            print(f"creating endpoints {made}..{size} in the emulator…", flush=True)
            setup(rt, made, size)
            made = size
            time.sleep(1)  # every endpoint InService (transitions take 0.05 s)
            with app.test_client(headers={"X-Api-Key": DEV_KEY}) as http:
                listed = overview(http, rt)
                assert listed == size, f"overview listed {listed} of {size} endpoints"
                print(f"measuring ?view=overview at {size}…", flush=True)
                ours = median_run(recorder, lambda: overview(http, rt))
                first = median_run(recorder, lambda: overview(http, rt, pages=1))
            print(f"measuring the naive baseline at {size}…", flush=True)
            naive_runs = RUNS if size <= 200 else NAIVE_RUNS_AT_2000
            base_run = median_run(recorder, lambda: naive(rt), naive_runs)
            sizes.append(
                {
                    "endpoints": size,
                    "overview": ours,
                    "first_page": first,
                    "naive": base_run,
                    "naive_runs": naive_runs,
                    "ratio_wall_naive_over_overview": round(base_run["wall_s"] / ours["wall_s"], 2),
                    "ratio_aws_calls_naive_over_overview": round(
                        base_run["aws_calls"] / ours["aws_calls"], 2
                    ),
                }
            )
    finally:
        emulator.stop()
    result = {
        "environment": environment(),
        "added_latency_ms_per_aws_call": LATENCY_MS,
        "page_size": PAGE_SIZE,
        "runs": RUNS,
        "sizes": sizes,
    }
    write_results(result)
    print(json.dumps(result, indent=2))
    return 0


def environment() -> dict[str, object]:
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
    }


def write_results(result: dict[str, Any]) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "fleet_overview.json").write_text(json.dumps(result, indent=2) + "\n")
    env = result["environment"]

    def ops(run: dict[str, Any]) -> str:
        return ", ".join(f"{k} {v}" for k, v in run["aws_calls_by_operation"].items())

    lines = [
        "# Fleet overview: `GET /v1/endpoints?view=overview` at 200 and 2,000 endpoints",
        "",
        "Generated by `bench/fleet_overview.py` (`make bench`); do not edit by hand.",
        "",
        f"Endpoints (one variant each, {INSTANCE_TYPE}) in the embedded emulator; every AWS "
        f"call gets {LATENCY_MS:g} ms of added latency (a botocore hook) to stand in for the "
        "network round trip to AWS. *overview* pages through "
        f"`?view=overview&page_size={PAGE_SIZE}` via the app in process (figure cache off; "
        "the fleet index read once per run, then reused by the later pages). *first page* "
        "is one request. *naive* is the replaced sample's approach, serially: ListEndpoints, "
        "then per endpoint DescribeEndpoint and one GetMetricStatistics per metric (GPU "
        f"utilization, in-flight requests). Median of {RUNS} runs after a warm-up "
        f"({NAIVE_RUNS_AT_2000} for the naive walk of 2,000). *Sequential round trips* is the "
        "longest chain of AWS calls each starting after the previous one ended.",
        "",
        "| | |",
        "|---|---|",
        f"| date (UTC) | {env['date']} |",
        f"| Python | {env['implementation']} {env['python']} |",
        f"| platform | {env['platform']} |",
        f"| CPUs | {env['cpu_count']} |",
        "",
        "| endpoints | path | wall s | AWS calls | sequential round trips | calls by operation |",
        "|---|---|---|---|---|---|",
    ]
    for size in result["sizes"]:
        for label in ("overview", "first_page", "naive"):
            run = size[label]
            lines.append(
                f"| {size['endpoints']} | {label.replace('_', ' ')} | {run['wall_s']} | "
                f"{run['aws_calls']} | {run['sequential_round_trips']} | {ops(run)} |"
            )
    lines.append("")
    for size in result["sizes"]:
        lines.append(
            f"- {size['endpoints']} endpoints: **wall time ratio (naive / overview) "
            f"{size['ratio_wall_naive_over_overview']}**; AWS calls ratio "
            f"{size['ratio_aws_calls_naive_over_overview']}."
        )
    lines.append("")
    (RESULTS / "fleet_overview.md").write_text("\n".join(lines))


if __name__ == "__main__":
    sys.exit(main())
