"""The one way a packaging run fails: a stable code and a reason a user can act on."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PackagingError(Exception):
    """``code`` is UPPER_SNAKE and stable; ``reason`` is plain words (never a secret)."""

    code: str
    reason: str

    def __str__(self) -> str:
        return f"{self.code}: {self.reason}"


# The codes, in one place so the Batch wiring can map them without guessing.
SOURCE_NOT_FOUND = "SOURCE_NOT_FOUND"
REVISION_NOT_FOUND = "REVISION_NOT_FOUND"
GATED_MODEL = "GATED_MODEL"
TOKEN_UNAVAILABLE = "TOKEN_UNAVAILABLE"  # noqa: S105 - an error code, not a secret
NO_CONFIG = "NO_CONFIG"
NO_WEIGHTS = "NO_WEIGHTS"
INVALID_WEIGHTS = "INVALID_WEIGHTS"
UNKNOWN_SERIES = "UNKNOWN_SERIES"
REMOTE_CODE_REQUIRED = "REMOTE_CODE_REQUIRED"
UNSUPPORTED_REGION = "UNSUPPORTED_REGION"
NETWORK_ERROR = "NETWORK_ERROR"
UPLOAD_FAILED = "UPLOAD_FAILED"
INVALID_REQUEST = "INVALID_REQUEST"
CANCELLED = "CANCELLED"
