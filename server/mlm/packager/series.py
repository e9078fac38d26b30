"""Model series → serving recipe: ONE table (see AWS_FACTS.md, "Serving containers").

A series is detected from ``config.json`` (``model_type``, then ``architectures``) and, for
sentence-transformers, from its ``modules.json``. Its recipe says which serving container
runs it (image per region), which environment that container needs, whether the model
needs its own remote code, and how long SageMaker should wait for the container to start.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from mlm.packager.errors import (
    REMOTE_CODE_REQUIRED,
    UNKNOWN_SERIES,
    UNSUPPORTED_REGION,
    PackagingError,
)


class Container(StrEnum):
    LMI_VLLM = "lmi-vllm"  # DJL LMI with the vLLM rolling-batch backend
    TGI = "tgi"  # Hugging Face Text Generation Inference
    HF_INFERENCE = "hf-inference"  # Hugging Face inference toolkit (encoders)


# AWS Deep Learning Container images. DLCs live in account 763104351884 in these regions;
# other regions use other accounts and are not listed until someone checks them.
_DLC_ACCOUNT = "763104351884"
_DLC_REGIONS = (
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "ca-central-1",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "eu-central-1",
    "eu-north-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-south-1",
    "ap-southeast-1",
    "ap-southeast-2",
    "sa-east-1",
)
_IMAGE_TAGS: dict[Container, str] = {
    Container.LMI_VLLM: "djl-inference:0.33.0-lmi15.0.0-cu128",
    Container.TGI: (
        "huggingface-pytorch-tgi-inference:2.4.0-tgi3.0.1-gpu-py311-cu124-ubuntu22.04-v2.0"
    ),
    Container.HF_INFERENCE: (
        "huggingface-pytorch-inference:2.1.0-transformers4.37.0-gpu-py310-cu118-ubuntu20.04"
    ),
}
# The table: region → container → image URI.
IMAGE_URIS: dict[str, dict[Container, str]] = {
    region: {
        container: f"{_DLC_ACCOUNT}.dkr.ecr.{region}.amazonaws.com/{tag}"
        for container, tag in _IMAGE_TAGS.items()
    }
    for region in _DLC_REGIONS
}

# Where SageMaker puts the artifact inside the container.
MODEL_DIR = "/opt/ml/model"


@dataclass(frozen=True)
class Recipe:
    series: str
    container: Container
    model_types: frozenset[str]
    architectures: frozenset[str]
    # The model's weights need its own Python code (config.json auto_map) to load.
    requires_remote_code: bool = False
    # Seconds SageMaker waits for the container's health check (loading large weights).
    startup_timeout_seconds: int = 1800


def _recipe(
    series: str,
    container: Container,
    model_types: set[str],
    architectures: set[str],
    **kwargs: Any,
) -> Recipe:
    return Recipe(series, container, frozenset(model_types), frozenset(architectures), **kwargs)


SERIES: dict[str, Recipe] = {
    r.series: r
    for r in (
        _recipe("llama", Container.LMI_VLLM, {"llama"}, {"LlamaForCausalLM"}),
        _recipe(
            "mistral",
            Container.LMI_VLLM,
            {"mistral", "mixtral"},
            {"MistralForCausalLM", "MixtralForCausalLM"},
        ),
        _recipe("qwen2", Container.LMI_VLLM, {"qwen2", "qwen2_moe"}, {"Qwen2ForCausalLM"}),
        _recipe(
            "gemma",
            Container.LMI_VLLM,
            {"gemma", "gemma2"},
            {"GemmaForCausalLM", "Gemma2ForCausalLM"},
        ),
        # THUDM/glm-4-9b-chat ships its own ChatGLM code; the "-hf" variants are native.
        _recipe(
            "chatglm",
            Container.LMI_VLLM,
            {"chatglm"},
            {"ChatGLMModel", "ChatGLMForConditionalGeneration"},
            requires_remote_code=True,
        ),
        _recipe("glm4", Container.LMI_VLLM, {"glm", "glm4"}, {"GlmForCausalLM", "Glm4ForCausalLM"}),
        _recipe("falcon", Container.TGI, {"falcon"}, {"FalconForCausalLM"}),
        _recipe(
            "bert",
            Container.HF_INFERENCE,
            {"bert", "roberta", "xlm-roberta", "distilbert"},
            set(),
            startup_timeout_seconds=600,
        ),
        _recipe(
            "sentence-transformers",
            Container.HF_INFERENCE,
            set(),
            set(),
            startup_timeout_seconds=600,
        ),
    )
}

# BERT-family heads → the inference toolkit's HF_TASK.
_ENCODER_TASKS = (
    ("ForSequenceClassification", "text-classification"),
    ("ForTokenClassification", "token-classification"),
    ("ForQuestionAnswering", "question-answering"),
    ("ForMaskedLM", "fill-mask"),
)


def supported() -> list[str]:
    return sorted(SERIES)


def _unknown(what: str) -> PackagingError:
    return PackagingError(
        UNKNOWN_SERIES,
        f"{what}. Supported series: {', '.join(supported())}. Name one of them in the "
        "request to package the model with that recipe anyway.",
    )


def detect(config: Mapping[str, Any], file_paths: set[str], requested: str | None = None) -> Recipe:
    """The recipe for a model: the requested series, or the one its files point to."""
    if requested is not None:
        recipe = SERIES.get(requested)
        if recipe is None:
            raise _unknown(f"There is no series called '{requested}'")
        return recipe
    if "modules.json" in file_paths or "config_sentence_transformers.json" in file_paths:
        return SERIES["sentence-transformers"]
    model_type = str(config.get("model_type", ""))
    architectures = {str(a) for a in config.get("architectures") or []}
    for recipe in SERIES.values():
        if model_type in recipe.model_types:
            return recipe
    for recipe in SERIES.values():
        if architectures & recipe.architectures:
            return recipe
    shown = model_type or "none"
    raise _unknown(
        f"The model's series is not supported (model_type '{shown}', architectures "
        f"{sorted(architectures) or 'none'})"
    )


def check_remote_code(recipe: Recipe, trust_remote_code: bool) -> None:
    if recipe.requires_remote_code and not trust_remote_code:
        raise PackagingError(
            REMOTE_CODE_REQUIRED,
            f"Models of the '{recipe.series}' series load through their own Python code; "
            "set trust_remote_code to package and serve them.",
        )


def image_uri(recipe: Recipe, region: str) -> str:
    images = IMAGE_URIS.get(region)
    if images is None:
        raise PackagingError(
            UNSUPPORTED_REGION,
            f"No serving container image is known for region '{region}'. Known regions: "
            f"{', '.join(sorted(IMAGE_URIS))}.",
        )
    return images[recipe.container]


@dataclass(frozen=True)
class ServingSettings:
    """What the serving environment depends on beyond the recipe."""

    trust_remote_code: bool
    dtype: str | None  # "bf16", "fp16", … (LMI spelling) or None for the container default
    max_model_len: int | None
    tensor_parallel_degree: int | None  # None: every GPU of the instance
    gpu_count: int | None  # GPUs of the smallest recommended instance (TGI needs a number)
    quantization: str | None


def environment(
    recipe: Recipe, config: Mapping[str, Any], serving: ServingSettings
) -> dict[str, str]:
    """The container environment for the artifact under /opt/ml/model."""
    timeout = str(recipe.startup_timeout_seconds)
    if recipe.container is Container.LMI_VLLM:
        env = {
            "HF_MODEL_ID": MODEL_DIR,
            "OPTION_ROLLING_BATCH": "vllm",
            "OPTION_TRUST_REMOTE_CODE": str(serving.trust_remote_code).lower(),
            "TENSOR_PARALLEL_DEGREE": str(serving.tensor_parallel_degree or "max"),
            "OPTION_MODEL_LOADING_TIMEOUT": timeout,
        }
        if serving.dtype:
            env["OPTION_DTYPE"] = serving.dtype
        if serving.max_model_len:
            env["OPTION_MAX_MODEL_LEN"] = str(serving.max_model_len)
        if serving.quantization:
            env["OPTION_QUANTIZE"] = serving.quantization
        return env
    if recipe.container is Container.TGI:
        gpus = serving.tensor_parallel_degree or serving.gpu_count or 1
        env = {"HF_MODEL_ID": MODEL_DIR, "SM_NUM_GPUS": str(gpus)}
        if serving.trust_remote_code:
            env["HF_MODEL_TRUST_REMOTE_CODE"] = "true"
        if serving.max_model_len:
            env["MAX_TOTAL_TOKENS"] = str(serving.max_model_len)
            env["MAX_INPUT_TOKENS"] = str(max(serving.max_model_len - 1, 1))
        if serving.quantization:
            env["HF_MODEL_QUANTIZE"] = serving.quantization
        return env
    return {"HF_MODEL_ID": MODEL_DIR, "HF_TASK": _encoder_task(recipe, config)}


def _encoder_task(recipe: Recipe, config: Mapping[str, Any]) -> str:
    if recipe.series == "sentence-transformers":
        return "feature-extraction"
    for architecture in config.get("architectures") or []:
        for suffix, task in _ENCODER_TASKS:
            if str(architecture).endswith(suffix):
                return task
    return "feature-extraction"
