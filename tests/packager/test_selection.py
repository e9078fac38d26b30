"""File selection: only what serving needs."""

from __future__ import annotations

import json

import pytest

from mlm.packager.errors import PackagingError
from mlm.packager.selection import RemoteFile, WeightsFormat, select


def _files(*paths: str) -> list[RemoteFile]:
    return [RemoteFile(path, 10) for path in paths]


def _paths(files: list[RemoteFile], trust: bool = False, index: object = None) -> set[str]:
    return {f.path for f in select(files, trust, lambda _p: index).files}


def test_safetensors_are_preferred_over_bin_weights() -> None:
    chosen = _paths(_files("config.json", "model.safetensors", "pytorch_model.bin"))

    assert chosen == {"config.json", "model.safetensors"}


def test_bin_weights_are_used_when_there_are_no_safetensors() -> None:
    selection = select(_files("config.json", "pytorch_model.bin", "training_args.bin"), False)

    assert [w.path for w in selection.weights] == ["pytorch_model.bin"]
    assert selection.weights_format is WeightsFormat.PYTORCH_BIN


def test_an_index_selects_only_its_shards_not_a_consolidated_copy() -> None:
    files = _files(
        "config.json",
        "model.safetensors.index.json",
        "model-00001-of-00001.safetensors",
        "consolidated.safetensors",
    )
    index = {"weight_map": {"w": "model-00001-of-00001.safetensors"}}

    assert _paths(files, index=json.loads(json.dumps(index))) == {
        "config.json",
        "model.safetensors.index.json",
        "model-00001-of-00001.safetensors",
    }


def test_tokenizer_generation_config_and_sentence_transformer_modules_are_kept() -> None:
    files = _files(
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "generation_config.json",
        "modules.json",
        "1_Pooling/config.json",
        "README.md",
        "original/consolidated.00.pth",
        "onnx/model.onnx",
    )

    assert _paths(files) == {
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "generation_config.json",
        "modules.json",
        "1_Pooling/config.json",
    }


def test_model_code_is_selected_only_when_trusted() -> None:
    files = _files("config.json", "model.safetensors", "modeling_chatglm.py")

    assert "modeling_chatglm.py" not in _paths(files, trust=False)
    assert "modeling_chatglm.py" in _paths(files, trust=True)


@pytest.mark.parametrize(
    ("paths", "code"),
    [
        (("model.safetensors",), "NO_CONFIG"),
        (("config.json", "README.md", "model.onnx"), "NO_WEIGHTS"),
    ],
)
def test_missing_config_or_weights_is_an_error(paths: tuple[str, ...], code: str) -> None:
    with pytest.raises(PackagingError) as raised:
        select(_files(*paths), False)

    assert raised.value.code == code
