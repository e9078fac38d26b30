"""Run one packager transfer in its own process and print its peak traced Python memory
(bytes).

The emulator and the test hub keep their bytes in the test process's memory, so the
packager's own footprint is measured here, apart from them — as in a Batch job.
Usage: python -m tests.packager.measure_memory <mode> <args…>, where mode is
``prefix``/``tar`` (endpoint bucket prefix file: upload one file) or ``download``
(hub-url repo-id file: download one file from the hub).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

from mlm.aws.clients import ClientFactory
from mlm.packager.request import Platform, Source, Tuning
from mlm.packager.sources import HubSource
from mlm.packager.upload import Uploader
from mlm.settings import Settings

# Two parts of 5 MiB in flight: the bound the tests check.
MEASURED = Tuning(part_size_bytes=5 * 1024 * 1024, max_concurrency=2)


def peak_in_own_process(mode: str, *args: str) -> int:
    """Run this module with ``mode`` and ``args`` in a fresh process → its peak (bytes)."""
    command = [sys.executable, "-m", "tests.packager.measure_memory", mode, *args]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return int(done.stdout.strip())


def upload(mode: str, endpoint: str, bucket: str, prefix: str, file: str) -> None:
    settings = Settings(mode="emulator", aws_endpoint_url=endpoint)
    uploader = Uploader(ClientFactory(settings).s3(), bucket, prefix, MEASURED, [])
    path = Path(file)
    tracemalloc.start()
    if mode == "tar":
        uploader.upload_tarball([(path, path.name)], "model.tar.gz")
    else:
        with uploader.file_uploads() as uploads:
            uploads.submit(path, "model/" + path.name)


def download(hub_url: str, repo_id: str, file: str) -> None:
    source = Source(platform=Platform.HUGGINGFACE, model_id=repo_id)
    hub = HubSource(source, None, hub_url, MEASURED).resolve()
    with tempfile.TemporaryDirectory() as work:
        tracemalloc.start()
        hub.fetch(file, Path(work), lambda _n: None)


def main(mode: str, *args: str) -> None:
    if mode == "download":
        download(*args)
    else:
        upload(mode, *args)
    _, peak = tracemalloc.get_traced_memory()
    print(peak)


if __name__ == "__main__":
    main(*sys.argv[1:])
