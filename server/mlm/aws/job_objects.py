"""Small JSON objects under a packaging job's S3 prefix (status, registration claim)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from botocore.exceptions import ClientError

from mlm.aws.errors import aws_errors, describe_or_none

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client


class JobObjects:
    def __init__(self, client: S3Client, bucket: str) -> None:
        self._client = client
        self.bucket = bucket

    def read(self, key: str) -> tuple[dict[str, Any], str] | None:
        """The object's JSON and ETag; None when missing or not a JSON object."""
        answer = describe_or_none(lambda: self._client.get_object(Bucket=self.bucket, Key=key))
        if answer is None:
            return None
        with aws_errors():
            raw = answer["Body"].read()
        try:
            document = json.loads(raw)
        except ValueError:
            return None
        return (document, str(answer["ETag"])) if isinstance(document, dict) else None

    def create(self, key: str, document: dict[str, Any], tags: dict[str, str]) -> bool:
        """Write only if no object is there (S3 conditional write); False when one is."""
        return self._put(key, document, tags, IfNoneMatch="*")

    def replace(
        self, key: str, document: dict[str, Any], tags: dict[str, str], etag: str | None = None
    ) -> bool:
        """Overwrite (only the version read, when ``etag`` is given); False if it changed."""
        extra = {} if etag is None else {"IfMatch": etag}
        return self._put(key, document, tags, **extra)

    def delete(self, key: str) -> None:
        with aws_errors():
            self._client.delete_object(Bucket=self.bucket, Key=key)

    def _put(self, key: str, document: dict[str, Any], tags: dict[str, str], **cond: str) -> bool:
        try:
            self._client.put_object(
                Bucket=self.bucket,
                Key=key,
                Body=json.dumps(document).encode(),
                ContentType="application/json",
                Tagging=urlencode(tags),
                **cond,  # type: ignore[arg-type]
            )
        except ClientError as error:
            code = str(error.response.get("Error", {}).get("Code", ""))
            if code in {"PreconditionFailed", "ConditionalRequestConflict"}:
                return False
            with aws_errors():
                raise
        return True
