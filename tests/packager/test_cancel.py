"""`mlm package` stopped by SIGTERM (Batch's TerminateJob): it cleans up and says so."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from mlm.aws.clients import ClientFactory
from mlm.settings import Settings
from tests.packager.hub import Hub, Repo
from tests.packager.models import LLAMA, tiny_llm_files
from tests.polling import poll

MLM = Path(sys.executable).with_name("mlm")


def test_sigterm_cancels_with_exit_143_and_leaves_nothing_under_the_prefix(
    hub: Hub, repo_id: str, output_uri: str, keys: Any, emulator_settings: Settings, tmp_path: Path
) -> None:
    files = tiny_llm_files(LLAMA)
    shard = next(name for name in files if name.endswith(".safetensors"))
    hub.add(Repo(repo_id, files, unavailable={shard: 1000}))  # stuck retrying the weights
    stderr_path = tmp_path / "stderr.log"
    with stderr_path.open("w") as stderr:
        process = subprocess.Popen(
            [
                str(MLM),
                "package",
                "--model-id",
                repo_id,
                "--output-uri",
                output_uri,
                "--tenant",
                keys.tenant,
                "--model-name",
                "tiny",
            ],
            env={
                **os.environ,
                "MLM_AWS_ENDPOINT_URL": str(emulator_settings.aws_endpoint_url),
                "HF_ENDPOINT": hub.url,
            },
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    try:
        poll(
            lambda: stderr_path.read_text(),
            lambda text: '"downloading"' in text,
            "the packager to start downloading",
            deadline_s=30,
        )
        process.send_signal(signal.SIGTERM)
        stdout, _ = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 143
    assert json.loads(stdout.strip().splitlines()[-1])["code"] == "CANCELLED"
    s3 = ClientFactory(emulator_settings).s3()
    bucket, prefix = output_uri.removeprefix("s3://").split("/", 1)
    assert s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("KeyCount") == 0
    assert s3.list_multipart_uploads(Bucket=bucket, Prefix=prefix).get("Uploads", []) == []
