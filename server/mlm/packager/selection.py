"""Which files of a model repository serving needs, and nothing else.

Weights: the safetensors files when there are any (those an index names, when there is an
index: some repos ship both sharded and consolidated copies), else PyTorch ``.bin`` files.
Beside them: ``config.json``, tokenizer files, the generation config, sentence-transformers'
module configs, and the model's own ``.py`` files only when remote code is trusted.
Everything else (READMEs, images, ONNX/GGUF exports, ``original/`` checkpoints) is skipped.
"""

from __future__ import annotations

import fnmatch
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from mlm.packager.errors import NO_CONFIG, NO_WEIGHTS, PackagingError

CONFIG = "config.json"
SAFETENSORS_INDEX = "model.safetensors.index.json"
BIN_INDEX = "pytorch_model.bin.index.json"

# Top-level files serving reads besides weights.
SUPPORT_PATTERNS = (
    CONFIG,
    "generation_config.json",
    "tokenizer.json",
    "tokenizer_config.json",
    "tokenizer.model",
    "special_tokens_map.json",
    "added_tokens.json",
    "vocab.json",
    "vocab.txt",
    "merges.txt",
    "*.tiktoken",
    "chat_template.json",
    "chat_template.jinja",
    "preprocessor_config.json",
    # sentence-transformers
    "modules.json",
    "sentence_bert_config.json",
    "config_sentence_transformers.json",
)
# sentence-transformers module folders, e.g. "1_Pooling/config.json".
_ST_MODULE_FILE = re.compile(r"^\d+_[A-Za-z]+/[^/]+\.json$")


class WeightsFormat(StrEnum):
    SAFETENSORS = "safetensors"
    PYTORCH_BIN = "bin"


@dataclass(frozen=True)
class RemoteFile:
    path: str  # relative, "/"-separated
    size: int


@dataclass(frozen=True)
class Selection:
    files: list[RemoteFile]
    weights: list[RemoteFile]
    weights_format: WeightsFormat

    @property
    def total_bytes(self) -> int:
        return sum(f.size for f in self.files)


# Reads a small JSON file of the source (an index) by path; the selection needs it to pick
# the indexed shards.
ReadJson = Callable[[str], object]


def _matches(path: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatchcase(path, pattern) for pattern in patterns)


def _indexed(index_path: str, read_json: ReadJson) -> set[str] | None:
    index = read_json(index_path)
    if not isinstance(index, dict) or not isinstance(index.get("weight_map"), dict):
        return None
    return {str(shard) for shard in index["weight_map"].values()}


def _weights(
    top: dict[str, RemoteFile], pattern: str, index_name: str, read_json: ReadJson
) -> list[RemoteFile]:
    """The weight files matching ``pattern``; the index (first) and its shards if indexed."""
    candidates = {p: f for p, f in top.items() if fnmatch.fnmatchcase(p, pattern)}
    if index_name in top and candidates:
        shards = _indexed(index_name, read_json)
        if shards and shards <= candidates.keys():
            return [top[index_name], *(candidates[s] for s in sorted(shards))]
    return [candidates[p] for p in sorted(candidates)]


def select(
    files: list[RemoteFile], trust_remote_code: bool, read_json: ReadJson | None = None
) -> Selection:
    """The files to download, or a PackagingError when config or weights are missing."""
    top = {f.path: f for f in files if "/" not in f.path}
    if CONFIG not in top:
        raise PackagingError(NO_CONFIG, "The model has no config.json at its top level.")
    reader: ReadJson = read_json or (lambda _path: None)
    weights = _weights(top, "*.safetensors", SAFETENSORS_INDEX, reader)
    weights_format = WeightsFormat.SAFETENSORS
    if not weights:
        weights = _weights(top, "pytorch_model*.bin", BIN_INDEX, reader)
        weights_format = WeightsFormat.PYTORCH_BIN
    if not weights:
        raise PackagingError(
            NO_WEIGHTS,
            "The model has no weights serving can load (no .safetensors or "
            "pytorch_model*.bin files at its top level).",
        )
    support = [
        f
        for f in files
        if (f.path in top and _matches(f.path, SUPPORT_PATTERNS))
        or _ST_MODULE_FILE.match(f.path)
        or (trust_remote_code and f.path in top and f.path.endswith(".py"))
    ]
    chosen = {f.path: f for f in [*support, *weights]}
    return Selection(
        files=[chosen[p] for p in sorted(chosen)],
        weights=[w for w in weights if not w.path.endswith(".json")],
        weights_format=weights_format,
    )


def read_json_text(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return None
