"""Request bodies the SDK tests send."""

from __future__ import annotations

from typing import Any

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.33.0-lmi15.0.0-cu128"


def model_body(name: str, **extra: Any) -> dict[str, Any]:
    return {"name": name, "task": "text-generation", "metadata": {"license": "apache-2.0"}, **extra}


def version_body(environment: dict[str, str] | None = None) -> dict[str, Any]:
    return {
        "container": {"image": IMAGE, "environment": environment or {}},
        "source": {"platform": "huggingface", "model_id": "THUDM/glm-4-9b-chat"},
        "requirements": {"gpu_memory_gib": 22},
    }


def endpoint_body(name: str, model_name: str) -> dict[str, Any]:
    return {
        "name": name,
        "variants": [
            {
                "model_name": model_name,
                "model_version": 1,
                "instance_type": "ml.g5.2xlarge",
                "instance_count": 1,
            }
        ],
    }
