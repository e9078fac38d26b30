"""Safetensors headers: parameters and dtype without loading weights; bad files refused."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from mlm.packager.errors import PackagingError
from mlm.packager.safetensors import read_header, summarize
from tests.packager.models import safetensors_bytes


def _write(tmp_path: Path, name: str, body: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(body)
    return path


def test_summary_counts_parameters_across_shards_and_names_the_dominant_dtype(
    tmp_path: Path,
) -> None:
    one = _write(tmp_path, "a.safetensors", safetensors_bytes({"w": ("BF16", (8, 4))}))
    two = _write(
        tmp_path, "b.safetensors", safetensors_bytes({"x": ("BF16", (16,)), "n": ("F32", (4,))})
    )

    summary = summarize([read_header(one), read_header(two)])

    assert (summary.parameter_count, summary.dtype) == (8 * 4 + 16 + 4, "BF16")
    assert summary.size_bytes == (32 + 16) * 2 + 4 * 4


def test_a_truncated_file_is_refused(tmp_path: Path) -> None:
    body = safetensors_bytes({"w": ("BF16", (64, 64))})
    path = _write(tmp_path, "cut.safetensors", body[: len(body) // 2])

    with pytest.raises(PackagingError) as raised:
        read_header(path)

    assert raised.value.code == "INVALID_WEIGHTS"
    assert "cut.safetensors" in raised.value.reason


def test_a_header_that_is_not_json_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "x.safetensors", struct.pack("<Q", 4) + b"nope" + b"\0" * 8)

    with pytest.raises(PackagingError, match="not JSON"):
        read_header(path)


def test_a_header_length_beyond_the_file_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "x.safetensors", struct.pack("<Q", 10_000) + b"{}")

    with pytest.raises(PackagingError, match="header length"):
        read_header(path)
