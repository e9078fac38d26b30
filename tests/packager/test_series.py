"""Series detection and serving recipes, one config fixture per supported series."""

from __future__ import annotations

import pytest

from mlm.packager import series
from mlm.packager.errors import PackagingError
from mlm.packager.series import Container, ServingSettings
from tests.packager.models import BERT, CHATGLM, FALCON, LLAMA, SERIES_CONFIGS

# The DLC account per region in the SageMaker Python SDK's registries
# (src/sagemaker/image_uri_config/huggingface-llm.json, huggingface.json, djl-lmi.json; read
# 2026-11-22), including regions that use another account.
SDK_DLC_ACCOUNTS = {
    "af-south-1": "626614931356",
    "il-central-1": "780543022126",
    "ap-east-1": "871362719292",
    "ap-northeast-1": "763104351884",
    "ap-northeast-2": "763104351884",
    "ap-northeast-3": "364406365360",
    "ap-south-1": "763104351884",
    "ap-south-2": "772153158452",
    "ap-southeast-1": "763104351884",
    "ap-southeast-2": "763104351884",
    "ap-southeast-3": "907027046896",
    "ap-southeast-4": "457447274322",
    "ca-central-1": "763104351884",
    "ca-west-1": "204538143572",
    "eu-central-1": "763104351884",
    "eu-central-2": "380420809688",
    "eu-north-1": "763104351884",
    "eu-west-1": "763104351884",
    "eu-west-2": "763104351884",
    "eu-west-3": "763104351884",
    "eu-south-1": "692866216735",
    "eu-south-2": "503227376785",
    "me-south-1": "217643126080",
    "me-central-1": "914824155844",
    "sa-east-1": "763104351884",
    "us-east-1": "763104351884",
    "us-east-2": "763104351884",
    "us-west-1": "763104351884",
    "us-west-2": "763104351884",
}

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


@pytest.mark.parametrize("region", sorted(series.IMAGE_URIS))
def test_every_region_uses_the_dlc_account_the_sdk_lists_for_it(region: str) -> None:
    for uri in series.IMAGE_URIS[region].values():
        account, _, host_rest = uri.partition(".dkr.ecr.")
        assert account == SDK_DLC_ACCOUNTS[region]
        assert host_rest.startswith(f"{region}.amazonaws.com/")


def test_every_region_has_an_image_for_every_container() -> None:
    assert all(set(images) == set(Container) for images in series.IMAGE_URIS.values())


def test_a_region_served_from_another_account_is_not_guessed() -> None:
    with pytest.raises(PackagingError) as raised:
        series.image_uri(series.SERIES["falcon"], "af-south-1")

    assert raised.value.code == "UNSUPPORTED_REGION"


def test_images_are_the_published_tags() -> None:
    images = series.IMAGE_URIS["us-east-1"]

    assert {c: uri.split("/", 1)[1] for c, uri in images.items()} == {
        Container.LMI_VLLM: "djl-inference:0.33.0-lmi15.0.0-cu128",
        Container.TGI: (
            "huggingface-pytorch-tgi-inference:2.4.0-tgi3.0.1-gpu-py311-cu124-ubuntu22.04-v2.0"
        ),
        Container.HF_INFERENCE: (
            "huggingface-pytorch-inference:2.1.0-transformers4.37.0-gpu-py310-cu118-ubuntu20.04"
        ),
    }


def test_tgi_environment_uses_the_entrypoint_and_launcher_variables() -> None:
    serving = ServingSettings(True, "bf16", 4096, 2, 4, None)

    env = series.environment(series.SERIES["falcon"], FALCON, serving)

    assert env == {
        "HF_MODEL_ID": "/opt/ml/model",
        "SM_NUM_GPUS": "2",
        "HF_MODEL_TRUST_REMOTE_CODE": "true",
        "DTYPE": "bfloat16",
        "MAX_TOTAL_TOKENS": "4096",
        "MAX_INPUT_TOKENS": "4095",
    }


def test_tgi_passes_a_quantization_it_knows() -> None:
    serving = ServingSettings(False, None, None, None, 1, "awq")

    env = series.environment(series.SERIES["falcon"], FALCON, serving)

    assert env["HF_MODEL_QUANTIZE"] == "awq"


@pytest.mark.parametrize(
    ("dtype", "quantization", "max_model_len"),
    [("fp32", None, None), (None, "int4", None), ("bf16", "awq", None), (None, None, 1)],
)
def test_tgi_refuses_settings_its_launcher_rejects(
    dtype: str | None, quantization: str | None, max_model_len: int | None
) -> None:
    with pytest.raises(PackagingError) as raised:
        series.check_settings(
            series.SERIES["falcon"],
            dtype=dtype,
            quantization=quantization,
            max_model_len=max_model_len,
        )

    assert raised.value.code == "INVALID_REQUEST"


def test_the_environment_refuses_what_check_settings_refuses() -> None:
    serving = ServingSettings(False, "fp32", None, None, 1, None)

    with pytest.raises(PackagingError, match="bf16 or fp16"):
        series.environment(series.SERIES["falcon"], FALCON, serving)


def test_other_containers_keep_their_own_dtype_and_quantization() -> None:
    series.check_settings(
        series.SERIES["llama"], dtype="fp32", quantization="int4", max_model_len=1
    )


def test_inference_toolkit_loads_the_artifact_without_a_hub_model_id() -> None:
    env = series.environment(series.SERIES["bert"], BERT, PLAIN)

    assert env == {"HF_TASK": "text-classification"}


def test_inference_toolkit_gets_its_own_trust_remote_code_variable() -> None:
    serving = ServingSettings(True, None, None, None, 1, None)

    env = series.environment(series.SERIES["bert"], BERT, serving)

    assert env["HF_TRUST_REMOTE_CODE"] == "true"
