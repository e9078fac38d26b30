"""Run one upload in its own process and print the peak traced Python memory (bytes).

The emulator keeps uploaded bytes in the test process's memory, so the packager's own
footprint is measured here, apart from it — as in a Batch job.
Usage: python -m tests.packager.measure_upload <endpoint> <bucket> <prefix> <file> <prefix|tar>
"""

from __future__ import annotations

import sys
import tracemalloc
from pathlib import Path

from mlm.aws.clients import ClientFactory
from mlm.packager.request import Tuning
from mlm.packager.upload import Uploader
from mlm.settings import Settings

# Two parts of 5 MiB in flight: the bound the tests check.
MEASURED = Tuning(part_size_bytes=5 * 1024 * 1024, max_concurrency=2)


def main(endpoint: str, bucket: str, prefix: str, file: str, mode: str) -> None:
    settings = Settings(mode="emulator", aws_endpoint_url=endpoint)
    uploader = Uploader(ClientFactory(settings).s3(), bucket, prefix, MEASURED, [])
    path = Path(file)
    tracemalloc.start()
    if mode == "tar":
        uploader.upload_tarball([(path, path.name)], "model.tar.gz")
    else:
        uploader.upload_files([(path, "model/" + path.name)])
    _, peak = tracemalloc.get_traced_memory()
    print(peak)


if __name__ == "__main__":
    main(*sys.argv[1:6])
