"""Model sources: what fetching a file costs in memory."""

from __future__ import annotations

import os

from tests.packager.hub import Hub, Repo
from tests.packager.measure_memory import peak_in_own_process

MIB = 1024 * 1024


def test_downloading_a_32_mib_file_keeps_memory_to_a_few_mib(hub: Hub, repo_id: str) -> None:
    hub.add(Repo(repo_id, {"config.json": b"{}", "weights.safetensors": os.urandom(32 * MIB)}))

    peak = peak_in_own_process("download", hub.url, repo_id, "weights.safetensors")

    # huggingface_hub's own 10 MiB chunks cost two to three times that per download.
    assert peak < 6 * MIB
