"""Cold start of the API Lambda (``mlm.lambdas.api``) against a bare connexion app, and the
size of what the function must ship.

Each run is a fresh Python process that times, from its first line, (1) importing the
handler module and (2) its first request, an API Gateway HTTP API (2.0) event handled in
process: the cold start Lambda bills on top of starting the runtime. Then a second, warm
request. Both sides go through Mangum, so the ratio is about what MLM adds:

- *mlm*: ``mlm.lambdas.api.lambda_handler`` with ``MLM_MODE=aws``, one key and
  ``AWS_LAMBDA_FUNCTION_NAME`` set as Lambda sets it, so the import builds the settings,
  the service container and the connexion app of the whole spec (Lambda's init phase);
  the first request is ``GET /v1/instance-types`` with that key (authenticated, validated
  against the spec, answered from botocore's bundled data: no AWS call, so no network in
  the figure).
- *bare*: a connexion ``FlaskApp`` with a one-operation spec (``GET /v1/ping`` answering
  ``{"ok": true}``) through Mangum, the least a connexion Lambda does.

The package size is measured, not estimated: the installed files (RECORD) of every
distribution ``mlm``'s main dependencies pull in (no extras: no emulator, no packager),
as installed in this virtualenv, against Lambda's 250 MB limit for an unzipped package
(the stack ships an image, whose limit is 10 GB).

Run: ``.venv/bin/python bench/cold_start.py`` (``make bench``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
RUNS = 7
KEY = "bench-key-not-a-secret"
LAMBDA_UNZIPPED_LIMIT_MB = 250

_EVENT = """
def event(path, headers):
    return {
        "version": "2.0", "routeKey": "$default", "rawPath": path, "rawQueryString": "",
        "headers": {"host": "api.example.com", **headers},
        "requestContext": {
            "accountId": "123456789012", "apiId": "api", "domainName": "api.example.com",
            "http": {"method": "GET", "path": path, "protocol": "HTTP/1.1",
                     "sourceIp": "198.51.100.7", "userAgent": "bench"},
            "requestId": "r", "routeKey": "$default", "stage": "$default",
            "time": "02/Dec/2026:04:30:00 +0000", "timeEpoch": 0,
        },
        "isBase64Encoded": False,
    }
"""

MLM_CHILD = (
    "import time\nt0 = time.perf_counter()\n"
    "import mlm.lambdas.api as api\nt1 = time.perf_counter()\n"
    + _EVENT
    + """
e = event("/v1/instance-types", {"x-api-key": KEY})
answer = api.lambda_handler(e, None)
t2 = time.perf_counter()
again = api.lambda_handler(e, None)
t3 = time.perf_counter()
import json, sys
assert answer["statusCode"] == 200 and again["statusCode"] == 200, answer
print(json.dumps({"import_s": t1 - t0, "first_request_s": t2 - t1, "warm_request_s": t3 - t2,
                  "modules": len(sys.modules)}))
"""
)

BARE_SPEC = """openapi: 3.0.3
info: {title: bare, version: "1"}
paths:
  /ping:
    get:
      operationId: bare_app.ping
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: object}
"""

BARE_APP = """
def ping():
    return {"ok": True}
"""

BARE_CHILD = (
    "import time\nt0 = time.perf_counter()\n"
    "from connexion import FlaskApp\nfrom mangum import Mangum\n"
    "app = FlaskApp(__name__, specification_dir=SPEC_DIR)\n"
    "app.add_api('bare.yaml', base_path='/v1')\n"
    "handler = Mangum(app, lifespan='off')\nt1 = time.perf_counter()\n"
    + _EVENT
    + """
e = event("/v1/ping", {})
answer = handler(e, None)
t2 = time.perf_counter()
again = handler(e, None)
t3 = time.perf_counter()
import json, sys
assert answer["statusCode"] == 200 and again["statusCode"] == 200, answer
print(json.dumps({"import_s": t1 - t0, "first_request_s": t2 - t1, "warm_request_s": t3 - t2,
                  "modules": len(sys.modules)}))
"""
)


def _run(code: str, env: dict[str, str]) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    figures: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures


def _base_env() -> dict[str, str]:
    keep = {"PATH", "HOME", "LANG", "OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"}
    env = {k: v for k, v in os.environ.items() if k in keep}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def measure() -> dict[str, Any]:
    digest = hashlib.sha256(KEY.encode()).hexdigest()
    keys = [{"name": "bench", "sha256": digest, "tenant": "bench", "role": "viewer"}]
    mlm_env = _base_env() | {
        "PYTHONPATH": str(ROOT / "server"),
        "MLM_MODE": "aws",
        "MLM_REGION": "us-east-1",
        "MLM_API_KEYS": json.dumps(keys),
        "MLM_PAGE_TOKEN_SECRET": "bench",
        "MLM_LOG_LEVEL": "WARNING",
        # As inside Lambda: the module builds the app at import (the init phase).
        "AWS_LAMBDA_FUNCTION_NAME": "mlm-api",
    }
    samples: dict[str, list[dict[str, float]]] = {"mlm": [], "bare": []}
    with tempfile.TemporaryDirectory() as spec_dir:
        Path(spec_dir, "bare.yaml").write_text(BARE_SPEC)
        Path(spec_dir, "bare_app.py").write_text(BARE_APP)
        bare_env = _base_env() | {"PYTHONPATH": spec_dir}
        bare_code = f"SPEC_DIR = {spec_dir!r}\n" + BARE_CHILD
        mlm_code = f"KEY = {KEY!r}\n" + MLM_CHILD
        _run(mlm_code, mlm_env)  # one unmeasured run each: the OS file cache, not Python
        _run(bare_code, bare_env)
        for _ in range(RUNS):  # interleaved, so drift in the machine's load hits both
            samples["mlm"].append(_run(mlm_code, mlm_env))
            samples["bare"].append(_run(bare_code, bare_env))

    def median(side: str, field: str) -> float:
        return statistics.median(s[field] for s in samples[side])

    sides = {}
    for side in samples:
        cold = [s["import_s"] + s["first_request_s"] for s in samples[side]]
        sides[side] = {
            "import_ms": round(median(side, "import_s") * 1000, 1),
            "first_request_ms": round(median(side, "first_request_s") * 1000, 1),
            "cold_start_ms": round(statistics.median(cold) * 1000, 1),
            "cold_start_min_ms": round(min(cold) * 1000, 1),
            "cold_start_max_ms": round(max(cold) * 1000, 1),
            "warm_request_ms": round(median(side, "warm_request_s") * 1000, 2),
            "modules_loaded": int(median(side, "modules")),
        }
    return {
        "runs": RUNS,
        "sides": sides,
        "cold_start_ratio": round(
            sides["mlm"]["cold_start_ms"] / sides["bare"]["cold_start_ms"], 2
        ),
    }


def _closure() -> dict[str, metadata.Distribution]:
    """mlm's main dependencies, recursively (connexion with the extras pyproject names)."""
    seen: dict[str, metadata.Distribution] = {}
    pending = ["mlm"]
    while pending:
        name = pending.pop().lower().replace("_", "-")
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen[name] = dist
        for requirement in dist.requires or []:
            marker = requirement.partition(";")[2]
            if "extra ==" in marker:
                # Only connexion's extras that mlm asks for (flask, swagger-ui, uvicorn).
                wanted = name == "connexion" and re.search(
                    r"extra == \"(flask|swagger-ui|uvicorn)\"", marker
                )
                if not wanted:
                    continue
            elif marker and "python_version" not in marker and "sys_platform" not in marker:
                continue
            pending.append(re.split(r"[\s\[<>=!~;(]", requirement, maxsplit=1)[0])
    seen.pop("mlm", None)
    return seen


def package_size() -> dict[str, Any]:
    sizes: dict[str, int] = {}
    for name, dist in _closure().items():
        total = 0
        for file in dist.files or []:
            path = Path(str(dist.locate_file(file)))
            if path.is_file() and "__pycache__" not in path.parts:
                total += path.stat().st_size
        sizes[name] = total
    server = sum(p.stat().st_size for p in (ROOT / "server" / "mlm").rglob("*.py"))
    total = sum(sizes.values()) + server
    largest = sorted(sizes.items(), key=lambda item: -item[1])[:6]
    return {
        "distributions": len(sizes),
        "dependencies_mb": round(sum(sizes.values()) / 1e6, 1),
        "mlm_source_mb": round(server / 1e6, 2),
        "total_mb": round(total / 1e6, 1),
        "lambda_unzipped_limit_mb": LAMBDA_UNZIPPED_LIMIT_MB,
        "largest_mb": {name: round(size / 1e6, 1) for name, size in largest},
    }


def markdown(result: dict[str, Any]) -> str:
    mlm, bare = result["cold_start"]["sides"]["mlm"], result["cold_start"]["sides"]["bare"]
    size = result["package"]
    rows = [
        (
            "import of the handler module (Lambda's init phase; mlm builds its app here)",
            "import_ms",
        ),
        ("first request", "first_request_ms"),
        ("cold start (import + first request), median", "cold_start_ms"),
        ("cold start, fastest run", "cold_start_min_ms"),
        ("cold start, slowest run", "cold_start_max_ms"),
        ("warm request", "warm_request_ms"),
        ("modules loaded", "modules_loaded"),
    ]
    lines = [
        "# Cold start of the API Lambda",
        "",
        f"`bench/cold_start.py`, {result['environment']['date']}, Python "
        f"{result['environment']['python']}, {result['environment']['cpu_count']} CPUs "
        "(shared). Each figure is the median of "
        f"{result['cold_start']['runs']} fresh processes; interpreter start-up excluded.",
        "",
        "| | mlm (`mlm.lambdas.api`, `GET /v1/instance-types` with a key) "
        "| bare connexion + Mangum (`GET /v1/ping`) |",
        "|---|---:|---:|",
    ]
    for label, field in rows:
        unit = "" if field == "modules_loaded" else " ms"
        lines.append(f"| {label} | {mlm[field]}{unit} | {bare[field]}{unit} |")
    lines += [
        "",
        f"**Cold-start ratio (mlm / bare): {result['cold_start']['cold_start_ratio']}x.**",
        "",
        "## Lambda package size (measured)",
        "",
        f"The installed files of the {size['distributions']} distributions mlm's main "
        f"dependencies pull in: **{size['dependencies_mb']} MB**, plus mlm's own source "
        f"{size['mlm_source_mb']} MB: {size['total_mb']} MB of Lambda's "
        f"{size['lambda_unzipped_limit_mb']} MB unzipped limit (the stack ships an image: "
        "10 GB limit). Largest:",
        "",
        "| distribution | MB |",
        "|---|---:|",
        *[f"| {name} | {mb} |" for name, mb in size["largest_mb"].items()],
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    import boto3

    result = {
        "environment": {
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpu_count": os.cpu_count(),
            "connexion": metadata.version("connexion"),
            "mangum": metadata.version("mangum"),
            "boto3": boto3.__version__,
        },
        "cold_start": measure(),
        "package": package_size(),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "cold_start.json").write_text(json.dumps(result, indent=2) + "\n")
    text = markdown(result)
    (RESULTS / "cold_start.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
