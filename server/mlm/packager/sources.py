"""Where a model comes from: a Hugging Face repository (through huggingface_hub, pinned
to the commit its revision resolves to) or an S3 prefix. Both list their files, then
fetch the ones selected into a local directory, reporting bytes as they arrive.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

import httpx2
from boto3.s3.transfer import TransferConfig
from botocore.exceptions import BotoCoreError, ClientError
from huggingface_hub import HfApi, constants, hf_hub_download
from huggingface_hub.errors import (
    GatedRepoError,
    HfHubHTTPError,
    LocalEntryNotFoundError,
    RepositoryNotFoundError,
    RevisionNotFoundError,
)
from tqdm import tqdm  # type: ignore[import-untyped]

from mlm.packager.errors import (
    GATED_MODEL,
    NETWORK_ERROR,
    REVISION_NOT_FOUND,
    SOURCE_NOT_FOUND,
    PackagingError,
)
from mlm.packager.request import Source, Tuning, split_s3_uri
from mlm.packager.selection import RemoteFile

log = logging.getLogger(__name__)
T = TypeVar("T")
OnBytes = Callable[[int], None]

# huggingface_hub reads each download in 10 MiB chunks, and httpx builds every chunk in a
# growing buffer before handing over a copy: tens of MiB per parallel download (the
# packager's peak RSS grew with the number of shards in flight, bench/packaging.py).
# 1 MiB chunks keep that small at the same speed. The setting has no parameter or
# environment variable; this process is the packager, so setting it here is contained.
DOWNLOAD_CHUNK_BYTES = 1024 * 1024
constants.DOWNLOAD_CHUNK_SIZE = DOWNLOAD_CHUNK_BYTES


class ModelSource(Protocol):
    """A resolved model: its files, and a way to fetch one of them."""

    commit: str | None  # the pinned commit (Hugging Face) or None (S3 has none)

    def list_files(self) -> list[RemoteFile]: ...

    def fetch(self, path: str, dest_dir: Path, on_bytes: OnBytes) -> Path: ...


def _transient(error: BaseException) -> bool:
    """Errors worth retrying: the network or the server, not the request."""
    if isinstance(error, RepositoryNotFoundError | RevisionNotFoundError):
        return False
    if isinstance(error, HfHubHTTPError):
        status = error.response.status_code if error.response is not None else 0
        return status >= 500 or status in {408, 429}
    return isinstance(error, httpx2.TransportError | LocalEntryNotFoundError | OSError)


def with_retries(call: Callable[[], T], tuning: Tuning, what: str) -> T:
    """``call()``, retried with exponential backoff on transient errors, then failed."""
    delay = tuning.backoff_base_seconds
    for attempt in range(1, tuning.download_attempts + 1):
        try:
            return call()
        except PackagingError:
            raise
        except Exception as error:
            if not _transient(error):
                raise
            if attempt == tuning.download_attempts:
                raise PackagingError(
                    NETWORK_ERROR,
                    f"Downloading {what} kept failing after {attempt} attempts "
                    f"({type(error).__name__}); the source may be unreachable.",
                ) from error
            log.warning("attempt %d to fetch %s failed (%s); retrying", attempt, what, error)
            time.sleep(delay)
            delay = min(delay * 2, tuning.backoff_max_seconds)
    raise AssertionError("unreachable")  # the loop returns or raises


def _bar_class(on_bytes: OnBytes) -> type[Any]:
    """A silent tqdm that forwards huggingface_hub's byte counts to ``on_bytes``."""

    class _Reporting(tqdm):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["disable"] = True
            super().__init__(*args, **kwargs)

        def update(self, n: float | None = 1) -> bool | None:
            on_bytes(int(n or 0))
            result: bool | None = super().update(n)
            return result

    return _Reporting


class HubSource:
    """A Hugging Face repository at one commit."""

    def __init__(
        self, source: Source, token: str | None, endpoint: str | None, tuning: Tuning
    ) -> None:
        assert source.model_id is not None
        self.repo_id = source.model_id
        self.revision = source.revision
        self._token: str | bool = token if token is not None else False  # never ambient
        self._endpoint = endpoint
        self._tuning = tuning
        self.commit: str | None = None
        self._files: list[RemoteFile] = []

    def resolve(self) -> HubSource:
        api = HfApi(endpoint=self._endpoint, token=self._token)
        info = self._mapped(
            lambda: with_retries(
                lambda: api.model_info(self.repo_id, revision=self.revision, files_metadata=True),
                self._tuning,
                f"the model information of '{self.repo_id}'",
            )
        )
        self.commit = info.sha
        self._files = [
            RemoteFile(path=s.rfilename, size=int(s.size or 0)) for s in info.siblings or []
        ]
        return self

    def list_files(self) -> list[RemoteFile]:
        return list(self._files)

    def fetch(self, path: str, dest_dir: Path, on_bytes: OnBytes) -> Path:
        bar = _bar_class(on_bytes)
        local = self._mapped(
            lambda: with_retries(
                lambda: hf_hub_download(
                    self.repo_id,
                    path,
                    revision=self.commit,
                    local_dir=dest_dir,
                    token=self._token,
                    endpoint=self._endpoint,
                    tqdm_class=bar,
                ),
                self._tuning,
                f"'{path}'",
            )
        )
        return Path(str(local))

    def _mapped(self, call: Callable[[], T]) -> T:
        try:
            return call()
        except GatedRepoError:
            has_token = self._token is not False
            raise PackagingError(
                GATED_MODEL,
                f"'{self.repo_id}' is a gated model and "
                + (
                    "the token in the secret has not been granted access to it."
                    if has_token
                    else "needs a Hugging Face token: give hf_token_secret_arn."
                ),
            ) from None
        except RevisionNotFoundError:
            raise PackagingError(
                REVISION_NOT_FOUND,
                f"'{self.repo_id}' has no revision '{self.revision}'.",
            ) from None
        except RepositoryNotFoundError:
            raise PackagingError(
                SOURCE_NOT_FOUND,
                f"The model '{self.repo_id}' was not found on Hugging Face (or it is private "
                "and the token cannot see it).",
            ) from None


class S3Source:
    """Model files under an S3 prefix."""

    def __init__(self, source: Source, s3: Any, tuning: Tuning) -> None:
        assert source.s3_uri is not None
        self.uri = source.s3_uri
        self.bucket, self.prefix = split_s3_uri(source.s3_uri)
        self._s3 = s3
        self._tuning = tuning
        self.commit: str | None = None
        self._files: list[RemoteFile] = []

    def resolve(self) -> S3Source:
        try:
            pages = self._s3.get_paginator("list_objects_v2").paginate(
                Bucket=self.bucket, Prefix=self.prefix
            )
            self._files = [
                RemoteFile(path=obj["Key"][len(self.prefix) :], size=int(obj["Size"]))
                for page in pages
                for obj in page.get("Contents", [])
                if not obj["Key"].endswith("/")
            ]
        except ClientError as error:
            code = str(error.response.get("Error", {}).get("Code", ""))
            raise PackagingError(
                SOURCE_NOT_FOUND,
                f"The model files at '{self.uri}' could not be listed ({code}).",
            ) from None
        except BotoCoreError as error:
            raise PackagingError(
                NETWORK_ERROR, f"S3 could not be reached to list '{self.uri}' ({error})."
            ) from None
        if not self._files:
            raise PackagingError(SOURCE_NOT_FOUND, f"There are no files at '{self.uri}'.")
        return self

    def list_files(self) -> list[RemoteFile]:
        return list(self._files)

    def fetch(self, path: str, dest_dir: Path, on_bytes: OnBytes) -> Path:
        target = dest_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        config = TransferConfig(multipart_chunksize=self._tuning.part_size_bytes, max_concurrency=4)
        try:
            self._s3.download_file(
                self.bucket, self.prefix + path, str(target), Callback=on_bytes, Config=config
            )
        except (ClientError, BotoCoreError) as error:
            raise PackagingError(
                NETWORK_ERROR, f"Downloading '{path}' from '{self.uri}' failed ({error})."
            ) from None
        return target
