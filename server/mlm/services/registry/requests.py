"""Checks of model-version requests: what a new version holds and what a patch may change."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mlm.errors import Conflict
from mlm.services.registry import fields

APPROVALS = ("pending", "approved", "rejected")
MUTABLE = ("approval_status", "approval_note", "description", "metadata")
IMAGE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._/:@-]*$"
NAME_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
MODEL_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._/:-]*$"
_ENV_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_S3_URI = re.compile(r"^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]/.*$")
MAX_ENVIRONMENT = 50


@dataclass(frozen=True)
class VersionDraft:
    image: str
    environment: dict[str, str]
    artifact: dict[str, str] | None
    approval_status: str
    doc: dict[str, Any]  # the fields kept in CustomerMetadataProperties


def parse_draft(body: Mapping[str, Any]) -> VersionDraft:
    container = body.get("container")
    if not isinstance(container, Mapping):
        raise fields.invalid("container", "is required: {image, environment}")
    image = fields.optional_text(container, "image", 255, IMAGE_PATTERN)
    if image is None:
        raise fields.invalid("container.image", "is required")
    environment = fields.string_map(
        container.get("environment"),
        "container.environment",
        max_entries=MAX_ENVIRONMENT,
        max_value=1024,
    )
    for key in environment:
        if not _ENV_KEY.match(key):
            raise fields.invalid(
                f"container.environment.{key}",
                "names are letters, digits and underscores, not starting with a digit",
            )
    approval = body.get("approval_status") or "pending"
    if approval not in APPROVALS:
        raise fields.invalid("approval_status", "must be pending, approved or rejected")
    doc: dict[str, Any] = {
        "description": fields.optional_text(body, "description"),
        "framework": fields.optional_text(body, "framework", 64, NAME_PATTERN),
        "series": fields.optional_text(body, "series", 64, NAME_PATTERN),
        "source": _source(body.get("source")),
        "metadata": fields.string_map(body.get("metadata"), "metadata"),
        "requirements": _requirements(body.get("requirements")),
        "approval_note": fields.optional_text(body, "approval_note"),
    }
    return VersionDraft(
        image=image,
        environment=environment,
        artifact=_artifact(body.get("artifact")),
        approval_status=str(approval),
        doc={key: value for key, value in doc.items() if value not in (None, {}, "")},
    )


def parse_patch(patch: Mapping[str, Any]) -> dict[str, Any]:
    """The checked changes; 409 VERSION_IMMUTABLE for anything that needs a new version."""
    fixed = sorted(key for key in patch if key not in MUTABLE)
    if fixed:
        raise Conflict(
            code="VERSION_IMMUTABLE",
            detail=f"{', '.join(fixed)} cannot change on a version; create a new version "
            "instead. Only approval_status, approval_note, description and metadata change.",
        )
    changes: dict[str, Any] = {}
    if "approval_status" in patch:
        if patch["approval_status"] not in APPROVALS:
            raise fields.invalid("approval_status", "must be pending, approved or rejected")
        changes["approval_status"] = patch["approval_status"]
    if "approval_note" in patch:
        changes["approval_note"] = fields.optional_text(patch, "approval_note")
    if "description" in patch:
        changes["description"] = fields.optional_text(patch, "description")
    if "metadata" in patch:
        metadata = patch["metadata"]
        if not isinstance(metadata, Mapping):
            raise fields.invalid("metadata", "must be an object (a key set to null is removed)")
        for key, value in metadata.items():
            if value is not None and (not isinstance(value, str) or len(value) > 256):
                raise fields.invalid(f"metadata.{key}", "must be text of at most 256 characters")
        changes["metadata"] = dict(metadata)
    return changes


def _artifact(value: object) -> dict[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise fields.invalid("artifact", "must be {uri, format}")
    uri, fmt = value.get("uri"), value.get("format")
    if not isinstance(uri, str) or len(uri) > 1024 or not _S3_URI.match(uri):
        raise fields.invalid("artifact.uri", "must be an s3://bucket/key URI")
    if fmt == "s3_prefix":
        # SageMaker reads every object under the prefix; a trailing slash keeps
        # "…/model" from also matching "…/model-old/".
        return {"uri": uri if uri.endswith("/") else uri + "/", "format": fmt}
    if fmt == "tar_gz":
        if uri.endswith("/"):
            raise fields.invalid("artifact.uri", "a tar_gz artifact is one object, not a prefix")
        return {"uri": uri, "format": fmt}
    raise fields.invalid("artifact.format", "must be s3_prefix or tar_gz")


def _source(value: object) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or value.get("platform") not in ("huggingface", "s3"):
        raise fields.invalid("source", "must be {platform: huggingface|s3, model_id, revision}")
    model_id = fields.optional_text(value, "model_id", 256, MODEL_ID_PATTERN)
    if model_id is None:
        raise fields.invalid("source.model_id", "is required")
    return {
        "platform": value["platform"],
        "model_id": model_id,
        "revision": fields.optional_text(value, "revision", 128),
    }


def _requirements(value: object) -> dict[str, Any] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise fields.invalid("requirements", "must be {gpu_memory_gib, gpu_count}")
    memory, count = value.get("gpu_memory_gib"), value.get("gpu_count")
    if memory is not None and (
        isinstance(memory, bool) or not isinstance(memory, int | float) or not 0 < memory <= 10000
    ):
        raise fields.invalid("requirements.gpu_memory_gib", "must be a number above 0")
    if count is not None and (
        isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 64
    ):
        raise fields.invalid("requirements.gpu_count", "must be a whole number from 1 to 64")
    out = {"gpu_memory_gib": memory, "gpu_count": count}
    return {key: item for key, item in out.items() if item is not None} or None
