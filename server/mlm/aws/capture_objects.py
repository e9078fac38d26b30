"""S3 objects SageMaker data capture wrote: folder discovery, key listing, reading.

Keys are listed per hour folder (SageMaker's ``yyyy/mm/dd/hh/`` layout), so a read of a
time range lists only the hours it covers. A missing object (deleted between listing and
reading) is skipped, not an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mlm.aws.errors import aws_errors, describe_or_none

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


class CaptureObjects:
    def __init__(self, client: S3Client) -> None:
        self._s3 = client

    def subfolders(self, bucket: str, prefix: str) -> list[str]:
        """Names of the "folders" right under ``prefix`` (which ends with "/")."""
        found: list[str] = []
        with aws_errors():
            pages = self._s3.get_paginator("list_objects_v2").paginate(
                Bucket=bucket, Prefix=prefix, Delimiter="/"
            )
            for page in pages:
                for common in page.get("CommonPrefixes", []):
                    name = common.get("Prefix", "")[len(prefix) :].rstrip("/")
                    if name:
                        found.append(name)
        return found

    def keys(self, bucket: str, prefix: str) -> list[str]:
        found: list[str] = []
        with aws_errors():
            pages = self._s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix)
            for page in pages:
                found += [item["Key"] for item in page.get("Contents", []) if "Key" in item]
        return found

    def read_text(self, bucket: str, key: str) -> str | None:
        answer = describe_or_none(lambda: self._s3.get_object(Bucket=bucket, Key=key))
        if answer is None:
            return None
        with aws_errors():
            return answer["Body"].read().decode("utf-8", errors="replace")
