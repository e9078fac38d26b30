"""What a client asks of the registry, and the checks of model-version requests.

Handlers read a JSON body into a request with the ``read_*`` functions. Those only read:
the services check every rule, so a service called directly answers as one called over
HTTP. A reader refuses only a nested value that is not an object, which no request can
hold. Merge patches tell a field left out (``ABSENT``) from one set to null (``None``,
which removes it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Final

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
SOURCE_SHAPE = "must be {platform: huggingface|s3, model_id, revision}"
REQUIREMENTS_SHAPE = "must be {gpu_memory_gib, gpu_count}"
_MODEL_PATCH_FIELDS = ("description", "task", "owner", "metadata", "tags")


class Absent(Enum):
    """The type of ``ABSENT``: a merge-patch field the request leaves out."""

    ABSENT = "absent"


ABSENT: Final = Absent.ABSENT


# Models ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewModel:
    name: str
    description: str | None = None
    task: str | None = None
    owner: str | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)
    tags: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ModelPatch:
    """A JSON merge patch of a model: None removes a field; in ``metadata`` and ``tags``
    a None value removes that entry, and None for the whole map clears it."""

    description: str | Absent | None = ABSENT
    task: str | Absent | None = ABSENT
    owner: str | Absent | None = ABSENT
    metadata: Mapping[str, str | None] | Absent | None = ABSENT
    tags: Mapping[str, str | None] | Absent | None = ABSENT


def read_new_model(body: Mapping[str, Any]) -> NewModel:
    return NewModel(
        name=_json(body, "name"),
        description=_json(body, "description"),
        task=_json(body, "task"),
        owner=_json(body, "owner"),
        metadata=_empty_if_none(_json(body, "metadata")),
        tags=_empty_if_none(_json(body, "tags")),
    )


def read_model_patch(body: Mapping[str, Any]) -> ModelPatch:
    # Other keys are not part of a model patch (the spec refuses them); they change nothing.
    return ModelPatch(**{key: body[key] for key in _MODEL_PATCH_FIELDS if key in body})


# Versions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContainerSpec:
    image: str
    environment: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ArtifactSpec:
    uri: str
    format: str  # s3_prefix | tar_gz


@dataclass(frozen=True)
class SourceSpec:
    platform: str  # huggingface | s3
    model_id: str
    revision: str | None = None


@dataclass(frozen=True)
class RequirementsSpec:
    gpu_memory_gib: float | None = None
    gpu_count: int | None = None


@dataclass(frozen=True)
class NewVersion:
    container: ContainerSpec
    artifact: ArtifactSpec | None = None
    framework: str | None = None
    series: str | None = None
    source: SourceSpec | None = None
    metadata: Mapping[str, str] = field(default_factory=dict)
    description: str | None = None
    approval_status: str = "pending"
    approval_note: str | None = None
    requirements: RequirementsSpec | None = None


@dataclass(frozen=True)
class VersionPatch:
    """A JSON merge patch of a version. ``immutable`` names the other fields the request
    sets: only a new version can change them."""

    approval_status: str | Absent = ABSENT
    approval_note: str | Absent | None = ABSENT
    description: str | Absent | None = ABSENT
    metadata: Mapping[str, str | None] | Absent = ABSENT
    immutable: tuple[str, ...] = ()

    @property
    def decides_approval(self) -> bool:
        """Whether it sets the approval or its note (an approval decision)."""
        return self.approval_status is not ABSENT or self.approval_note is not ABSENT


def read_new_version(body: Mapping[str, Any]) -> NewVersion:
    container = _json(body, "container")
    if not isinstance(container, Mapping):
        raise fields.invalid("container", "is required: {image, environment}")
    return NewVersion(
        container=ContainerSpec(
            image=_json(container, "image"),
            environment=_empty_if_none(_json(container, "environment")),
        ),
        artifact=_read_artifact(_json(body, "artifact")),
        framework=_json(body, "framework"),
        series=_json(body, "series"),
        source=_read_source(_json(body, "source")),
        metadata=_empty_if_none(_json(body, "metadata")),
        description=_json(body, "description"),
        approval_status=body.get("approval_status", "pending"),
        approval_note=_json(body, "approval_note"),
        requirements=_read_requirements(_json(body, "requirements")),
    )


def read_version_patch(body: Mapping[str, Any]) -> VersionPatch:
    return VersionPatch(
        **{key: body[key] for key in MUTABLE if key in body},
        immutable=tuple(sorted(key for key in body if key not in MUTABLE)),
    )


def _json(body: Mapping[str, Any], key: str) -> Any:
    """What the body holds under ``key`` (None when absent), as it is: the services check
    it, so a wrong value gets the same answer from a body and from a direct call."""
    return body.get(key)


def _empty_if_none(value: Any) -> Any:
    # A map left out and a null map both mean an empty one.
    return {} if value is None else value


def _read_artifact(value: object) -> ArtifactSpec | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise fields.invalid("artifact", "must be {uri, format}")
    return ArtifactSpec(uri=_json(value, "uri"), format=_json(value, "format"))


def _read_source(value: object) -> SourceSpec | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise fields.invalid("source", SOURCE_SHAPE)
    return SourceSpec(
        platform=_json(value, "platform"),
        model_id=_json(value, "model_id"),
        revision=_json(value, "revision"),
    )


def _read_requirements(value: object) -> RequirementsSpec | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise fields.invalid("requirements", REQUIREMENTS_SHAPE)
    return RequirementsSpec(
        gpu_memory_gib=_json(value, "gpu_memory_gib"), gpu_count=_json(value, "gpu_count")
    )


# Version checks ----------------------------------------------------------------------------


@dataclass(frozen=True)
class VersionDraft:
    image: str
    environment: dict[str, str]
    artifact: ArtifactSpec | None
    approval_status: str
    doc: dict[str, Any]  # the fields kept in CustomerMetadataProperties


def parse_draft(request: NewVersion) -> VersionDraft:
    image = fields.optional_text(request.container.image, "image", 255, IMAGE_PATTERN)
    if image is None:
        raise fields.invalid("container.image", "is required")
    environment = fields.string_map(
        request.container.environment,
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
    approval = request.approval_status or "pending"
    if approval not in APPROVALS:
        raise fields.invalid("approval_status", "must be pending, approved or rejected")
    doc: dict[str, Any] = {
        "description": fields.optional_text(request.description, "description"),
        "framework": fields.optional_text(request.framework, "framework", 64, NAME_PATTERN),
        "series": fields.optional_text(request.series, "series", 64, NAME_PATTERN),
        "source": _source(request.source),
        "metadata": fields.string_map(request.metadata, "metadata"),
        "requirements": _requirements(request.requirements),
        "approval_note": fields.optional_text(request.approval_note, "approval_note"),
    }
    return VersionDraft(
        image=image,
        environment=environment,
        artifact=_artifact(request.artifact),
        approval_status=str(approval),
        doc={key: value for key, value in doc.items() if value not in (None, {}, "")},
    )


def parse_patch(patch: VersionPatch) -> VersionPatch:
    """The checked changes; 409 VERSION_IMMUTABLE for anything that needs a new version."""
    fixed = sorted(patch.immutable)
    if fixed:
        raise Conflict(
            code="VERSION_IMMUTABLE",
            detail=f"{', '.join(fixed)} cannot change on a version; create a new version "
            "instead. Only approval_status, approval_note, description and metadata change.",
        )
    if patch.approval_status is not ABSENT and patch.approval_status not in APPROVALS:
        raise fields.invalid("approval_status", "must be pending, approved or rejected")
    note, description, metadata = patch.approval_note, patch.description, patch.metadata
    if note is not ABSENT:
        note = fields.optional_text(note, "approval_note")
    if description is not ABSENT:
        description = fields.optional_text(description, "description")
    if metadata is not ABSENT:
        if not isinstance(metadata, Mapping):
            raise fields.invalid("metadata", "must be an object (a key set to null is removed)")
        for key, value in metadata.items():
            if value is not None and (not isinstance(value, str) or len(value) > 256):
                raise fields.invalid(f"metadata.{key}", "must be text of at most 256 characters")
        metadata = dict(metadata)
    return VersionPatch(
        approval_status=patch.approval_status,
        approval_note=note,
        description=description,
        metadata=metadata,
    )


def _artifact(value: ArtifactSpec | None) -> ArtifactSpec | None:
    if value is None:
        return None
    uri, fmt = value.uri, value.format
    if not isinstance(uri, str) or len(uri) > 1024 or not _S3_URI.match(uri):
        raise fields.invalid("artifact.uri", "must be an s3://bucket/key URI")
    if fmt == "s3_prefix":
        # SageMaker reads every object under the prefix; a trailing slash keeps
        # "…/model" from also matching "…/model-old/".
        return ArtifactSpec(uri=uri if uri.endswith("/") else uri + "/", format=fmt)
    if fmt == "tar_gz":
        if uri.endswith("/"):
            raise fields.invalid("artifact.uri", "a tar_gz artifact is one object, not a prefix")
        return ArtifactSpec(uri=uri, format=fmt)
    raise fields.invalid("artifact.format", "must be s3_prefix or tar_gz")


def _source(value: SourceSpec | None) -> dict[str, Any] | None:
    if value is None:
        return None
    if value.platform not in ("huggingface", "s3"):
        raise fields.invalid("source", SOURCE_SHAPE)
    model_id = fields.optional_text(value.model_id, "model_id", 256, MODEL_ID_PATTERN)
    if model_id is None:
        raise fields.invalid("source.model_id", "is required")
    return {
        "platform": value.platform,
        "model_id": model_id,
        "revision": fields.optional_text(value.revision, "revision", 128),
    }


def _requirements(value: RequirementsSpec | None) -> dict[str, Any] | None:
    if value is None:
        return None
    memory, count = value.gpu_memory_gib, value.gpu_count
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
