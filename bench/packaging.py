"""The packager on a multi-GiB model vs a download-then-upload baseline, and its peak RSS.

Generated models (llama config, tokenizer files, safetensors shards of random bytes) are
served by the local Hugging Face hub of the test suite (tests/packager/hub.py, in memory)
and packaged into the embedded emulator's S3. In one run:

- *packager*: ``mlm.packager.package`` with its default tuning (what the Batch job runs)
  on the RATIO model: resolve, download (4 workers), check each file as it lands
  (safetensors header, sha256) and start its upload to the S3 prefix at once (parallel
  multipart parts, overlapping the other downloads), then the manifest.
- *baseline*: what the replaced sample does with the same files: huggingface_hub's
  ``snapshot_download`` into a directory, then boto3 ``upload_file`` one file after the
  other (no validation, no checksums, no manifest).
- *peak RSS*: the packager on 1 GiB and 2 GiB models with the same number of shards (so
  the same number of files in flight), and on a 4 GiB model with more shards than
  download workers.

Every measured run is a fresh child process that times only its own work and reads its
peak RSS (VmHWM) from /proc/self/status: the hub and the emulator (whose S3 keeps the
uploaded bytes in its own memory) stay in this process, outside the figures. Nothing is
asserted; the uploaded keys and sizes of both sides are compared so the ratio is about
the same files.

Run: ``.venv/bin/python bench/packaging.py`` (``make bench``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib
import json
import logging
import os
import platform
import re
import struct
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import boto3
import huggingface_hub

from links import ThrottledWriter, ThrottlingProxy, TokenBucket  # bench/links.py
from mlm.aws.clients import EMULATOR_CREDENTIALS, ClientFactory
from mlm.packager import PackageRequest, Platform, Source, Tuning, package
from mlm.packager.progress import Phase, Progress
from mlm.packager.run import PackagerClients
from mlm.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
MIB = 1024 * 1024
BLOCK_MIB = 8
DOWNLOAD_WORKERS = 4  # mlm.packager.run.DOWNLOAD_WORKERS (not imported: keeps this readable)
# name → (shards, MiB per shard). Peak RSS follows the files in flight (at most one per
# download worker, each uploading as it lands), so 1 and 2 GiB are compared at the same
# shard count; 4 GiB has twice the shards, more than the download workers.
MODELS: dict[str, tuple[int, int]] = {
    "1gib": (4, 256),
    "2gib": (4, 512),
    "4gib": (8, 512),
}
RATIO = "2gib"  # the model both sides package for the wall-time ratio
RSS = ("1gib", "2gib", "4gib")  # the models whose packager peak RSS is compared
RUNS = 2  # rounds; each runs the packager at every size and the baseline once
# Each end gets a link of fixed bandwidth (token buckets), so both are network-bound as
# on AWS (a Batch job's hub download and its S3 upload), not bound by loopback and CPU.
HUB_MIB_S = float(os.environ.get("BENCH_HUB_MIB_S", "64"))
S3_MIB_S = float(os.environ.get("BENCH_S3_MIB_S", "64"))
TENANT = "bench"


# --- the child: one measured run -------------------------------------------------------


def peak_rss_mib() -> float:
    """This process's peak resident set size (VmHWM), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    raise RuntimeError("no VmHWM in /proc/self/status")


def run_packager(spec: dict[str, Any]) -> dict[str, Any]:
    settings = Settings(mode="emulator", aws_endpoint_url=spec["aws_endpoint_url"])
    clients = PackagerClients(s3=ClientFactory(settings).s3())
    request = PackageRequest(
        source=Source(platform=Platform.HUGGINGFACE, model_id=spec["repo_id"]),
        output_uri=f"s3://{spec['bucket']}/{spec['prefix']}",
        region=settings.region,
        tenant=TENANT,
        model_name="bench-model",
        hf_endpoint=spec["hub_url"],
        work_dir=Path(spec["work_dir"]),
    )
    phase_starts: dict[str, float] = {}

    def on_progress(progress: Progress) -> None:
        phase_starts.setdefault(progress.phase.value, time.perf_counter())

    started = time.perf_counter()
    package(request, clients, on_progress)
    ended = time.perf_counter()
    marks = [*phase_starts.items(), ("end", ended)]
    phases = {name: round(marks[i + 1][1] - at, 2) for i, (name, at) in enumerate(marks[:-1])}
    phases.pop(Phase.DONE.value, None)
    return {"wall_s": round(ended - started, 2), "phases_s": phases}


def run_baseline(spec: dict[str, Any]) -> dict[str, Any]:
    s3 = boto3.client(
        "s3",
        endpoint_url=spec["aws_endpoint_url"],
        region_name=spec["region"],
        aws_access_key_id=EMULATOR_CREDENTIALS["aws_access_key_id"],
        aws_secret_access_key=EMULATOR_CREDENTIALS["aws_secret_access_key"],
    )
    started = time.perf_counter()
    local = Path(
        huggingface_hub.snapshot_download(
            spec["repo_id"], local_dir=spec["work_dir"], endpoint=spec["hub_url"], token=False
        )
    )
    downloaded = time.perf_counter()
    for name in spec["files"]:
        s3.upload_file(str(local / name), spec["bucket"], f"{spec['prefix']}model/{name}")
    ended = time.perf_counter()
    phases = {"downloading": downloaded - started, "uploading": ended - downloaded}
    return {
        "wall_s": round(ended - started, 2),
        "phases_s": {name: round(seconds, 2) for name, seconds in phases.items()},
    }


def child(spec: dict[str, Any]) -> int:
    figures = run_packager(spec) if spec["side"] == "packager" else run_baseline(spec)
    print(json.dumps(figures | {"peak_rss_mib": peak_rss_mib()}))
    return 0


# --- the parent: hub, emulator, model, children ----------------------------------------


def test_module(name: str) -> Any:
    """``tests.packager.<name>`` (the test suite's hub and model generator). Imported by
    name: the project type-checks server code, not tests."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    return importlib.import_module(f"tests.packager.{name}")


def shard(index: int, shard_mib: int) -> bytes:
    """One safetensors shard: a BF16 tensor of ``shard_mib`` random bytes."""
    safetensors_bytes = test_module("models").safetensors_bytes
    rows = shard_mib * MIB // 2 // 4096
    # The generator fills the tensor with one byte: keep its header, then random bytes.
    generated: bytes = safetensors_bytes({f"layers.{index}.weight": ("BF16", (rows, 4096))})
    (header_length,) = struct.unpack("<Q", generated[:8])
    header = generated[: 8 + header_length]
    del generated
    # Random bytes, cheaply: one random block per shard, repeated (nothing here compresses
    # or deduplicates, so this moves exactly like fully random weights).
    return header + os.urandom(BLOCK_MIB * MIB) * (shard_mib // BLOCK_MIB)


def model_files(shards: list[bytes]) -> dict[str, bytes]:
    models = test_module("models")
    count = len(shards)
    files = {
        "config.json": models.config_bytes(models.LLAMA),
        "generation_config.json": b'{"do_sample": true}',
        "tokenizer.json": b'{"version": "1.0"}',
        "tokenizer_config.json": b"{}",
    }
    weight_map = {}
    for i, data in enumerate(shards, start=1):
        name = f"model-{i:05d}-of-{count:05d}.safetensors"
        files[name] = data
        weight_map[f"layers.{i}.weight"] = name
    files["model.safetensors.index.json"] = json.dumps({"weight_map": weight_map}).encode()
    return files


class _HashlibWithStoredEtags:
    """hashlib for the test hub, remembering each file's sha256: the hub hashes a file on
    every request for its ETag, where the real hub serves a stored one; unmemoized that
    is seconds of hub CPU per run on gigabytes, on the same 2 cores as the clients."""

    def __init__(self) -> None:
        self.sha1 = hashlib.sha1
        self._digests: dict[int, Any] = {}

    def sha256(self, data: bytes) -> Any:
        if id(data) not in self._digests:
            self._digests[id(data)] = hashlib.sha256(data)
        return self._digests[id(data)]


_TREE = re.compile(r"^/api/models/(?P<repo>[^/]+/[^/]+)/tree/(?P<rev>[^/]+)$")


@contextmanager
def serve_hub_with_tree() -> Iterator[Any]:
    """The test hub plus the tree listing ``snapshot_download`` reads (the packager does
    not call it, so the test hub does not serve it)."""
    test_hub = test_module("hub")
    hub = test_hub.Hub(url="")

    link = TokenBucket(HUB_MIB_S * MIB)

    class Handler(test_hub._handler(hub)):  # type: ignore[misc]
        def setup(self) -> None:
            super().setup()
            self.wfile = ThrottledWriter(self.wfile, link)  # the hub's outbound link

        def do_GET(self) -> None:
            match = _TREE.match(unquote(urlsplit(self.path).path))
            repo = hub.repos.get(match["repo"]) if match else None
            if repo is None:
                super().do_GET()
                return
            body = json.dumps(
                [
                    {"type": "file", "path": name, "size": len(data), "oid": repo.sha}
                    for name, data in sorted(repo.files.items())
                ]
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    class Server(ThreadingHTTPServer):
        request_queue_size = 128  # socketserver's 5 drops the packager's parallel connects

    server = Server(("127.0.0.1", 0), Handler)
    hub.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield hub
    finally:
        server.shutdown()
        server.server_close()


def measure(side: str, spec: dict[str, Any]) -> dict[str, Any]:
    """One run of ``side`` in a fresh child process → its figures."""
    with tempfile.TemporaryDirectory(prefix="mlm-bench-") as work:
        env = os.environ | {
            "HF_HOME": str(Path(work) / "hf-home"),
            "HF_HUB_DISABLE_PROGRESS_BARS": "1",
            "HF_HUB_DISABLE_TELEMETRY": "1",
        }
        spec = spec | {"side": side, "work_dir": str(Path(work) / "model")}
        Path(spec["work_dir"]).mkdir()
        done = subprocess.run(
            [sys.executable, __file__, "--child", json.dumps(spec)],
            capture_output=True,
            text=True,
            env=env,
        )
    if done.returncode != 0:
        raise SystemExit(f"the {side} run failed:\n{done.stderr}")
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def uploaded(s3: Any, bucket: str, prefix: str) -> dict[str, int]:
    """Keys (relative to ``prefix``) and sizes under ``prefix``, then deleted: the
    emulator keeps object bytes in memory."""
    listed = {
        obj["Key"]: int(obj["Size"])
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
        for obj in page.get("Contents", [])
    }
    if listed:
        s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": k} for k in listed]})
    return {key[len(prefix) :]: size for key, size in sorted(listed.items())}


def parent() -> int:
    # Imported here, not at the top: measured children import only what packaging needs
    # (moto and Flask would add ~130 MiB to every child's RSS figure).
    from mlm.emulator.server import start_emulator

    test_hub = test_module("hub")
    started = time.perf_counter()
    # One set of shards per shard size, as many as the largest model of that size needs.
    by_size: dict[int, list[bytes]] = {}
    for count, shard_mib in MODELS.values():
        have = by_size.setdefault(shard_mib, [])
        have.extend(shard(i, shard_mib) for i in range(len(have) + 1, count + 1))
    print(
        "generated "
        + ", ".join(f"{len(v)} x {mib} MiB" for mib, v in by_size.items())
        + f" shards in {time.perf_counter() - started:.1f} s",
        flush=True,
    )
    test_hub.__dict__["hashlib"] = _HashlibWithStoredEtags()
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # the emulator's request log
    base = Settings(mode="emulator", emulator_transition_seconds=0.05)
    emulator, settings = start_emulator(base)
    assert settings.aws_endpoint_url is not None
    emulated = urlsplit(settings.aws_endpoint_url)
    # The children reach S3 through a link of S3_MIB_S towards it (uploads).
    s3_link = ThrottlingProxy(
        (emulated.hostname or "127.0.0.1", emulated.port or 80), TokenBucket(S3_MIB_S * MIB), None
    )
    s3 = ClientFactory(settings).s3()
    bucket = settings.artifact_bucket
    assert bucket is not None  # the emulator's bootstrap creates it
    runs: list[dict[str, Any]] = []
    try:
        with serve_hub_with_tree() as hub:
            repos = {}
            for name, (count, shard_mib) in MODELS.items():
                repo_id = f"bench/model-{name}"
                files = model_files(by_size[shard_mib][:count])
                sha = hashlib.sha1(repo_id.encode()).hexdigest()  # noqa: S324 - a commit id
                repos[name] = hub.add(test_hub.Repo(repo_id=repo_id, files=files, sha=sha))
            # Rounds alternate sides and sizes, so drift hits everyone alike.
            one_round = [("packager", name) for name in RSS] + [("baseline", RATIO)]
            if RATIO not in RSS:
                one_round.insert(0, ("packager", RATIO))
            plan = one_round * RUNS
            for number, (side, name) in enumerate(plan, start=1):
                repo = repos[name]
                count, shard_mib = MODELS[name]
                prefix = f"bench-packaging/{number}-{side}/"
                spec = {
                    "repo_id": repo.repo_id,
                    "files": sorted(repo.files),
                    "hub_url": hub.url,
                    "aws_endpoint_url": s3_link.url,
                    "region": settings.region,
                    "bucket": bucket,
                    "prefix": prefix,
                }
                print(f"run {number}/{len(plan)}: {side}, {name} model…", flush=True)
                figures = measure(side, spec)
                print(f"  {figures}", flush=True)
                objects = uploaded(s3, bucket, prefix)
                model = {k: v for k, v in objects.items() if k.startswith("model/")}
                runs.append(
                    {
                        "round": (number - 1) // len(one_round) + 1,
                        "side": side,
                        "model": name,
                        "shards": f"{count} x {shard_mib} MiB",
                        "model_bytes": sum(len(d) for d in repo.files.values()),
                        **figures,
                        "uploaded_model_files": len(model),
                        "uploaded_model_bytes": sum(model.values()),
                        "uploaded_other": sorted(set(objects) - set(model)),
                    }
                )
    finally:
        s3_link.stop()
        emulator.stop()
    result = summarize(runs)
    write_results(result)
    print_table(result)
    return 0


def median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return round((ordered[middle - 1] + ordered[middle]) / 2, 2)


def summarize(runs: list[dict[str, Any]]) -> dict[str, Any]:
    def timed(side: str) -> list[dict[str, Any]]:
        return [r for r in runs if r["side"] == side and r["model"] == RATIO]

    packager, baseline = timed("packager"), timed("baseline")
    packager_wall = median([r["wall_s"] for r in packager])
    baseline_wall = median([r["wall_s"] for r in baseline])
    # Paired by round (the two sides ran minutes apart at most): machine drift between
    # rounds, large on a shared 2-core VM, cancels out of each round's ratio.
    by_round = {r["round"]: r["wall_s"] for r in packager}
    round_ratios = [round(r["wall_s"] / by_round[r["round"]], 2) for r in baseline]
    rss = {
        name: [r["peak_rss_mib"] for r in runs if r["side"] == "packager" and r["model"] == name]
        for name in RSS
    }
    tuning = Tuning()
    return {
        "environment": environment(),
        "models": {
            name: {"shards": count, "shard_mib": mib} for name, (count, mib) in MODELS.items()
        },
        "ratio_model": RATIO,
        "series": "llama",
        "download_workers": DOWNLOAD_WORKERS,
        "packager_tuning": {
            "part_size_mib": tuning.part_size_bytes // MIB,
            "max_concurrency": tuning.max_concurrency,
        },
        "runs_per_side": RUNS,
        "packager_wall_s": packager_wall,
        "baseline_wall_s": baseline_wall,
        "ratio_wall_baseline_over_packager": median(round_ratios),
        "ratio_per_round": round_ratios,
        "same_files_uploaded": len(
            {(r["uploaded_model_files"], r["uploaded_model_bytes"]) for r in packager + baseline}
        )
        == 1,
        "packager_peak_rss_mib_by_model": rss,
        "runs": runs,
    }


def environment() -> dict[str, object]:
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "huggingface_hub": huggingface_hub.__version__,
        "boto3": boto3.__version__,
    }


def run_rows(result: dict[str, Any]) -> list[str]:
    return [
        f"| {r['round']} | {r['side']} | {r['model']} ({r['shards']}) | {r['wall_s']} | "
        + ", ".join(f"{name} {sec}" for name, sec in r["phases_s"].items())
        + f" | {r['peak_rss_mib']} | {r['uploaded_model_files']} | {r['uploaded_model_bytes']} |"
        for r in result["runs"]
    ]


RUN_HEADER = [
    "| round | side | model (shards) | wall s | phases s | peak RSS MiB | files up | bytes up |",
    "|---|---|---|---|---|---|---|---|",
]


def rss_text(rss: dict[str, list[float]]) -> str:
    return ", ".join(f"{name} model: {' / '.join(map(str, mib))} MiB" for name, mib in rss.items())


def print_table(result: dict[str, Any]) -> None:
    print("\n".join(["", *RUN_HEADER, *run_rows(result), ""]))
    print(
        f"wall (median of {RUNS}): packager {result['packager_wall_s']} s, baseline "
        f"{result['baseline_wall_s']} s; ratio baseline/packager per round "
        f"{result['ratio_per_round']}, median {result['ratio_wall_baseline_over_packager']}"
    )
    rss = result["packager_peak_rss_mib_by_model"]
    print(f"packager peak RSS per run: {rss_text(rss)}")


def write_results(result: dict[str, Any]) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "packaging.json").write_text(json.dumps(result, indent=2) + "\n")
    env, tuning = result["environment"], result["packager_tuning"]
    rss = result["packager_peak_rss_mib_by_model"]
    shapes = ", ".join(f"{name} = {c} x {mib} MiB" for name, (c, mib) in MODELS.items())
    lines = [
        "# Packaging: a multi-GiB model from a Hugging Face hub to S3",
        "",
        "Generated by `bench/packaging.py` (`make bench`); do not edit by hand.",
        "",
        "Generated llama-series models (config, tokenizer files, an index and safetensors "
        f"shards: {shapes}; each shard's tensor is one {BLOCK_MIB} MiB "
        "random block repeated, which nothing on the path compresses or deduplicates) are "
        "served by the test suite's "
        "local Hugging Face hub (in memory, loopback HTTP) and uploaded to the embedded "
        "emulator's S3; hub and emulator share this process, each measured run is a fresh "
        "child process that times only its own work and reads its peak RSS (VmHWM).",
        "",
        "- *packager*: `mlm.packager.package` with its default tuning "
        f"({tuning['part_size_mib']} MiB parts, {tuning['max_concurrency']} concurrent part "
        "uploads, 4 download workers): resolve the commit, then download the files serving "
        "needs, checking each as it lands (safetensors header, sha256) and starting its "
        "upload to the S3 prefix at once (parallel multipart parts), then write "
        "manifest.json.",
        "- *baseline*: `huggingface_hub.snapshot_download` of the same repository into a "
        "directory, then boto3 `upload_file` for each file, one after the other (boto3's "
        "default transfer settings; no validation, checksums or manifest).",
        "- *peak RSS*: the packager on each model. Memory follows the files in flight (at "
        f"most {DOWNLOAD_WORKERS} downloading, each uploading as it lands), not the model's "
        "size: 1gib and 2gib have the same shard count, so they compare size alone; 4gib "
        f"has more shards than the {DOWNLOAD_WORKERS} download workers.",
        "",
        f"{RUNS} rounds, each running the packager at every size and the baseline once; "
        f"wall times compared on the {RATIO} model, as a ratio per round (baseline / "
        "packager, the two run back to back, so drift between rounds cancels) whose median "
        "is the headline. Phase "
        "times come from the packager's progress callback (the start of each phase; "
        "*uploading* is what is left of the upload once every download has landed) and, "
        "for the baseline, from around its two steps. The test hub's per-request sha256 "
        f"ETag is memoized (the real hub serves a stored one). Each end is a link of fixed "
        f"bandwidth (token buckets): the hub sends at {HUB_MIB_S:g} MiB/s, and the "
        f"children reach S3 through a TCP proxy passing {S3_MIB_S:g} MiB/s towards it, so "
        "both sides are network-bound as a Batch job is on AWS: overlapping download and "
        "upload makes the packager's wall about the larger of the two transfers, the "
        "baseline's their sum. Both sides uploaded the "
        f"same files and bytes: {'yes' if result['same_files_uploaded'] else 'NO'}.",
        "",
        "| | |",
        "|---|---|",
        f"| date (UTC) | {env['date']} |",
        f"| Python | {env['implementation']} {env['python']} |",
        f"| platform | {env['platform']} |",
        f"| CPUs | {env['cpu_count']} |",
        f"| huggingface_hub / boto3 | {env['huggingface_hub']} / {env['boto3']} |",
        "",
        *RUN_HEADER,
        *run_rows(result),
        "",
        f"**Wall time ratio (baseline / packager): "
        f"{result['ratio_wall_baseline_over_packager']}** (median of the per-round ratios "
        f"{', '.join(map(str, result['ratio_per_round']))}; median walls: packager "
        f"{result['packager_wall_s']} s, baseline {result['baseline_wall_s']} s).",
        "",
        f"**Packager peak RSS** (per run): {rss_text(rss)}.",
        "",
    ]
    (RESULTS / "packaging.md").write_text("\n".join(lines))


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        return child(json.loads(sys.argv[2]))
    return parent()


if __name__ == "__main__":
    sys.exit(main())
