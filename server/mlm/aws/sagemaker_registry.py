"""SageMaker model registry: model package groups and their versioned model packages.

Thin: each method is one AWS operation (paginated ones fully read), errors translated by
``aws_errors()``. It takes typed input and returns small records, so the registry
services never build or read AWS shapes; approval and status are in the API's spelling
here already. Missing resources are ``None`` from ``find_*`` and ``NotFound`` elsewhere.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from mlm.aws.errors import aws_errors, describe_or_none
from mlm.aws.read_cache import ReadCache
from mlm.errors import BadGateway, Conflict

if TYPE_CHECKING:
    from mypy_boto3_sagemaker import SageMakerClient

# ListTags and the List* calls accept at most 100 results per page.
_PAGE = 100

_APPROVAL_TO_AWS = {
    "pending": "PendingManualApproval",
    "approved": "Approved",
    "rejected": "Rejected",
}
_APPROVAL_FROM_AWS = {aws: api for api, aws in _APPROVAL_TO_AWS.items()}
_STATUS_FROM_AWS = {
    "Pending": "pending",
    "InProgress": "in_progress",
    "Completed": "completed",
    "Failed": "failed",
    "Deleting": "deleting",
}


@dataclass(frozen=True)
class GroupRecord:
    """A model package group, as both DescribeModelPackageGroup and the listing report it."""

    name: str
    arn: str
    created_at: datetime


@dataclass(frozen=True)
class Artifact:
    """Where a package's model data is: ``s3_prefix`` is every object under ``uri``,
    uncompressed; ``tar_gz`` is the one object ``uri``, a gzipped tar."""

    uri: str
    format: str


@dataclass(frozen=True)
class PackageRecord:
    """A model package (a version of a group's model)."""

    arn: str
    group: str
    version: int
    status: str  # pending | in_progress | completed | failed | deleting
    approval: str  # pending | approved | rejected
    metadata: dict[str, str]  # CustomerMetadataProperties
    image: str
    environment: dict[str, str]
    artifact: Artifact | None
    recommended_instance_types: list[str]
    created_at: datetime
    updated_at: datetime | None


@dataclass(frozen=True)
class PackageSummary:
    arn: str
    version: int | None  # None only for an unversioned package, which a group never holds
    approval: str  # pending | approved | rejected


@dataclass(frozen=True)
class NewPackage:
    """A version to register: one serving container, and what the service keeps with it."""

    image: str
    environment: Mapping[str, str]
    artifact: Artifact | None
    recommended_instance_types: Sequence[str]
    approval: str  # pending | approved | rejected
    metadata: Mapping[str, str]  # CustomerMetadataProperties
    tags: Mapping[str, str]
    # AWS answers a repeat of a CreateModelPackage with the same token with the version it
    # made the first time: botocore's retries and MLM's own never make a second version.
    client_token: str


class SageMakerRegistry:
    def __init__(
        self,
        client: SageMakerClient,
        read_cache_seconds: float = 0.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """``read_cache_seconds``: how long a read asked for with ``cached=True`` may be
        reused (the API's GETs ask so; every change reads afresh). What MLM writes
        through this adapter is forgotten at once, so this replica reads its own writes;
        another replica's or an outside change shows within the TTL."""
        self._sm = client
        self._groups: ReadCache[str, GroupRecord] = ReadCache(read_cache_seconds, clock=clock)
        self._tags: ReadCache[str, dict[str, str]] = ReadCache(read_cache_seconds, clock=clock)
        self._packages: ReadCache[tuple[str, str | None], list[PackageSummary]] = ReadCache(
            read_cache_seconds, clock=clock
        )

    # Groups -----------------------------------------------------------------------------

    def create_group(
        self, name: str, tags: Mapping[str, str], exists_code: str = "ALREADY_EXISTS"
    ) -> str:
        """Create a group, return its ARN; Conflict(``exists_code``) when one of that name
        exists."""
        exists = Conflict(code=exists_code, detail=f"'{name}' already exists.")
        with aws_errors(exists=exists):
            response = self._sm.create_model_package_group(
                ModelPackageGroupName=name,
                Tags=_aws_tags(tags),  # type: ignore[arg-type]
            )
        self._forget_group(name)
        return response["ModelPackageGroupArn"]

    def find_group(self, name: str, cached: bool = False) -> GroupRecord | None:
        """The group of that name, or None when there is none."""
        if cached and (hit := self._groups.get(name)) is not None:
            return hit
        response = describe_or_none(
            lambda: self._sm.describe_model_package_group(ModelPackageGroupName=name)
        )
        if response is None:
            return None
        group = _group(response)
        self._groups.put(name, group)
        return group

    def list_groups(self, name_contains: str) -> list[GroupRecord]:
        with aws_errors():
            paginator = self._sm.get_paginator("list_model_package_groups")
            return [
                _group(summary)
                for page in paginator.paginate(
                    NameContains=name_contains, PaginationConfig={"PageSize": _PAGE}
                )
                for summary in page.get("ModelPackageGroupSummaryList", [])
            ]

    def delete_group(self, name: str, not_found_code: str = "AWS_RESOURCE_NOT_FOUND") -> None:
        self._forget_group(name)
        try:
            with aws_errors(not_found_code):
                self._sm.delete_model_package_group(ModelPackageGroupName=name)
        finally:
            self._forget_group(name)

    def _forget_group(self, name: str) -> None:
        self._groups.forget(name)
        self._packages.forget_where(lambda key: key[0].lower() == name.lower())
        self._tags.forget_where(lambda arn: arn.lower().endswith(f"/{name.lower()}"))

    # Tags -------------------------------------------------------------------------------

    def tags(
        self, arn: str, not_found_code: str = "AWS_RESOURCE_NOT_FOUND", cached: bool = False
    ) -> dict[str, str]:
        if cached and (hit := self._tags.get(arn)) is not None:
            return dict(hit)
        with aws_errors(not_found_code):
            paginator = self._sm.get_paginator("list_tags")
            tags = {
                tag["Key"]: tag["Value"]
                for page in paginator.paginate(
                    ResourceArn=arn, PaginationConfig={"PageSize": _PAGE}
                )
                for tag in page.get("Tags", [])
            }
        self._tags.put(arn, dict(tags))
        return tags

    def add_tags(self, arn: str, tags: Mapping[str, str]) -> None:
        if not tags:
            return
        self._tags.forget(arn)
        try:
            with aws_errors():
                self._sm.add_tags(ResourceArn=arn, Tags=_aws_tags(tags))  # type: ignore[arg-type]
        finally:
            self._tags.forget(arn)  # also when the reply was lost: AWS may have done it

    def delete_tags(self, arn: str, keys: list[str]) -> None:
        if not keys:
            return
        self._tags.forget(arn)
        try:
            with aws_errors():
                self._sm.delete_tags(ResourceArn=arn, TagKeys=keys)
        finally:
            self._tags.forget(arn)

    # Packages (versions) ----------------------------------------------------------------

    def create_package(self, group: GroupRecord, package: NewPackage) -> int:
        """Register the next version of ``group``; its version number.

        BadGateway when AWS answers with an ARN that is not a version of this group: every
        later call addresses the version by the ARN ``package_arn`` derives."""
        self._forget_packages(group.name)
        try:
            with aws_errors():
                response = self._sm.create_model_package(
                    ModelPackageGroupName=group.name,
                    InferenceSpecification=_inference_specification(package),  # type: ignore[arg-type]
                    ModelApprovalStatus=_APPROVAL_TO_AWS[package.approval],  # type: ignore[arg-type]
                    CustomerMetadataProperties=dict(package.metadata),
                    Tags=_aws_tags(package.tags),  # type: ignore[arg-type]
                    ClientToken=package.client_token,
                )
        finally:
            self._forget_packages(group.name)  # also when the reply was lost
        arn = response["ModelPackageArn"]
        parsed = parse_package_arn(arn)
        if parsed is None or package_arn(group.arn, parsed[1]) != arn:
            raise BadGateway(
                code="AWS_UNEXPECTED_ANSWER",
                detail="SageMaker answered CreateModelPackage with an ARN of an unexpected form.",
            )
        return parsed[1]

    def find_package(self, arn: str) -> PackageRecord | None:
        """The package of that ARN, or None when there is none."""
        response = describe_or_none(lambda: self._sm.describe_model_package(ModelPackageName=arn))
        return None if response is None else _package(response)

    def list_packages(
        self, group: str, approval: str | None = None, cached: bool = False
    ) -> list[PackageSummary]:
        """Every package of the group ``group`` (by name), or those of one approval."""
        if cached and (hit := self._packages.get((group, approval))) is not None:
            return list(hit)
        args: dict[str, Any] = {"ModelPackageGroupName": group}
        if approval is not None:
            args["ModelApprovalStatus"] = _APPROVAL_TO_AWS[approval]
        with aws_errors():
            paginator = self._sm.get_paginator("list_model_packages")
            summaries = [
                _summary(summary)
                for page in paginator.paginate(**args, PaginationConfig={"PageSize": _PAGE})
                for summary in page.get("ModelPackageSummaryList", [])
            ]
        self._packages.put((group, approval), list(summaries))
        return summaries

    def _forget_packages(self, group: str) -> None:
        self._packages.forget_where(lambda key: key[0].lower() == group.lower())

    def _forget_package_arn(self, arn: str) -> None:
        parsed = parse_package_arn(arn)
        if parsed is not None:
            self._forget_packages(parsed[0])

    def update_package(
        self,
        arn: str,
        approval: str,
        customer_metadata: Mapping[str, str],
        remove_keys: list[str],
    ) -> None:
        """Set approval and metadata. Both are always sent in full: AWS merges the
        metadata map, and sending the whole desired map gives the same result whether a
        backend merges or replaces it (moto replaces)."""
        args: dict[str, Any] = {
            "ModelPackageArn": arn,
            "ModelApprovalStatus": _APPROVAL_TO_AWS[approval],
            "CustomerMetadataProperties": dict(customer_metadata),
        }
        if remove_keys:
            args["CustomerMetadataPropertiesToRemove"] = remove_keys
        self._forget_package_arn(arn)
        try:
            with aws_errors():
                self._sm.update_model_package(**args)
        finally:
            self._forget_package_arn(arn)

    def delete_package(self, arn: str, not_found_code: str = "AWS_RESOURCE_NOT_FOUND") -> None:
        self._forget_package_arn(arn)
        try:
            with aws_errors(not_found_code):
                self._sm.delete_model_package(ModelPackageName=arn)
        finally:
            self._forget_package_arn(arn)


def package_arn(group_arn: str, version: int) -> str:
    """The ARN of version ``version`` in the group ``group_arn`` (same region, account)."""
    head, _, group = group_arn.partition(":model-package-group/")
    return f"{head}:model-package/{group.lower()}/{version}"


_PACKAGE_ARN = re.compile(
    r"^arn:aws[a-z-]*:sagemaker:[a-z0-9-]+:\d{12}:model-package/(?P<group>[^/]+)/(?P<v>\d+)$"
)


def parse_package_arn(arn: str) -> tuple[str, int] | None:
    """``(group name, version)`` of a versioned model package ARN, None for another ARN.

    ARNs spell the group in lower case, as SageMaker does (and MLM's names are)."""
    match = _PACKAGE_ARN.match(arn)
    return None if match is None else (match["group"], int(match["v"]))


# AWS shapes ----------------------------------------------------------------------------


def _aws_tags(tags: Mapping[str, str]) -> list[dict[str, str]]:
    return [{"Key": key, "Value": value} for key, value in sorted(tags.items())]


def _approval(aws: object) -> str:
    # A status this service does not know (AWS may add some) reads as not yet decided.
    return _APPROVAL_FROM_AWS.get(str(aws), "pending")


def _group(described: Mapping[str, Any]) -> GroupRecord:
    return GroupRecord(
        name=described["ModelPackageGroupName"],
        arn=described["ModelPackageGroupArn"],
        created_at=described["CreationTime"],
    )


def _summary(listed: Mapping[str, Any]) -> PackageSummary:
    version = listed.get("ModelPackageVersion")
    return PackageSummary(
        arn=listed["ModelPackageArn"],
        version=None if version is None else int(version),
        approval=_approval(listed.get("ModelApprovalStatus")),
    )


def _package(described: Mapping[str, Any]) -> PackageRecord:
    spec: Mapping[str, Any] = described.get("InferenceSpecification") or {}
    containers: Sequence[Mapping[str, Any]] = spec.get("Containers") or [{}]
    container = containers[0]
    return PackageRecord(
        arn=described["ModelPackageArn"],
        group=described.get("ModelPackageGroupName", ""),
        version=int(described["ModelPackageVersion"]),
        status=_STATUS_FROM_AWS.get(str(described.get("ModelPackageStatus")), "pending"),
        approval=_approval(described.get("ModelApprovalStatus")),
        metadata=dict(described.get("CustomerMetadataProperties") or {}),
        image=container.get("Image", ""),
        environment=dict(container.get("Environment") or {}),
        artifact=_artifact(container),
        recommended_instance_types=list(spec.get("SupportedRealtimeInferenceInstanceTypes") or []),
        created_at=described["CreationTime"],
        updated_at=described.get("LastModifiedTime"),
    )


def _artifact(container: Mapping[str, Any]) -> Artifact | None:
    source = (container.get("ModelDataSource") or {}).get("S3DataSource")
    if source:
        return Artifact(uri=source["S3Uri"], format="s3_prefix")
    if container.get("ModelDataUrl"):
        return Artifact(uri=container["ModelDataUrl"], format="tar_gz")
    return None


def _inference_specification(package: NewPackage) -> dict[str, Any]:
    container: dict[str, Any] = {"Image": package.image}
    if package.environment:
        container["Environment"] = dict(package.environment)
    artifact = package.artifact
    if artifact is not None and artifact.format == "s3_prefix":
        container["ModelDataSource"] = {
            "S3DataSource": {
                "S3Uri": artifact.uri,
                "S3DataType": "S3Prefix",
                "CompressionType": "None",
            }
        }
    elif artifact is not None:
        container["ModelDataUrl"] = artifact.uri
    spec: dict[str, Any] = {"Containers": [container]}
    if package.recommended_instance_types:
        spec["SupportedRealtimeInferenceInstanceTypes"] = list(package.recommended_instance_types)
    return spec
