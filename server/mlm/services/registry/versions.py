"""Model versions: versioned SageMaker model packages in the model's package group.

Container and artifact live in the package's InferenceSpecification (immutable, as in
AWS). Everything else is in its CustomerMetadataProperties: a document encoded by
``registry_codec`` (description, metadata, framework, series, source, requirements,
approval note) plus ``mlm:approved-by`` / ``mlm:approved-at``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from typing import Any, Protocol

from mlm import naming
from mlm.aws.sagemaker_registry import (
    Artifact,
    GroupRecord,
    NewPackage,
    PackageRecord,
    SageMakerRegistry,
    package_arn,
)
from mlm.errors import BadGateway, Conflict, NotFound, Unprocessable
from mlm.pagination import DEFAULT_PAGE_SIZE, Page, PageTokens
from mlm.services.after_commit import read_back
from mlm.services.fan_out import parallel
from mlm.services.locking import ResourceLocks
from mlm.services.registry import codec, fields
from mlm.services.registry.models import Deployments
from mlm.services.registry.requests import (
    ABSENT,
    APPROVALS,
    NewVersion,
    VersionDraft,
    VersionPatch,
    parse_draft,
    parse_patch,
)
from mlm.timestamps import rfc3339

# Registering a version takes well under a second: a concurrent one waits this long.
_VERSION_WAIT_SECONDS = 5.0
APPROVED_BY = "mlm:approved-by"
APPROVED_AT = "mlm:approved-at"
PACKAGING_JOB_ID = "mlm:packaging-job-id"
AWS_MAX_METADATA = 50


class InstanceRecommender(Protocol):
    def recommend(
        self, gpu_memory_gib: float | None, gpu_count: int | None = None, limit: int = 5
    ) -> list[str]: ...


@dataclass(frozen=True)
class ModelVersion:
    model_name: str
    version: int
    status: str
    approval_status: str
    approval_note: str | None
    approved_by: str | None
    approved_at: str | None
    description: str | None
    container: dict[str, Any]
    artifact: dict[str, str] | None
    framework: str | None
    series: str | None
    source: dict[str, Any] | None
    metadata: dict[str, str]
    requirements: dict[str, Any] | None
    recommended_instance_types: list[str]
    packaging_job_id: str | None
    deployed_to: list[str]
    created_at: str
    updated_at: str | None

    def to_api(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DeployableVersion:
    """What the endpoints service needs to deploy a version."""

    model_name: str
    version: int
    model_package_arn: str
    approval_status: str
    image: str
    environment: dict[str, str]


class ModelVersionService:
    def __init__(
        self,
        registry: SageMakerRegistry,
        page_tokens: PageTokens,
        catalog: InstanceRecommender,
        deployments: Deployments,
        locks: ResourceLocks,
        require_approved_for_deployment: bool = False,
        shown_deployments: Deployments | None = None,
    ) -> None:
        """``deployments`` reads AWS (the in-use check before a delete); views show
        ``shown_deployments`` (the fleet index: no walk over the tenant's endpoints)."""
        self._locks = locks
        self._registry = registry
        self._tokens = page_tokens
        self._catalog = catalog
        self._deployments = deployments
        self._shown_deployments = shown_deployments or deployments
        self._require_approved = require_approved_for_deployment

    # Operations -------------------------------------------------------------------------

    def create(
        self,
        tenant: str,
        model_name: str,
        request: NewVersion,
        actor: str,
        packaging_job_id: str | None = None,
        request_key: str | None = None,
    ) -> ModelVersion:
        """Register a version; ``actor`` is recorded as approver unless it is pending.
        ``packaging_job_id`` names the packaging job that built it (set by registration);
        ``request_key`` (an Idempotency-Key, or the job id) makes the version's
        ClientToken, so a retry of the same request gets the same version, never a second."""
        draft = parse_draft(request)
        token_of = request_key or (None if packaging_job_id is None else f"job:{packaging_job_id}")
        client_token = (
            uuid.uuid4().hex
            if token_of is None
            else naming.content_hash(f"{tenant}\n{model_name}\n{token_of}", 32)
        )
        with self._locks.hold(tenant, "model", model_name, wait_seconds=_VERSION_WAIT_SECONDS):
            group = self._group(tenant, model_name)
            recommended = self._recommend(draft)
            job = (
                {}
                if packaging_job_id is None
                else {PACKAGING_JOB_ID: codec.encode_value(packaging_job_id)}
            )
            properties = self._properties(draft.doc, draft.approval_status, actor, job)
            version = self._registry.create_package(  # the commit point
                group,
                NewPackage(
                    image=draft.image,
                    environment=draft.environment,
                    artifact=None
                    if draft.artifact is None
                    else Artifact(uri=draft.artifact.uri, format=draft.artifact.format),
                    recommended_instance_types=recommended,
                    approval=draft.approval_status,
                    metadata=properties,
                    tags=naming.managed_tag_map(tenant, model_name),
                    client_token=client_token,
                ),
            )
        arn = package_arn(group.arn, version)

        def known() -> tuple[PackageRecord, list[str]]:
            now = datetime.now(UTC)
            written = PackageRecord(
                arn=arn,
                group=group.name,
                version=version,
                status="pending",  # AWS's first status; a GET shows the current one
                approval=draft.approval_status,
                metadata=properties,
                image=draft.image,
                environment=dict(draft.environment),
                artifact=None
                if draft.artifact is None
                else Artifact(uri=draft.artifact.uri, format=draft.artifact.format),
                recommended_instance_types=recommended,
                created_at=now,
                updated_at=now,
            )
            return written, []

        return self._read_after_change(tenant, model_name, arn, version, known)

    def get(self, tenant: str, model_name: str, version: int) -> ModelVersion:
        # One AWS call (DescribeModelPackage) in the steady state: the group check reuses
        # the read cache and ``deployed_to`` comes from the fleet index.
        arn = package_arn(self._group(tenant, model_name, cached=True).arn, version)
        return self._version(tenant, model_name, self._package(arn, version))

    def list_versions(
        self,
        tenant: str,
        model_name: str,
        *,
        approval_status: str | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        page_token: str | None = None,
    ) -> Page[ModelVersion]:
        query: dict[str, object] = {
            "op": "list_model_versions",
            "tenant": tenant,
            "model": model_name,
            "approval_status": approval_status,
        }
        if approval_status is not None and approval_status not in APPROVALS:
            raise fields.invalid("approval_status", "must be pending, approved or rejected")
        self._group(tenant, model_name, cached=True)
        versioned = [
            (s.version, s.arn)
            for s in self._registry.list_packages(
                naming.physical_name(tenant, model_name), approval_status
            )
            if s.version is not None
        ]
        page = self._tokens.paginate(
            versioned, lambda v: f"{v[0]:010d}", page_size, page_token, query
        )
        deployments = self._shown_deployments(tenant)
        # A version deleted while we were listing is left out rather than failing the page.
        packages = parallel(lambda v: self._registry.find_package(v[1]), page.items)
        items = [self._version(tenant, model_name, p, deployments) for p in packages if p]
        return Page(items, page.next_page_token)

    def update(
        self,
        tenant: str,
        model_name: str,
        version: int,
        patch: VersionPatch,
        actor: str,
        precondition: Callable[[ModelVersion], None] | None = None,
    ) -> ModelVersion:
        """Approval (+ note), description and metadata (merge patch); the rest is
        immutable. ``precondition`` sees the current version first (If-Match), under the
        model's lease."""
        with self._locks.hold(tenant, "model", model_name, wait_seconds=_VERSION_WAIT_SECONDS):
            return self._update(tenant, model_name, version, patch, actor, precondition)

    def _update(
        self,
        tenant: str,
        model_name: str,
        version: int,
        patch: VersionPatch,
        actor: str,
        precondition: Callable[[ModelVersion], None] | None,
    ) -> ModelVersion:
        arn = package_arn(self._group(tenant, model_name).arn, version)
        package = self._package(arn, version)
        current = self._version(tenant, model_name, package)
        if precondition is not None:
            precondition(current)
        changes = parse_patch(patch)
        doc = dict(_doc_of(package))
        approval = current.approval_status
        if changes.description is not ABSENT:
            doc["description"] = changes.description
        if changes.metadata is not ABSENT:
            merged = dict(current.metadata)
            for key, value in changes.metadata.items():
                if value is None:
                    merged.pop(key, None)
                else:
                    merged[key] = value
            doc["metadata"] = fields.string_map(merged, "metadata")
        approving = changes.decides_approval
        if approving:
            if changes.approval_status is not ABSENT:
                approval = changes.approval_status
            note = changes.approval_note
            # A decision without a note drops the note of the one before.
            doc["approval_note"] = None if note is ABSENT else note
        doc = {key: value for key, value in doc.items() if value not in (None, {}, "")}
        old = package.metadata
        properties = self._properties(doc, approval, actor if approving else None, old)
        remove = [key for key in old if key not in properties]
        self._registry.update_package(arn, approval, properties, remove)  # the commit point
        written = replace(
            package, approval=approval, metadata=properties, updated_at=datetime.now(UTC)
        )
        return self._read_after_change(
            tenant, model_name, arn, version, lambda: (written, current.deployed_to)
        )

    def delete(
        self,
        tenant: str,
        model_name: str,
        version: int,
        precondition: Callable[[ModelVersion], None] | None = None,
    ) -> None:
        with self._locks.hold(tenant, "model", model_name, wait_seconds=_VERSION_WAIT_SECONDS):
            arn = package_arn(self._group(tenant, model_name).arn, version)
            current = self._version(
                tenant, model_name, self._package(arn, version), self._deployments(tenant)
            )
            if precondition is not None:
                precondition(current)
            if current.deployed_to:
                raise Conflict(
                    code="VERSION_IN_USE",
                    detail=f"Version {version} of '{model_name}' is deployed to "
                    f"{', '.join(current.deployed_to)}; update or delete those endpoints first.",
                )
            # A repeat of a delete whose reply was lost finds it gone: that is the answer.
            with suppress(NotFound):
                self._registry.delete_package(arn, not_found_code="VERSION_NOT_FOUND")

    # For the endpoints service ------------------------------------------------------------

    def get_deployable(self, tenant: str, model_name: str, version: int) -> DeployableVersion:
        arn = package_arn(self._group(tenant, model_name).arn, version)
        package = self._package(arn, version)
        approval = package.approval
        if self._require_approved and approval != "approved":
            raise Conflict(
                code="VERSION_NOT_APPROVED",
                detail=f"Version {version} of '{model_name}' is {approval}; this server "
                "deploys approved versions only (an admin can approve it).",
            )
        return DeployableVersion(
            model_name=model_name,
            version=version,
            model_package_arn=package.arn,
            approval_status=approval,
            image=package.image,
            environment=dict(package.environment),
        )

    # Internals ----------------------------------------------------------------------------

    def _read_after_change(
        self,
        tenant: str,
        model_name: str,
        arn: str,
        version: int,
        known: Callable[[], tuple[PackageRecord, list[str]]],
    ) -> ModelVersion:
        """The version after a committed change (``after_commit``); ``known``: the
        package as written, and where the version is deployed."""

        def as_written() -> ModelVersion:
            package, deployed = known()
            return self._version(tenant, model_name, package, {(model_name, version): deployed})

        return read_back(
            lambda: self._version(tenant, model_name, self._package(arn, version)),
            as_written,
            f"version {version} of {model_name}",
        )

    def _group(self, tenant: str, model_name: str, cached: bool = False) -> GroupRecord:
        """``cached`` (reads only): the group and its tags may come from the read cache."""
        if not naming.is_api_name(model_name):
            raise fields.model_not_found(model_name)
        group = self._registry.find_group(naming.physical_name(tenant, model_name), cached)
        if group is None:
            raise fields.model_not_found(model_name)
        tags = self._registry.tags(group.arn, not_found_code="MODEL_NOT_FOUND", cached=cached)
        if tags.get(naming.TAG_TENANT) != tenant:
            raise fields.model_not_found(model_name)
        return group

    def _package(self, arn: str, version: int) -> PackageRecord:
        package = self._registry.find_package(arn)
        if package is None:
            raise NotFound(
                code="VERSION_NOT_FOUND", detail=f"There is no version {version} of this model."
            )
        return package

    def _recommend(self, draft: VersionDraft) -> list[str]:
        requirements = draft.doc.get("requirements")
        if not requirements:
            return []
        return self._catalog.recommend(
            gpu_memory_gib=requirements.get("gpu_memory_gib"),
            gpu_count=requirements.get("gpu_count"),
            limit=5,
        )

    def _properties(
        self, doc: Mapping[str, Any], approval: str, actor: str | None, old: Mapping[str, str]
    ) -> dict[str, str]:
        """The CustomerMetadataProperties for ``doc``; approver recorded when ``actor``."""
        properties = {
            key: value for key, value in old.items() if not key.startswith(codec.DOC_PREFIX + ":")
        }
        properties.update(codec.encode_doc(doc))
        if actor is not None and approval != "pending":
            properties[APPROVED_BY] = codec.encode_value(actor)
            properties[APPROVED_AT] = fields.now()
        elif actor is not None:
            # Back to pending: nobody has approved or rejected this version now.
            properties.pop(APPROVED_BY, None)
            properties.pop(APPROVED_AT, None)
        if len(properties) > AWS_MAX_METADATA:
            raise Unprocessable(
                code="METADATA_TOO_LARGE",
                detail=f"AWS keeps at most {AWS_MAX_METADATA} properties per version; the "
                f"description, metadata and other fields would need {len(properties)}. "
                "Shorten them.",
            )
        return properties

    def _version(
        self,
        tenant: str,
        model_name: str,
        package: PackageRecord,
        deployments: Mapping[tuple[str, int], list[str]] | None = None,
    ) -> ModelVersion:
        version = package.version
        if deployments is None:
            deployments = self._shown_deployments(tenant)
        properties = package.metadata
        doc = _doc_of(package)
        approved_by = properties.get(APPROVED_BY)
        job = properties.get(PACKAGING_JOB_ID)
        artifact = package.artifact
        return ModelVersion(
            model_name=model_name,
            version=version,
            status=package.status,
            approval_status=package.approval,
            approval_note=doc.get("approval_note"),
            approved_by=None if approved_by is None else codec.decode_value(approved_by),
            approved_at=properties.get(APPROVED_AT),
            description=doc.get("description"),
            container={"image": package.image, "environment": dict(package.environment)},
            artifact=None if artifact is None else {"uri": artifact.uri, "format": artifact.format},
            framework=doc.get("framework"),
            series=doc.get("series"),
            source=doc.get("source"),
            metadata=dict(doc.get("metadata") or {}),
            requirements=doc.get("requirements"),
            recommended_instance_types=list(package.recommended_instance_types),
            packaging_job_id=None if job is None else codec.decode_value(job),
            deployed_to=sorted(deployments.get((model_name, version), [])),
            created_at=rfc3339(package.created_at),
            updated_at=None if package.updated_at is None else rfc3339(package.updated_at),
        )


def _doc_of(package: PackageRecord) -> dict[str, Any]:
    try:
        return codec.decode_doc(package.metadata)
    except codec.CorruptDocument as exc:
        raise BadGateway(
            code="VERSION_UNREADABLE",
            detail="The stored fields of this version do not decode; were its metadata "
            "properties changed outside this service?",
        ) from exc
