"""Read safetensors headers without loading weights: parameter count and dtype.

A safetensors file is an 8-byte little-endian header length N, N bytes of JSON
(``{name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {...}}``), then the
raw tensor data. Only the header is read; the offsets are checked against the file size
so a truncated download is caught here.
"""

from __future__ import annotations

import json
import math
import struct
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from mlm.packager.errors import INVALID_WEIGHTS, PackagingError

# The format caps the header at 100 MB; anything larger is not a safetensors file.
MAX_HEADER_BYTES = 100 * 1000 * 1000

DTYPE_BYTES: dict[str, float] = {
    "F64": 8,
    "I64": 8,
    "U64": 8,
    "F32": 4,
    "I32": 4,
    "U32": 4,
    "F16": 2,
    "BF16": 2,
    "I16": 2,
    "U16": 2,
    "F8_E4M3": 1,
    "F8_E5M2": 1,
    "F8_E8M0": 1,
    "I8": 1,
    "U8": 1,
    "BOOL": 1,
    "F4": 0.5,
}


@dataclass(frozen=True)
class TensorInfo:
    dtype: str
    shape: tuple[int, ...]
    nbytes: int

    @property
    def parameters(self) -> int:
        return math.prod(self.shape)


@dataclass(frozen=True)
class WeightsSummary:
    parameter_count: int
    dtype: str | None  # the dtype holding the most parameters; None for no tensors
    size_bytes: int  # tensor data bytes


def _bad(path: Path, why: str) -> PackagingError:
    return PackagingError(
        INVALID_WEIGHTS,
        f"The weights file '{path.name}' is not a readable safetensors file: {why}.",
    )


def read_header(path: Path) -> dict[str, TensorInfo]:
    """The tensors a safetensors file declares, read from its header alone."""
    file_size = path.stat().st_size
    with path.open("rb") as handle:
        prefix = handle.read(8)
        if len(prefix) < 8:
            raise _bad(path, "it is shorter than its 8-byte header length")
        (length,) = struct.unpack("<Q", prefix)
        if length > MAX_HEADER_BYTES or 8 + length > file_size:
            raise _bad(path, "its header length is larger than the file")
        raw = handle.read(length)
    try:
        header = json.loads(raw)
    except (UnicodeDecodeError, ValueError):
        raise _bad(path, "its header is not JSON") from None
    if not isinstance(header, dict):
        raise _bad(path, "its header is not a JSON object")
    data_size = file_size - 8 - length
    tensors: dict[str, TensorInfo] = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        tensors[name] = _tensor(path, name, entry, data_size)
    return tensors


def _tensor(path: Path, name: str, entry: object, data_size: int) -> TensorInfo:
    if not isinstance(entry, dict):
        raise _bad(path, f"tensor '{name}' has no description")
    dtype, shape, offsets = entry.get("dtype"), entry.get("shape"), entry.get("data_offsets")
    if not isinstance(dtype, str) or dtype not in DTYPE_BYTES:
        raise _bad(path, f"tensor '{name}' has an unknown dtype {dtype!r}")
    if not isinstance(shape, list) or not all(isinstance(d, int) and d >= 0 for d in shape):
        raise _bad(path, f"tensor '{name}' has an invalid shape")
    if (
        not isinstance(offsets, list)
        or len(offsets) != 2
        or not all(isinstance(o, int) for o in offsets)
        or not 0 <= offsets[0] <= offsets[1] <= data_size
    ):
        raise _bad(path, f"tensor '{name}' points outside the file (truncated?)")
    return TensorInfo(dtype=dtype, shape=tuple(shape), nbytes=offsets[1] - offsets[0])


def summarize(headers: list[dict[str, TensorInfo]]) -> WeightsSummary:
    """Parameter count, dominant dtype and data size over all shards' headers."""
    parameters_by_dtype: Counter[str] = Counter()
    size = 0
    for header in headers:
        for tensor in header.values():
            parameters_by_dtype[tensor.dtype] += tensor.parameters
            size += tensor.nbytes
    dominant = parameters_by_dtype.most_common(1)
    return WeightsSummary(
        parameter_count=sum(parameters_by_dtype.values()),
        dtype=dominant[0][0] if dominant else None,
        size_bytes=size,
    )
