"""What a packaging request becomes in Batch: the job's parameters (every input of the
run, by name) and the ``mlm package`` command line built from them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mlm.services.packaging.names import STATUS_OBJECT
from mlm.services.packaging.requests import PackagingRequest

OPTION_KEYS = (
    "dtype",
    "trust_remote_code",
    "max_model_len",
    "tensor_parallel_degree",
    "quantization",
)
_FLAGS = (
    "output_uri",
    "status_uri",
    "tenant",
    "model_name",
    "model_id",
    "revision",
    "s3_uri",
    "format",
    "series",
    "dtype",
    "max_model_len",
    "tensor_parallel_degree",
    "quantization",
    "hf_token_secret_arn",
)


def _text(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def parameters(
    request: PackagingRequest, tenant: str, job_id: str, bucket: str, prefix: str
) -> dict[str, str]:
    """Every input of the run, by name, as Batch parameters (strings; unset ones left
    out). A Hugging Face token is never one of them: only the ARN of its secret."""
    values: dict[str, Any] = {
        "job_id": job_id,
        "tenant": tenant,
        "model_name": request.model_name,
        "platform": request.platform,
        "model_id": request.model_id,
        "revision": request.revision,
        "s3_uri": request.s3_uri,
        "format": request.artifact_format,
        "register_version": request.register_version,
        "series": request.series,
        "hf_token_secret_arn": request.hf_token_secret_arn,
        "output_uri": f"s3://{bucket}/{prefix}",
        "status_uri": f"s3://{bucket}/{prefix}{STATUS_OBJECT}",
        **{key: request.options.get(key) for key in OPTION_KEYS},
    }
    return {key: _text(value) for key, value in values.items() if value is not None}


def command(params: Mapping[str, str]) -> list[str]:
    """``mlm package …`` with the parameters as its options."""
    argv = ["mlm", "package"]
    for key in _FLAGS:
        if key in params:
            argv += ["--" + key.replace("_", "-"), params[key]]
    if params.get("trust_remote_code") == "true":
        argv.append("--trust-remote-code")
    return argv
