"""SageMaker model registry: model package groups and their versioned model packages.

Thin: each method is one AWS operation (paginated ones fully read), errors translated by
``aws_errors()``. Missing resources are ``None`` from ``find_*`` and ``NotFound`` elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from mlm.aws.errors import aws_errors, describe_or_none
from mlm.errors import Conflict

if TYPE_CHECKING:
    from mypy_boto3_sagemaker import SageMakerClient

# ListTags and the List* calls accept at most 100 results per page.
_PAGE = 100


class SageMakerRegistry:
    def __init__(self, client: SageMakerClient) -> None:
        self._sm = client

    # Groups -----------------------------------------------------------------------------

    def create_group(
        self, name: str, tags: list[dict[str, str]], exists_code: str = "ALREADY_EXISTS"
    ) -> str:
        """Create a group; Conflict(``exists_code``) when one of that name exists."""
        exists = Conflict(code=exists_code, detail=f"'{name}' already exists.")
        with aws_errors(exists=exists):
            response = self._sm.create_model_package_group(
                ModelPackageGroupName=name,
                Tags=tags,  # type: ignore[arg-type]
            )
        return response["ModelPackageGroupArn"]

    def find_group(self, name: str) -> dict[str, Any] | None:
        """DescribeModelPackageGroup, or None when there is no such group."""
        response = describe_or_none(
            lambda: self._sm.describe_model_package_group(ModelPackageGroupName=name)
        )
        return None if response is None else dict(response)

    def list_groups(self, name_contains: str) -> list[dict[str, Any]]:
        with aws_errors():
            paginator = self._sm.get_paginator("list_model_package_groups")
            return [
                dict(summary)
                for page in paginator.paginate(
                    NameContains=name_contains, PaginationConfig={"PageSize": _PAGE}
                )
                for summary in page.get("ModelPackageGroupSummaryList", [])
            ]

    def delete_group(self, name: str, not_found_code: str = "AWS_RESOURCE_NOT_FOUND") -> None:
        with aws_errors(not_found_code):
            self._sm.delete_model_package_group(ModelPackageGroupName=name)

    # Tags -------------------------------------------------------------------------------

    def tags(self, arn: str, not_found_code: str = "AWS_RESOURCE_NOT_FOUND") -> dict[str, str]:
        with aws_errors(not_found_code):
            paginator = self._sm.get_paginator("list_tags")
            return {
                tag["Key"]: tag["Value"]
                for page in paginator.paginate(
                    ResourceArn=arn, PaginationConfig={"PageSize": _PAGE}
                )
                for tag in page.get("Tags", [])
            }

    def add_tags(self, arn: str, tags: Mapping[str, str]) -> None:
        if not tags:
            return
        with aws_errors():
            self._sm.add_tags(
                ResourceArn=arn, Tags=[{"Key": k, "Value": v} for k, v in sorted(tags.items())]
            )

    def delete_tags(self, arn: str, keys: list[str]) -> None:
        if not keys:
            return
        with aws_errors():
            self._sm.delete_tags(ResourceArn=arn, TagKeys=keys)

    # Packages (versions) ----------------------------------------------------------------

    def create_package(
        self,
        group: str,
        inference_specification: dict[str, Any],
        approval_status: str,
        customer_metadata: Mapping[str, str],
        tags: list[dict[str, str]],
    ) -> str:
        with aws_errors():
            response = self._sm.create_model_package(
                ModelPackageGroupName=group,
                InferenceSpecification=inference_specification,  # type: ignore[arg-type]
                ModelApprovalStatus=approval_status,  # type: ignore[arg-type]
                CustomerMetadataProperties=dict(customer_metadata),
                Tags=tags,  # type: ignore[arg-type]
            )
        return response["ModelPackageArn"]

    def find_package(self, arn: str) -> dict[str, Any] | None:
        """DescribeModelPackage, or None when there is no such package."""
        response = describe_or_none(lambda: self._sm.describe_model_package(ModelPackageName=arn))
        return None if response is None else dict(response)

    def list_packages(self, group: str, approval_status: str | None = None) -> list[dict[str, Any]]:
        args: dict[str, Any] = {"ModelPackageGroupName": group}
        if approval_status is not None:
            args["ModelApprovalStatus"] = approval_status
        with aws_errors():
            paginator = self._sm.get_paginator("list_model_packages")
            return [
                dict(summary)
                for page in paginator.paginate(**args, PaginationConfig={"PageSize": _PAGE})
                for summary in page.get("ModelPackageSummaryList", [])
            ]

    def update_package(
        self,
        arn: str,
        approval_status: str,
        customer_metadata: Mapping[str, str],
        remove_keys: list[str],
    ) -> None:
        """Set approval and metadata. Both are always sent in full: AWS merges the
        metadata map, and sending the whole desired map gives the same result whether a
        backend merges or replaces it (moto replaces)."""
        args: dict[str, Any] = {
            "ModelPackageArn": arn,
            "ModelApprovalStatus": approval_status,
            "CustomerMetadataProperties": dict(customer_metadata),
        }
        if remove_keys:
            args["CustomerMetadataPropertiesToRemove"] = remove_keys
        with aws_errors():
            self._sm.update_model_package(**args)

    def delete_package(self, arn: str, not_found_code: str = "AWS_RESOURCE_NOT_FOUND") -> None:
        with aws_errors(not_found_code):
            self._sm.delete_model_package(ModelPackageName=arn)


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
