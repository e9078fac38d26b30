"""The packaging request the tests of this package start from, and a token secret."""

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
# A tenant's Hugging Face token secret (format with the tenant), under the default
# MLM_HF_TOKEN_SECRET_PREFIX.
SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:mlm/hf-token/{}/hf-AbCdEf"
