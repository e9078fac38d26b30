"""Series detection and serving recipes, one config fixture per supported series."""

from __future__ import annotations

import pytest

from mlm.packager import series
from mlm.packager.errors import PackagingError
from mlm.packager.series import Container, ServingSettings
from tests.packager.models import BERT, CHATGLM, FALCON, LLAMA, SERIES_CONFIGS

PLAIN = ServingSettings(
    trust_remote_code=False,
    dtype=None,
    max_model_len=None,
    tensor_parallel_degree=None,
    gpu_count=4,
    quantization=None,
)


@pytest.mark.parametrize(("expected", "config"), sorted(SERIES_CONFIGS.items()))
def test_each_supported_series_is_detected_from_its_config(
    expected: str, config: dict[str, object]
) -> None:
    assert series.detect(config, {"config.json"}).series == expected


def test_a_config_with_only_architectures_is_detected_by_them() -> None:
    assert series.detect({"architectures": ["Qwen2ForCausalLM"]}, set()).series == "qwen2"


def test_sentence_transformers_are_detected_from_modules_json() -> None:
    recipe = series.detect(BERT, {"config.json", "modules.json"})

    assert recipe.series == "sentence-transformers"
    assert series.environment(recipe, BERT, PLAIN)["HF_TASK"] == "feature-extraction"


def test_every_series_is_in_the_unknown_series_error() -> None:
    with pytest.raises(PackagingError) as raised:
        series.detect({"model_type": "mamba"}, set())

    assert raised.value.code == "UNKNOWN_SERIES"
    assert all(name in raised.value.reason for name in series.supported())


def test_a_named_series_wins_over_detection_and_must_exist() -> None:
    assert series.detect({"model_type": "mamba"}, set(), requested="mistral").series == "mistral"
    with pytest.raises(PackagingError, match="no series called 'gpt5'"):
        series.detect(LLAMA, set(), requested="gpt5")


def test_chatglm_needs_trust_remote_code() -> None:
    recipe = series.detect(CHATGLM, set())

    with pytest.raises(PackagingError) as raised:
        series.check_remote_code(recipe, trust_remote_code=False)

    assert raised.value.code == "REMOTE_CODE_REQUIRED"
    series.check_remote_code(recipe, trust_remote_code=True)


def test_the_image_comes_from_the_region_table() -> None:
    recipe = series.SERIES["llama"]

    assert series.image_uri(recipe, "eu-west-1").startswith(
        "763104351884.dkr.ecr.eu-west-1.amazonaws.com/djl-inference:"
    )
    with pytest.raises(PackagingError) as raised:
        series.image_uri(recipe, "mars-north-1")
    assert raised.value.code == "UNSUPPORTED_REGION"


def test_lmi_environment_names_vllm_remote_code_and_tensor_parallelism() -> None:
    serving = ServingSettings(True, "bf16", 8192, 4, 4, None)

    env = series.environment(series.SERIES["chatglm"], CHATGLM, serving)

    assert env == {
        "HF_MODEL_ID": "/opt/ml/model",
        "OPTION_ROLLING_BATCH": "vllm",
        "OPTION_TRUST_REMOTE_CODE": "true",
        "TENSOR_PARALLEL_DEGREE": "4",
        "OPTION_MODEL_LOADING_TIMEOUT": "1800",
        "OPTION_DTYPE": "bf16",
        "OPTION_MAX_MODEL_LEN": "8192",
    }


def test_lmi_uses_every_gpu_when_no_degree_is_given() -> None:
    env = series.environment(series.SERIES["llama"], LLAMA, PLAIN)

    assert env["TENSOR_PARALLEL_DEGREE"] == "max"


def test_tgi_gets_a_gpu_count() -> None:
    recipe = series.detect(FALCON, set())

    assert recipe.container is Container.TGI
    assert series.environment(recipe, FALCON, PLAIN)["SM_NUM_GPUS"] == "4"


def test_bert_task_follows_its_head() -> None:
    env = series.environment(series.SERIES["bert"], BERT, PLAIN)

    assert env["HF_TASK"] == "text-classification"
