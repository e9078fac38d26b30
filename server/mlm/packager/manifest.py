"""manifest.json: what was packaged, from where, and what serving it takes.

It sits beside the artifact (``<job prefix>/manifest.json``), never inside the model
directory SageMaker mounts. It holds no secret: the token never reaches this module.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mlm.packager.request import PackageRequest
from mlm.packager.sizing import Estimate

MANIFEST_NAME = "manifest.json"
FORMAT_VERSION = 1
_HASH_CHUNK = 4 * 1024 * 1024


@dataclass(frozen=True)
class FileEntry:
    path: str
    size: int
    sha256: str


def sha256_file(path: Path) -> str:
    """The file's SHA-256, read in chunks (memory stays flat whatever the size)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def build(
    request: PackageRequest,
    commit: str | None,
    files: list[FileEntry],
    artifact: dict[str, Any],
    serving: dict[str, Any],
    weights: dict[str, Any],
    estimate: Estimate,
) -> dict[str, Any]:
    source = request.source
    return {
        "format_version": FORMAT_VERSION,
        "source": {
            "platform": source.platform.value,
            "model_id": source.model_id,
            "revision": source.revision,
            "commit": commit,
            "s3_uri": source.s3_uri,
        },
        "artifact": artifact,
        "serving": serving,
        "weights": weights,
        "estimate": {
            "weights_gib": _rounded(estimate.weights_gib),
            "kv_cache_gib": _rounded(estimate.kv_cache_gib),
            "max_model_len": estimate.max_model_len,
            "gpu_memory_gib": _rounded(estimate.total_gib),
        },
        "recommended_instance_types": estimate.recommended_instance_types,
        "size_bytes": sum(f.size for f in files),
        "files": [{"path": f.path, "size": f.size, "sha256": f.sha256} for f in files],
    }


def dumps(manifest: dict[str, Any]) -> bytes:
    return (json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode()
