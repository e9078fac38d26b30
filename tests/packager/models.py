"""Tiny generated models: real safetensors bytes (no torch) and config.json fixtures."""

from __future__ import annotations

import json
import math
import struct
from typing import Any

DTYPE_SIZES = {"BF16": 2, "F16": 2, "F32": 4, "I8": 1}


def safetensors_bytes(tensors: dict[str, tuple[str, tuple[int, ...]]], fill: int = 0) -> bytes:
    """A valid safetensors file: header + tensor data (every byte ``fill``)."""
    header: dict[str, Any] = {"__metadata__": {"format": "pt"}}
    offset = 0
    for name, (dtype, shape) in tensors.items():
        size = math.prod(shape) * DTYPE_SIZES[dtype]
        header[name] = {
            "dtype": dtype,
            "shape": list(shape),
            "data_offsets": [offset, offset + size],
        }
        offset += size
    raw = json.dumps(header).encode()
    raw += b" " * (-len(raw) % 8)  # the format pads the header to 8 bytes
    return struct.pack("<Q", len(raw)) + raw + bytes([fill]) * offset


def config_bytes(config: dict[str, Any]) -> bytes:
    return json.dumps(config).encode()


def tiny_llm_files(
    config: dict[str, Any], shards: int = 2, rows: int = 64, dtype: str = "BF16"
) -> dict[str, bytes]:
    """config, tokenizer, generation config and ``shards`` indexed safetensors shards."""
    files: dict[str, bytes] = {
        "config.json": config_bytes(config),
        "tokenizer.json": b'{"version": "1.0"}',
        "tokenizer_config.json": b"{}",
        "generation_config.json": b'{"do_sample": true}',
        "README.md": b"# tiny",
    }
    weight_map = {}
    for i in range(1, shards + 1):
        shard = f"model-{i:05d}-of-{shards:05d}.safetensors"
        name = f"layers.{i}.weight"
        files[shard] = safetensors_bytes({name: (dtype, (rows, 32))}, fill=i)
        weight_map[name] = shard
    files["model.safetensors.index.json"] = json.dumps({"weight_map": weight_map}).encode()
    return files


# One config per supported series (shapes are the real models'; weights are not).
LLAMA = {
    "model_type": "llama",
    "architectures": ["LlamaForCausalLM"],
    "num_hidden_layers": 32,
    "num_attention_heads": 32,
    "num_key_value_heads": 8,
    "hidden_size": 4096,
    "max_position_embeddings": 131072,
    "torch_dtype": "bfloat16",
}
MISTRAL = {
    "model_type": "mistral",
    "architectures": ["MistralForCausalLM"],
    "num_hidden_layers": 32,
    "num_attention_heads": 32,
    "num_key_value_heads": 8,
    "hidden_size": 4096,
    "max_position_embeddings": 32768,
}
QWEN2 = {
    "model_type": "qwen2",
    "architectures": ["Qwen2ForCausalLM"],
    "num_hidden_layers": 28,
    "num_attention_heads": 28,
    "num_key_value_heads": 4,
    "hidden_size": 3584,
    "max_position_embeddings": 32768,
}
GEMMA = {
    "model_type": "gemma2",
    "architectures": ["Gemma2ForCausalLM"],
    "num_hidden_layers": 42,
    "num_attention_heads": 16,
    "num_key_value_heads": 8,
    "head_dim": 256,
    "hidden_size": 3584,
    "max_position_embeddings": 8192,
}
# THUDM/glm-4-9b-chat: custom ChatGLM code (auto_map), GQA through multi_query_group_num.
CHATGLM = {
    "model_type": "chatglm",
    "architectures": ["ChatGLMModel"],
    "auto_map": {"AutoModelForCausalLM": "modeling_chatglm.ChatGLMForConditionalGeneration"},
    "num_layers": 40,
    "num_attention_heads": 32,
    "multi_query_attention": True,
    "multi_query_group_num": 2,
    "kv_channels": 128,
    "hidden_size": 4096,
    "seq_length": 131072,
    "torch_dtype": "bfloat16",
}
GLM4_HF = {
    "model_type": "glm",
    "architectures": ["GlmForCausalLM"],
    "num_hidden_layers": 40,
    "num_attention_heads": 32,
    "num_key_value_heads": 2,
    "head_dim": 128,
    "hidden_size": 4096,
    "max_position_embeddings": 131072,
}
FALCON = {
    "model_type": "falcon",
    "architectures": ["FalconForCausalLM"],
    "num_hidden_layers": 32,
    "num_attention_heads": 71,
    "hidden_size": 4544,
}
BERT = {
    "model_type": "bert",
    "architectures": ["BertForSequenceClassification"],
    "num_hidden_layers": 12,
    "num_attention_heads": 12,
    "hidden_size": 768,
    "max_position_embeddings": 512,
}
SERIES_CONFIGS = {
    "llama": LLAMA,
    "mistral": MISTRAL,
    "qwen2": QWEN2,
    "gemma": GEMMA,
    "chatglm": CHATGLM,
    "glm4": GLM4_HF,
    "falcon": FALCON,
    "bert": BERT,
}
