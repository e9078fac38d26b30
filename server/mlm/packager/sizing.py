"""GPU memory estimate and instance recommendations (AWS_FACTS.md, "Sizing").

weights = parameters x bytes per parameter; KV cache = 2 (K and V) x layers x KV heads x
head dim x bytes x tokens x sequences, for one sequence of ``max_model_len`` tokens; the
catalog adds its runtime overhead (``MEMORY_OVERHEAD_FACTOR``) on top of both. Values are
GiB. What the config does not say stays unknown (None) rather than guessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mlm.catalog.instance_types import MEMORY_OVERHEAD_FACTOR, InstanceTypeCatalog

GIB = 1024**3
# Serving dtype names (LMI/vLLM/torch spellings) → bytes per parameter.
DTYPE_BYTES: dict[str, float] = {
    "fp32": 4,
    "float32": 4,
    "F32": 4,
    "bf16": 2,
    "bfloat16": 2,
    "BF16": 2,
    "fp16": 2,
    "float16": 2,
    "F16": 2,
    "int8": 1,
    "fp8": 1,
    "F8_E4M3": 1,
    "F8_E5M2": 1,
    "I8": 1,
    "int4": 0.5,
    "awq": 0.5,
    "gptq": 0.5,
}
# One distinct hardware shape per recommendation, this many at most.
RECOMMENDATION_LIMIT = 5


@dataclass(frozen=True)
class Estimate:
    weights_gib: float | None
    kv_cache_gib: float | None
    max_model_len: int | None
    total_gib: float | None  # (weights + KV cache) x overhead: what an instance must hold
    recommended_instance_types: list[str]

    @property
    def raw_gib(self) -> float | None:
        if self.weights_gib is None:
            return None
        return self.weights_gib + (self.kv_cache_gib or 0.0)


def _first_int(config: Mapping[str, Any], *keys: str) -> int | None:
    for key in keys:
        value = config.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and value > 0:
            return value
    return None


def context_length(config: Mapping[str, Any]) -> int | None:
    return _first_int(config, "max_position_embeddings", "seq_length", "n_positions")


def kv_cache_bytes_per_token(config: Mapping[str, Any], bytes_per_value: float) -> float | None:
    """K and V for one token across all layers, or None when the config lacks a figure."""
    layers = _first_int(config, "num_hidden_layers", "num_layers", "n_layer")
    heads = _first_int(config, "num_attention_heads", "n_head")
    kv_heads = _first_int(config, "num_key_value_heads")
    if kv_heads is None and config.get("multi_query_attention"):
        kv_heads = _first_int(config, "multi_query_group_num")  # ChatGLM's GQA
    kv_heads = kv_heads or heads
    head_dim = _first_int(config, "head_dim", "kv_channels")
    hidden = _first_int(config, "hidden_size", "n_embd")
    if head_dim is None and hidden is not None and heads:
        head_dim = hidden // heads
    if layers is None or kv_heads is None or head_dim is None:
        return None
    return 2 * layers * kv_heads * head_dim * bytes_per_value


def estimate(
    parameter_count: int | None,
    bytes_per_parameter: float | None,
    config: Mapping[str, Any],
    catalog: InstanceTypeCatalog,
    max_model_len: int | None = None,
    kv_bytes_per_value: float | None = 2,
    sequences: int = 1,
) -> Estimate:
    """GPU memory for serving and the instance types that hold it.

    ``kv_bytes_per_value`` None means the model keeps no KV cache (encoders).
    """
    weights = (
        None
        if parameter_count is None or bytes_per_parameter is None
        else parameter_count * bytes_per_parameter / GIB
    )
    tokens = max_model_len or context_length(config)
    kv: float | None = 0.0 if kv_bytes_per_value is None else None
    if kv_bytes_per_value is not None and tokens is not None:
        per_token = kv_cache_bytes_per_token(config, kv_bytes_per_value)
        kv = None if per_token is None else per_token * tokens * sequences / GIB
    raw = None if weights is None else weights + (kv or 0.0)
    return Estimate(
        weights_gib=weights,
        kv_cache_gib=kv,
        max_model_len=tokens if kv_bytes_per_value is not None else None,
        total_gib=None if raw is None else raw * MEMORY_OVERHEAD_FACTOR,
        recommended_instance_types=recommend(catalog, raw),
    )


def recommend(catalog: InstanceTypeCatalog, raw_gib: float | None) -> list[str]:
    """The smallest instance of each GPU shape (count x memory) that holds ``raw_gib``.

    The catalog's own order (fewest GPUs, least memory, smallest host) lists every size of
    one family before the next shape; one per shape gives a useful choice instead.
    """
    if raw_gib is None:
        return []
    every = catalog.recommend(raw_gib, limit=len(catalog.all()))
    shapes: dict[tuple[int | None, float | None], str] = {}
    for name in every:
        described = catalog.get(name)
        if described is None:
            continue
        shapes.setdefault((described.gpu_count, described.gpu_memory_gib), name)
    return list(shapes.values())[:RECOMMENDATION_LIMIT]
