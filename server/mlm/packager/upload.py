"""Upload to S3 with bounded memory: files as an uncompressed prefix, or one streamed
``model.tar.gz``.

boto3's transfer manager does the parallel multipart work: file parts are read from disk
as they are sent (never a whole file in memory), and a streamed tarball is cut into parts
with at most ``max_concurrency + 2`` parts in memory. Files are submitted one at a time
while the manager runs, so each can start uploading as soon as it is downloaded and
checked. On any failure every multipart upload under the job's prefix is aborted and what
was already written there is deleted, so a failed run leaves nothing half-uploaded.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import logging
import math
import os
import tarfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import urlencode

from boto3.s3.transfer import TransferConfig, create_transfer_manager
from botocore.exceptions import BotoCoreError, ClientError
from s3transfer.subscribers import BaseSubscriber

from mlm.packager.errors import UPLOAD_FAILED, PackagingError
from mlm.packager.request import Tuning

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import ObjectIdentifierTypeDef

log = logging.getLogger(__name__)
OnBytes = Callable[[int], None]
READ_CHUNK = 1024 * 1024
MIB = 1024 * 1024
MAX_PARTS = 10_000  # S3's limit per multipart upload


def tagging(tags: list[dict[str, str]]) -> str:
    """S3's ``Tagging`` form (URL-encoded ``k=v&…``) of an AWS tag list."""
    return urlencode([(tag["Key"], tag["Value"]) for tag in tags])


@dataclass(frozen=True)
class UploadedTarball:
    key: str
    size: int
    sha256: str


def tarball_part_size(part_size: int, input_bytes: int) -> int:
    """The part size for a streamed tarball of ``input_bytes`` of files: its length is not
    known up front (s3transfer cannot adjust the parts as it does for files), so parts
    grow, in whole MiB, until S3's 10,000 parts hold the input plus 1% of gzip and tar
    overhead (stored, incompressible weights come out slightly larger than they go in)."""
    needed = math.ceil(input_bytes * 1.01 / MAX_PARTS) + MIB
    return max(part_size, math.ceil(needed / MIB) * MIB)


class _Progress(BaseSubscriber):
    def __init__(
        self, on_bytes: OnBytes | None, on_done: Callable[[Any], None] | None = None
    ) -> None:
        self._on_bytes, self._on_done = on_bytes, on_done

    def on_progress(self, future: Any, bytes_transferred: int, **kwargs: Any) -> None:
        if self._on_bytes is not None:
            self._on_bytes(bytes_transferred)

    def on_done(self, future: Any, **kwargs: Any) -> None:
        if self._on_done is not None:
            self._on_done(future)


class FileUploads:
    """Files handed to a running transfer manager one by one (``Uploader.file_uploads``).

    The first failed upload is remembered and raised by the next ``submit``, so the
    caller stops downloading the rest of a model that can no longer be uploaded.
    """

    def __init__(
        self,
        manager: Any,
        uploader: Uploader,
        on_bytes: OnBytes | None,
        on_file: Callable[[], None] | None,
    ) -> None:
        self._manager, self._uploader = manager, uploader
        self._on_bytes, self._on_file = on_bytes, on_file
        self._futures: list[Any] = []
        self._lock = threading.Lock()
        self._failure: BaseException | None = None

    def submit(self, path: Path, key: str, on_done: Callable[[], None] | None = None) -> None:
        """Start uploading ``path`` to ``prefix + key``; ``on_done`` runs when that upload
        ends, whether it succeeded, failed or was cancelled."""
        with self._lock:
            if self._failure is not None:
                raise self._failure
            uploader = self._uploader
            finished = functools.partial(self._finished, on_done)
            self._futures.append(
                self._manager.upload(
                    str(path),
                    uploader.bucket,
                    uploader.prefix + key,
                    extra_args=uploader.extra_args,
                    subscribers=[_Progress(self._on_bytes, finished)],
                )
            )

    def wait(self) -> None:
        """Block until every submitted file is uploaded; raise the first failure."""
        for future in list(self._futures):
            future.result()

    def _finished(self, on_done: Callable[[], None] | None, future: Any) -> None:
        try:
            future.result()
        except BaseException as error:  # kept, and raised by submit or wait
            with self._lock:
                self._failure = self._failure or error
        else:
            if self._on_file is not None:
                self._on_file()
        finally:
            if on_done is not None:
                on_done()


class Uploader:
    """Uploads into ``s3://bucket/prefix`` (the job's own prefix) and cleans it on failure."""

    def __init__(
        self, s3: S3Client, bucket: str, prefix: str, tuning: Tuning, tags: list[dict[str, str]]
    ) -> None:
        self._s3, self.bucket, self.prefix = s3, bucket, prefix
        self._tuning = tuning
        self.extra_args = {"Tagging": tagging(tags)} if tags else {}

    def _config(self, part_size: int) -> TransferConfig:
        tuning = self._tuning
        config = TransferConfig(
            multipart_threshold=part_size,
            multipart_chunksize=part_size,
            max_concurrency=tuning.max_concurrency,
            max_io_queue=tuning.max_concurrency * 2,
        )
        # Parts of a non-seekable stream are held in memory: bound how many.
        config.max_in_memory_upload_chunks = tuning.max_concurrency + 2
        return config

    @contextlib.contextmanager
    def file_uploads(
        self, on_bytes: OnBytes | None = None, on_file: Callable[[], None] | None = None
    ) -> Iterator[FileUploads]:
        """Upload the files submitted inside the block in parallel; leaving the block
        waits for them. An error inside cancels the rest and cleans the prefix."""
        config = self._config(self._tuning.part_size_bytes)
        with self._guard(), create_transfer_manager(self._s3, config) as manager:
            uploads = FileUploads(manager, self, on_bytes, on_file)
            yield uploads
            uploads.wait()

    def upload_tarball(
        self, files: list[tuple[Path, str]], key: str, on_bytes: OnBytes | None = None
    ) -> UploadedTarball:
        """Stream a gzip'd tar of ``files`` (path, name inside) to ``prefix + key``."""
        with self._guard():  # a file gone missing fails as the upload would
            input_bytes = sum(path.stat().st_size for path, _name in files)
        config = self._config(tarball_part_size(self._tuning.part_size_bytes, input_bytes))
        read_fd, write_fd = os.pipe()
        reader = _HashingReader(os.fdopen(read_fd, "rb"))
        producer = threading.Thread(
            target=reader.produce, args=(os.fdopen(write_fd, "wb"), files, on_bytes), daemon=True
        )
        producer.start()
        try:
            with self._guard(), create_transfer_manager(self._s3, config) as manager:
                manager.upload(
                    reader,  # type: ignore[arg-type]  # read() is all s3transfer uses
                    self.bucket,
                    self.prefix + key,
                    extra_args=self.extra_args,
                ).result()
        finally:
            reader.close()  # unblocks the producer if the upload stopped early
            producer.join()
        return UploadedTarball(key=key, size=reader.size, sha256=reader.sha256.hexdigest())

    def put_bytes(self, key: str, body: bytes, content_type: str) -> None:
        with self._guard():
            self._s3.put_object(
                Bucket=self.bucket,
                Key=self.prefix + key,
                Body=body,
                ContentType=content_type,
                **self.extra_args,  # type: ignore[arg-type]
            )

    def remove_all(self) -> None:
        """Abort every multipart upload and delete every object under the prefix."""
        uploads = self._s3.get_paginator("list_multipart_uploads")
        for listing in uploads.paginate(Bucket=self.bucket, Prefix=self.prefix):
            for upload in listing.get("Uploads", []):
                self._s3.abort_multipart_upload(
                    Bucket=self.bucket, Key=upload["Key"], UploadId=upload["UploadId"]
                )
        objects = self._s3.get_paginator("list_objects_v2")
        for page in objects.paginate(Bucket=self.bucket, Prefix=self.prefix):
            keys: list[ObjectIdentifierTypeDef] = [
                {"Key": obj["Key"]} for obj in page.get("Contents", [])
            ]
            if keys:
                self._s3.delete_objects(Bucket=self.bucket, Delete={"Objects": keys})

    def _guard(self) -> _CleanupOnFailure:
        return _CleanupOnFailure(self)


class _CleanupOnFailure:
    """On an error inside: clean the prefix, then raise a PackagingError saying why."""

    def __init__(self, uploader: Uploader) -> None:
        self._uploader = uploader

    def __enter__(self) -> None:
        return None

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _tb: Any
    ) -> None:
        if error is None:
            return
        try:
            self._uploader.remove_all()
        except (ClientError, BotoCoreError):
            log.exception(
                "cleaning s3://%s/%s after a failed upload failed",
                self._uploader.bucket,
                self._uploader.prefix,
            )
        if isinstance(error, PackagingError):
            raise error
        if isinstance(error, ClientError):
            code = str(error.response.get("Error", {}).get("Code", ""))
            raise PackagingError(
                UPLOAD_FAILED, f"S3 refused part of the upload ({code}); nothing was left behind."
            ) from error
        if isinstance(error, BotoCoreError | OSError):
            raise PackagingError(
                UPLOAD_FAILED,
                f"The upload to S3 failed ({type(error).__name__}); nothing was left behind.",
            ) from error


class _HashingReader:
    """The read end of the tarball pipe: counts and hashes what the upload consumes, and
    turns a producer failure into a read error (not a silent, truncated end of file)."""

    def __init__(self, pipe: IO[bytes]) -> None:
        self._pipe = pipe
        self.sha256 = hashlib.sha256()
        self.size = 0
        self._producer_error: BaseException | None = None

    def read(self, amount: int = -1) -> bytes:
        data = self._pipe.read(amount)
        if not data and self._producer_error is not None:
            raise OSError(f"building the tarball failed: {self._producer_error}")
        self.sha256.update(data)
        self.size += len(data)
        return data

    def close(self) -> None:
        self._pipe.close()

    def produce(
        self, sink: IO[bytes], files: list[tuple[Path, str]], on_bytes: OnBytes | None
    ) -> None:
        try:
            # Level 1: weights barely compress; speed matters more than a few percent.
            with (
                gzip.GzipFile(fileobj=sink, mode="wb", compresslevel=1, mtime=0) as zipped,
                tarfile.open(fileobj=zipped, mode="w|") as tar,
            ):
                for path, name in files:
                    info = tar.gettarinfo(str(path), arcname=name)
                    with path.open("rb") as handle:
                        tar.addfile(info, _CountingReader(handle, on_bytes))
        except BrokenPipeError:
            pass  # the upload stopped reading; it reports its own error
        except Exception as error:
            self._producer_error = error  # set before the reader can see end of file
        finally:
            with contextlib.suppress(OSError):
                sink.close()


class _CountingReader:
    def __init__(self, handle: IO[bytes], on_bytes: OnBytes | None) -> None:
        self._handle, self._on_bytes = handle, on_bytes

    def read(self, amount: int = -1) -> bytes:
        data = self._handle.read(amount if amount > 0 else READ_CHUNK)
        if self._on_bytes is not None and data:
            self._on_bytes(len(data))
        return data
