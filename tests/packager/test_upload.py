"""Uploader: prefix and streamed tarball uploads, bounded memory, cleanup on failure."""

from __future__ import annotations

import io
import os
import tarfile
from pathlib import Path
from typing import Any

import pytest

from mlm import naming
from mlm.packager.errors import PackagingError
from mlm.packager.request import split_s3_uri
from mlm.packager.upload import Uploader, tarball_part_size
from mlm.settings import Settings
from tests.packager.conftest import FAST
from tests.packager.measure_memory import MEASURED, peak_in_own_process

MIB = 1024 * 1024


@pytest.fixture
def uploader(clients: Any, output_uri: str, keys: Any) -> Uploader:
    bucket, prefix = split_s3_uri(output_uri)
    tags = naming.managed_tags(keys.tenant, "tiny")
    return Uploader(clients.s3, bucket, prefix, FAST, tags)


def _big_file(tmp_path: Path, size: int) -> Path:
    path = tmp_path / "weights.safetensors"
    with path.open("wb") as handle:
        for _ in range(size // MIB):
            handle.write(os.urandom(MIB))
    return path


def _peak_in_own_process(settings: Settings, uploader: Uploader, path: Path, mode: str) -> int:
    args = [str(settings.aws_endpoint_url), uploader.bucket, uploader.prefix, str(path)]
    return peak_in_own_process(mode, *args)


def test_uploading_a_64_mib_file_keeps_memory_far_below_its_size(
    uploader: Uploader, tmp_path: Path, clients: Any, emulator_settings: Settings
) -> None:
    path = _big_file(tmp_path, 64 * MIB)

    peak = _peak_in_own_process(emulator_settings, uploader, path, "prefix")

    assert peak < 16 * MIB  # parts stream from disk; a whole-file read would be >= 64 MiB
    key = uploader.prefix + "model/weights.safetensors"
    assert clients.s3.head_object(Bucket=uploader.bucket, Key=key)["ContentLength"] == 64 * MIB


def test_streaming_a_tarball_keeps_memory_bounded_by_the_parts_in_flight(
    uploader: Uploader, tmp_path: Path, clients: Any, emulator_settings: Settings
) -> None:
    path = _big_file(tmp_path, 32 * MIB)

    peak = _peak_in_own_process(emulator_settings, uploader, path, "tar")

    # At most max_concurrency + 2 parts are held (plus buffers): below the 32 MiB input.
    assert peak < (MEASURED.max_concurrency + 3) * MEASURED.part_size_bytes
    key = uploader.prefix + "model.tar.gz"
    assert clients.s3.head_object(Bucket=uploader.bucket, Key=key)["ContentLength"] > 32 * MIB


def test_tarball_holds_each_file_under_its_name(
    uploader: Uploader, tmp_path: Path, clients: Any
) -> None:
    (tmp_path / "config.json").write_bytes(b"{}")
    (tmp_path / "tok.json").write_bytes(b"[1]")

    uploader.upload_tarball(
        [(tmp_path / "config.json", "config.json"), (tmp_path / "tok.json", "tok.json")],
        "model.tar.gz",
    )

    body = clients.s3.get_object(Bucket=uploader.bucket, Key=uploader.prefix + "model.tar.gz")
    with tarfile.open(fileobj=io.BytesIO(body["Body"].read()), mode="r:gz") as tar:
        assert tar.getnames() == ["config.json", "tok.json"]


def test_uploaded_objects_carry_the_managed_tags(
    uploader: Uploader, tmp_path: Path, clients: Any, keys: Any
) -> None:
    (tmp_path / "config.json").write_bytes(b"{}")

    with uploader.file_uploads() as uploads:
        uploads.submit(tmp_path / "config.json", "model/config.json")

    tags = clients.s3.get_object_tagging(
        Bucket=uploader.bucket, Key=uploader.prefix + "model/config.json"
    )["TagSet"]
    assert {"Key": "mlm:tenant", "Value": keys.tenant} in tags
    assert {"Key": "mlm:managed-by", "Value": "mlm"} in tags


def test_a_file_that_cannot_be_read_fails_the_tarball_instead_of_truncating_it(
    uploader: Uploader, tmp_path: Path, clients: Any
) -> None:
    (tmp_path / "config.json").write_bytes(b"{}")

    with pytest.raises(PackagingError) as raised:
        uploader.upload_tarball(
            [(tmp_path / "config.json", "config.json"), (tmp_path / "gone.bin", "gone.bin")],
            "model.tar.gz",
        )

    assert raised.value.code == "UPLOAD_FAILED"
    listing = clients.s3.list_objects_v2(Bucket=uploader.bucket, Prefix=uploader.prefix)
    assert listing.get("Contents", []) == []


def test_a_tarball_of_a_small_model_uses_the_configured_part_size() -> None:
    assert tarball_part_size(8 * MIB, 3 * 1024 * MIB) == 8 * MIB


def test_a_tarball_too_big_for_10000_parts_gets_larger_whole_mib_parts() -> None:
    input_bytes = 200 * 1000**3  # a 100B-parameter model in bf16

    part = tarball_part_size(8 * MIB, input_bytes)

    assert part % MIB == 0
    assert part * 10_000 >= input_bytes * 1.01
