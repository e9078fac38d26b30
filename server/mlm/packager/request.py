"""What a packaging run is asked to do (the Batch job's parameters, typed)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from mlm.packager.errors import INVALID_REQUEST, PackagingError


class Platform(StrEnum):
    HUGGINGFACE = "huggingface"
    S3 = "s3"


class ArtifactFormat(StrEnum):
    S3_PREFIX = "s3_prefix"
    TAR_GZ = "tar_gz"


_S3_URI = re.compile(r"^s3://(?P<bucket>[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(?P<prefix>.*)$")


def split_s3_uri(uri: str) -> tuple[str, str]:
    """``s3://bucket/some/prefix`` → ``("bucket", "some/prefix/")`` (always one slash)."""
    match = _S3_URI.match(uri)
    if match is None:
        raise PackagingError(INVALID_REQUEST, f"'{uri}' is not an s3://bucket/prefix URI.")
    prefix = match["prefix"].strip("/")
    return str(match["bucket"]), f"{prefix}/" if prefix else ""


@dataclass(frozen=True)
class Source:
    platform: Platform
    model_id: str | None = None  # Hugging Face repo id, e.g. "THUDM/glm-4-9b-chat"
    revision: str | None = None  # branch, tag or commit; resolved to a commit
    s3_uri: str | None = None  # for Platform.S3: s3://bucket/prefix/


@dataclass(frozen=True)
class Options:
    dtype: str | None = None  # serving dtype; default: the weights' dominant dtype
    trust_remote_code: bool = False
    max_model_len: int | None = None  # default: the model's own context length
    tensor_parallel_degree: int | None = None
    quantization: str | None = None  # e.g. "awq", "fp8", "int8", "int4"


@dataclass(frozen=True)
class Tuning:
    """Knobs for throughput and resilience; the defaults suit a Batch job."""

    # s3transfer's own default part size; it grows parts for files over 10,000 of them, and
    # streamed tarballs grow theirs from the input size (upload.tarball_part_size).
    # Measured (bench/packaging.py): 8 MiB parts upload faster than 64 MiB ones.
    part_size_bytes: int = 8 * 1024 * 1024
    max_concurrency: int = 8
    download_attempts: int = 4
    backoff_base_seconds: float = 2.0
    backoff_max_seconds: float = 30.0


@dataclass(frozen=True)
class PackageRequest:
    source: Source
    output_uri: str  # s3://bucket/prefix/ — the job's own prefix; the model lands below it
    region: str
    tenant: str
    model_name: str
    artifact_format: ArtifactFormat = ArtifactFormat.S3_PREFIX
    series: str | None = None  # default: detected from config.json
    options: Options = field(default_factory=Options)
    hf_token_secret_arn: str | None = None
    hf_endpoint: str | None = None  # default: huggingface_hub's (HF_ENDPOINT)
    work_dir: Path | None = None  # default: a temporary directory
    tuning: Tuning = field(default_factory=Tuning)

    def validate(self) -> None:
        source = self.source
        if source.platform is Platform.HUGGINGFACE and not source.model_id:
            raise PackagingError(INVALID_REQUEST, "A Hugging Face source needs a model id.")
        if source.platform is Platform.S3:
            if not source.s3_uri:
                raise PackagingError(INVALID_REQUEST, "An S3 source needs an s3:// URI.")
            split_s3_uri(source.s3_uri)
        if not split_s3_uri(self.output_uri)[1]:
            raise PackagingError(
                INVALID_REQUEST, "The output URI needs a prefix, not a bare bucket."
            )
