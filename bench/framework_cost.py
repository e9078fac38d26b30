"""What the web framework itself costs per request: MLM's ``GET /v1/health`` beside a bare
connexion app and a bare Starlette route, all under uvicorn in one run.

- *starlette*: one route returning a small JSON body (the floor: HTTP server + ASGI).
- *connexion*: a connexion ``FlaskApp`` with one operation, the same body, no security
  (adds connexion's routing and validation middleware and the Flask thread hop).
- *mlm*: ``GET /v1/health`` of the real app (adds MLM's middleware and handler; the
  backend check inside it is cached for 10 s, so it makes no AWS call here).

The difference between the rows is what each layer costs; nothing is asserted. Results
in bench/results/framework_cost.{json,md}. Run: ``.venv/bin/python bench/framework_cost.py``.
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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from connexion import FlaskApp
from pydantic import SecretStr
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

from mlm.app import create_app
from mlm.container import build_container
from mlm.emulator.server import start_emulator
from mlm.logs import configure_logging
from mlm.settings import Settings

N = int(os.environ.get("BENCH_N", "2000"))
WARMUP = 200
ROUNDS = 10
BODY = {"status": "ok", "version": "0", "backend": {"mode": "bench", "reachable": True}}
RESULTS = Path(__file__).resolve().parent / "results"
SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "bare", "version": "1"},
    "paths": {
        "/health": {
            "get": {
                "operationId": "framework_cost.bare_health",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        }
    },
}


def bare_health() -> dict[str, Any]:
    return BODY


async def _starlette_health(request: Any) -> JSONResponse:
    return JSONResponse(BODY)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def served(app: Any) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def main() -> int:
    configure_logging("text", "WARNING")
    sys.modules.setdefault("framework_cost", sys.modules[__name__])
    emulator, settings = start_emulator(
        Settings(mode="emulator", dev_api_key=SecretStr("bench-dev-key"))
    )
    settings.__dict__.pop("keys_by_hash", None)
    bare = FlaskApp(__name__)
    bare.add_api(SPEC)
    apps = {
        "starlette": (Starlette(routes=[Route("/health", _starlette_health)]), "/health"),
        "connexion": (bare, "/health"),
        "mlm": (create_app(build_container(settings)), "/v1/health"),
    }
    samples: dict[str, list[float]] = {name: [] for name in apps}
    try:
        with (
            served(apps["starlette"][0]) as s_url,
            served(apps["connexion"][0]) as c_url,
            served(apps["mlm"][0]) as m_url,
            httpx.Client(timeout=30) as http,
        ):
            urls = {"starlette": s_url, "connexion": c_url, "mlm": m_url}
            for name, (_, path) in apps.items():
                for _ in range(WARMUP):
                    http.get(urls[name] + path).raise_for_status()
            order = list(apps)
            for round_no in range(ROUNDS):
                for name in order if round_no % 2 == 0 else reversed(order):
                    path = apps[name][1]
                    for _ in range(N // ROUNDS):
                        started = time.perf_counter_ns()
                        http.get(urls[name] + path)
                        samples[name].append((time.perf_counter_ns() - started) / 1e6)
    finally:
        emulator.stop()
    stats = {
        name: {
            "n": len(values),
            "median_ms": round(statistics.median(values), 3),
            "p95_ms": round(statistics.quantiles(values, n=20)[18], 3),
        }
        for name, values in samples.items()
    }
    floor = stats["starlette"]["median_ms"]
    result = {
        "environment": {
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpu_count": os.cpu_count(),
        },
        "n": N,
        "stats": stats,
        "ratio_connexion_over_starlette": round(stats["connexion"]["median_ms"] / floor, 2),
        "ratio_mlm_over_connexion": round(
            stats["mlm"]["median_ms"] / stats["connexion"]["median_ms"], 2
        ),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "framework_cost.json").write_text(json.dumps(result, indent=2) + "\n")
    env = result["environment"]
    lines = [
        "# Framework cost per request: uvicorn + Starlette, + connexion, + MLM",
        "",
        "Generated by `bench/framework_cost.py` (`make bench`); do not edit by hand.",
        "",
        f"Sequential keep-alive GETs (httpx), {N} per app after {WARMUP} warm-up, interleaved"
        f" over {ROUNDS} rounds, all three servers under uvicorn in one process. No AWS call",
        "is made on any path. Compare medians; p95 moves with whatever else the machine runs.",
        "",
        f"date {env['date']}, Python {env['python']}, {env['platform']}, {env['cpu_count']} CPUs",
        "",
        "| app | median ms | p95 ms |",
        "|---|---|---|",
        *[f"| {name} | {s['median_ms']} | {s['p95_ms']} |" for name, s in stats.items()],
        "",
        f"connexion / starlette: **{result['ratio_connexion_over_starlette']}x**; "
        f"MLM health / bare connexion: **{result['ratio_mlm_over_connexion']}x**.",
        "",
    ]
    (RESULTS / "framework_cost.md").write_text("\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
