"""Logical models: one SageMaker model package group each.

SageMaker cannot update a group, so everything mutable about a model (description, task,
owner, metadata, updated_at) lives in the group's tags: one plain tag per field or
metadata entry that AWS takes as it is (``mlm:task``, ``mlm:meta:license``…), readable
in the SageMaker console, and a compressed document for the rest (``codec``); user tags
stay plain AWS tags beside them.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable, Mapping, Sequence
from contextlib import suppress
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from typing import Any

from mlm import naming
from mlm.aws.sagemaker_registry import GroupRecord, SageMakerRegistry
from mlm.errors import (
    ApiError,
    BadGateway,
    Conflict,
    FieldError,
    NotFound,
    Unprocessable,
)
from mlm.pagination import DEFAULT_PAGE_SIZE, Page, PageTokens
from mlm.services.after_commit import read_back
from mlm.services.fan_out import parallel
from mlm.services.locking import ResourceLocks
from mlm.services.registry import codec, fields
from mlm.services.registry.requests import ABSENT, ModelPatch, NewModel
from mlm.timestamps import rfc3339

Deployments = Callable[[str], Mapping[tuple[str, int], list[str]]]
log = logging.getLogger("mlm.models")
# The document's mark of the request that created the group (see create).
_MADE_BY = "made_by"
_EXISTS_CODE = "MODEL_ALREADY_EXISTS"

AWS_MAX_TAGS = 50
TASK_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"
MAX_OWNER = 256


@dataclass(frozen=True)
class Model:
    name: str
    description: str | None
    task: str | None
    owner: str | None
    metadata: dict[str, str]
    tags: dict[str, str]
    latest_version: int | None
    version_count: int
    created_at: str
    updated_at: str

    def to_api(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class _Group:
    """A model as stored: the group, its decoded document and its raw tags."""

    name: str
    physical: str
    arn: str
    created_at: str
    doc: dict[str, Any]
    tags: dict[str, str]


class ModelService:
    def __init__(
        self,
        registry: SageMakerRegistry,
        page_tokens: PageTokens,
        mandatory_metadata_keys: Sequence[str],
        deployments: Deployments,
        locks: ResourceLocks,
    ) -> None:
        self._locks = locks
        self._registry = registry
        self._tokens = page_tokens
        self._mandatory = list(mandatory_metadata_keys)
        self._deployments = deployments

    # Operations -------------------------------------------------------------------------

    def create(self, tenant: str, request: NewModel, request_key: str | None = None) -> Model:
        """The group's document carries a mark of the request that made it (from its
        Idempotency-Key, else random): a create that finds the name taken by its own
        earlier attempt, or whose reply was lost, answers with the model it made."""
        name = fields.check_name(request.name)
        doc = self._checked_doc(
            description=request.description,
            task=request.task,
            owner=request.owner,
            metadata=request.metadata,
        )
        doc[_MADE_BY] = (
            secrets.token_hex(8)
            if request_key is None
            else naming.content_hash(f"{tenant}\n{request_key}", 16)
        )
        tags = fields.user_tags(request.tags)
        physical = naming.physical_name(tenant, name)
        entries = self._tag_entries(tenant, name, doc, tags)
        with self._locks.hold(tenant, "model", name):
            existing = self._registry.find_group(physical)
            if existing is not None:
                if not self._made_by(tenant, name, existing, doc[_MADE_BY]):
                    raise _exists(name)
            else:
                try:  # the commit point
                    self._registry.create_group(physical, entries, exists_code=_EXISTS_CODE)
                except Conflict as error:
                    if error.code != _EXISTS_CODE:
                        raise
                    found = self._registry.find_group(physical)
                    if found is None or not self._made_by(tenant, name, found, doc[_MADE_BY]):
                        raise
        now = rfc3339(datetime.now(UTC))
        known = Model(
            name=name,
            description=doc.get("description"),
            task=doc.get("task"),
            owner=doc.get("owner"),
            metadata=dict(doc.get("metadata") or {}),
            tags=dict(tags),
            latest_version=None,
            version_count=0,
            created_at=now,
            updated_at=_not_before(doc.get("updated_at"), now),
        )
        return read_back(lambda: self.get(tenant, name), lambda: known, f"model {name}")

    def get(self, tenant: str, name: str) -> Model:
        # One AWS call (DescribeModelPackageGroup) in the steady state: tags and the version
        # list are reused for the read-cache TTL (what this replica wrote, it forgot).
        return self._model(self._group(tenant, name, cached=True), cached=True)

    def list_models(
        self,
        tenant: str,
        *,
        name_prefix: str | None = None,
        task: str | None = None,
        owner: str | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        page_token: str | None = None,
    ) -> Page[Model]:
        query: dict[str, object] = {
            "op": "list_models",
            "tenant": tenant,
            "name_prefix": name_prefix,
            "task": task,
            "owner": owner,
        }
        prefix = naming.tenant_prefix(tenant)
        candidates = []
        for record in self._registry.list_groups(prefix):
            api_name = naming.api_name(tenant, record.name)
            if api_name is not None and api_name.startswith(name_prefix or ""):
                candidates.append((api_name, record))
        groups = [
            group
            for group in parallel(lambda c: self._listed_group(tenant, *c, cached=True), candidates)
            if group is not None
            and (task is None or group.doc.get("task") == task)
            and (owner is None or group.doc.get("owner") == owner)
        ]
        page = self._tokens.paginate(groups, lambda g: g.name, page_size, page_token, query)
        return Page(
            parallel(lambda g: self._model(g, cached=True), page.items), page.next_page_token
        )

    def update(
        self,
        tenant: str,
        name: str,
        patch: ModelPatch,
        precondition: Callable[[Model], None] | None = None,
    ) -> Model:
        """Apply a JSON merge patch (null removes) of description, task, owner,
        metadata and tags; ``precondition`` sees the current model first (If-Match),
        under the model's lease."""
        with self._locks.hold(tenant, "model", name):
            group = self._group(tenant, name)
            before = self._model(group)
            if precondition is not None:
                precondition(before)
            doc = self._checked_doc(**_merged(group.doc, patch))
            current_tags = naming.user_tag_map(group.tags)
            tags = fields.user_tags(
                current_tags if patch.tags is ABSENT else _merge_map(current_tags, patch.tags)
            )
            entries = self._tag_entries(tenant, name, doc, tags)
            removed = [k for k in group.tags if k not in entries and not k.startswith("aws:")]
            # Removed user tags and plain field/metadata tags go first (readers would
            # take them as current; it also frees room under AWS's 50-tag limit); stale
            # document chunks go last: the document's count ignores them until then.
            dropped = [k for k in removed if k in current_tags or codec.is_plain_key(k)]
            self._registry.delete_tags(group.arn, dropped)
            try:
                self._registry.add_tags(group.arn, entries)  # the commit point
            except ApiError:
                self._restore_tags(group, dropped)
                raise
            try:
                self._registry.delete_tags(group.arn, [k for k in removed if k not in current_tags])
            except ApiError as error:  # harmless: the next update removes them
                log.warning("model %s: stale document tags stay for now: %s", name, error)
        known = replace(
            before,
            description=doc.get("description"),
            task=doc.get("task"),
            owner=doc.get("owner"),
            metadata=dict(doc.get("metadata") or {}),
            tags=dict(tags),
            updated_at=doc.get("updated_at") or before.updated_at,
        )
        return read_back(lambda: self.get(tenant, name), lambda: known, f"model {name}")

    def delete(
        self,
        tenant: str,
        name: str,
        force: bool = False,
        precondition: Callable[[Model], None] | None = None,
    ) -> None:
        with self._locks.hold(tenant, "model", name):
            group = self._group(tenant, name)
            if precondition is not None:
                precondition(self._model(group))
            deployed = sorted(
                {
                    endpoint
                    for (model, _), endpoints in self._deployments(tenant).items()
                    if model == name
                    for endpoint in endpoints
                }
            )
            if deployed:
                raise Conflict(
                    code="MODEL_IN_USE",
                    detail=f"Model '{name}' has versions deployed to endpoints "
                    f"{', '.join(deployed)}; delete or update those endpoints first.",
                )
            packages = self._registry.list_packages(group.physical)
            if packages and not force:
                raise Conflict(
                    code="MODEL_HAS_VERSIONS",
                    detail=f"Model '{name}' has {len(packages)} version(s); delete them first "
                    "or pass force=true to delete them with the model.",
                )
            # Repeats of deletes whose replies were lost find them gone: that is the answer.
            for package in packages:
                with suppress(NotFound):
                    self._registry.delete_package(package.arn)
            with suppress(NotFound):
                self._registry.delete_group(group.physical, not_found_code="MODEL_NOT_FOUND")

    def _made_by(self, tenant: str, name: str, record: GroupRecord, mark: str) -> bool:
        group = self._group_of(tenant, name, record)
        return group is not None and group.doc.get(_MADE_BY) == mark

    def _restore_tags(self, group: _Group, keys: list[str]) -> None:
        """Put back user tags removed by an update that then failed (nothing half-made)."""
        try:
            self._registry.add_tags(group.arn, {key: group.tags[key] for key in keys})
        except ApiError as error:
            log.error("model %s: could not restore tags %s: %s", group.name, keys, error)

    # Reading ----------------------------------------------------------------------------

    def _group(self, tenant: str, name: str, cached: bool = False) -> _Group:
        """``cached`` (reads only) reuses the group's tags; changes always read afresh."""
        if not naming.is_api_name(name):
            raise fields.model_not_found(name)
        record = self._registry.find_group(naming.physical_name(tenant, name))
        if record is None:
            raise fields.model_not_found(name)
        group = self._group_of(tenant, name, record, cached)
        if group is None:
            raise fields.model_not_found(name)
        return group

    def _listed_group(
        self, tenant: str, name: str, record: GroupRecord, cached: bool = False
    ) -> _Group | None:
        try:
            return self._group_of(tenant, name, record, cached)
        except NotFound:
            return None  # deleted while we were listing

    def _group_of(
        self, tenant: str, name: str, record: GroupRecord, cached: bool = False
    ) -> _Group | None:
        """The model behind a group; None unless this tenant's service made it."""
        tags = self._registry.tags(record.arn, not_found_code="MODEL_NOT_FOUND", cached=cached)
        if tags.get(naming.TAG_TENANT) != tenant or tags.get(naming.TAG_MANAGED_BY) != (
            naming.MANAGED_BY
        ):
            return None
        try:
            doc = codec.decode_readable(tags)
        except codec.CorruptDocument as exc:
            raise BadGateway(
                code="MODEL_UNREADABLE",
                detail=f"The stored fields of model '{name}' do not decode; "
                "were its tags changed outside this service?",
            ) from exc
        return _Group(
            name=name,
            physical=record.name,
            arn=record.arn,
            created_at=rfc3339(record.created_at),
            doc=doc,
            tags=tags,
        )

    def _model(self, group: _Group, cached: bool = False) -> Model:
        versions = [
            package.version
            for package in self._registry.list_packages(group.physical, cached=cached)
            if package.version is not None
        ]
        return Model(
            name=group.name,
            description=group.doc.get("description"),
            task=group.doc.get("task"),
            owner=group.doc.get("owner"),
            metadata=dict(group.doc.get("metadata") or {}),
            tags=naming.user_tag_map(group.tags),
            latest_version=max(versions) if versions else None,
            version_count=len(versions),
            created_at=group.created_at,
            updated_at=_not_before(group.doc.get("updated_at"), group.created_at),
        )

    # Writing ----------------------------------------------------------------------------

    def _checked_doc(
        self, *, description: object, task: object, owner: object, metadata: object
    ) -> dict[str, Any]:
        """The stored document for these fields, after every check."""
        doc: dict[str, Any] = {
            "description": fields.optional_text(description, "description"),
            "task": fields.optional_text(task, "task", 64, TASK_PATTERN),
            "owner": fields.optional_text(owner, "owner", MAX_OWNER),
            "metadata": fields.string_map(metadata, "metadata"),
            "updated_at": fields.now(),
        }
        missing = [key for key in self._mandatory if not (doc["metadata"].get(key) or "").strip()]
        if missing:
            raise Unprocessable(
                code="MISSING_METADATA",
                detail="This server requires metadata keys that are missing or empty: "
                + ", ".join(missing)
                + ".",
                errors=[
                    FieldError(f"metadata.{key}", "required by this server") for key in missing
                ],
            )
        return {key: value for key, value in doc.items() if value is not None}

    def _tag_entries(
        self, tenant: str, name: str, doc: Mapping[str, Any], tags: Mapping[str, str]
    ) -> dict[str, str]:
        """Every tag the group should carry; 422 when AWS's 50 tags cannot hold them."""
        managed = naming.managed_tag_map(tenant, name)
        encoded = codec.encode_readable(doc, room=AWS_MAX_TAGS - len(managed) - len(tags))
        total = len(managed) + len(encoded) + len(tags)
        if total > AWS_MAX_TAGS:
            raise Unprocessable(
                code="TOO_MANY_TAGS",
                detail=f"AWS allows {AWS_MAX_TAGS} tags per model; this one would need "
                f"{total} ({len(tags)} user tags, {len(encoded)} for description, task, "
                f"owner and metadata, {len(managed)} for the service). Shorten the text "
                "or use fewer tags.",
            )
        return {**tags, **encoded, **managed}


def _not_before(updated_at: str | None, created_at: str) -> str:
    """The document's time is taken before AWS stamps the group's CreationTime (and the
    two clocks differ): a model is never updated before it was created. Both are
    ``rfc3339`` texts, which order as the times do."""
    return max(updated_at or created_at, created_at)


def _exists(name: str) -> Conflict:
    return Conflict(code=_EXISTS_CODE, detail=f"A model named '{name}' already exists.")


def _merge_map(current: Mapping[str, str], patch: object) -> object:
    """JSON merge patch of a string map (null removes a key; null for the map clears it)."""
    if patch is None:
        return {}
    if not isinstance(patch, Mapping):
        return patch  # the checks that follow say what is wrong with it
    merged: dict[str, object] = dict(current)
    for key, value in patch.items():
        if value is None:
            merged.pop(key, None)
        else:
            merged[key] = value
    return merged


def _merged(doc: Mapping[str, Any], patch: ModelPatch) -> dict[str, object]:
    """The stored fields with ``patch`` applied, not yet checked."""
    metadata: Mapping[str, str] = doc.get("metadata") or {}
    return {
        "description": _patched(doc.get("description"), patch.description),
        "task": _patched(doc.get("task"), patch.task),
        "owner": _patched(doc.get("owner"), patch.owner),
        "metadata": metadata if patch.metadata is ABSENT else _merge_map(metadata, patch.metadata),
    }


def _patched(current: object, change: object) -> object:
    return current if change is ABSENT else change
