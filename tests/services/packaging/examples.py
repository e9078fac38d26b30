"""The packaging request the tests of this package start from."""

from __future__ import annotations

from mlm.services.packaging.requests import PackagingRequest

MODEL = "glm"
REQUEST = PackagingRequest(
    model_name=MODEL,
    platform="huggingface",
    model_id="THUDM/glm-4-9b-chat",
    revision="main",
    options={"dtype": "bf16", "trust_remote_code": True},
)
