"""Model registry through boto3: groups, versioned packages, approval and metadata."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.emulator.conftest import IMAGE

SPEC = {
    "Containers": [
        {
            "Image": IMAGE,
            "Environment": {"OPTION_ROLLING_BATCH": "vllm"},
            "ModelDataSource": {
                "S3DataSource": {
                    "S3Uri": "s3://bucket/models/glm/",
                    "S3DataType": "S3Prefix",
                    "CompressionType": "None",
                }
            },
        }
    ],
    "SupportedRealtimeInferenceInstanceTypes": ["ml.g5.12xlarge", "ml.g6e.xlarge"],
    "SupportedContentTypes": ["application/json"],
    "SupportedResponseMIMETypes": ["application/json"],
}


def _group(sm: Any, prefix: str) -> str:
    sm.create_model_package_group(
        ModelPackageGroupName=prefix, ModelPackageGroupDescription="a model"
    )
    return prefix


def _package(sm: Any, group: str, **extra: Any) -> str:
    arn: str = sm.create_model_package(
        ModelPackageGroupName=group, InferenceSpecification=SPEC, **extra
    )["ModelPackageArn"]
    return arn


def _error(excinfo: pytest.ExceptionInfo[ClientError]) -> str:
    return str(excinfo.value.response["Error"]["Code"])


def test_model_package_group_is_described_and_listed_by_name(sm: Any, prefix: str) -> None:
    _group(sm, prefix)
    described = sm.describe_model_package_group(ModelPackageGroupName=prefix)
    listed = sm.list_model_package_groups(NameContains=prefix)["ModelPackageGroupSummaryList"]
    assert described["ModelPackageGroupDescription"] == "a model"
    assert [g["ModelPackageGroupName"] for g in listed] == [prefix]


def test_duplicate_model_package_group_is_rejected(sm: Any, prefix: str) -> None:
    """AWS CreateModelPackageGroup with a name in use: ValidationException
    "Model Package Group already exists: <group arn>" (callers match on these words)."""
    _group(sm, prefix)
    arn = sm.describe_model_package_group(ModelPackageGroupName=prefix)["ModelPackageGroupArn"]
    with pytest.raises(ClientError) as excinfo:
        sm.create_model_package_group(ModelPackageGroupName=prefix)
    assert _error(excinfo) == "ValidationException"
    message = excinfo.value.response["Error"]["Message"]
    assert message == f"Model Package Group already exists: {arn}"


def test_empty_model_package_group_can_be_deleted(sm: Any, prefix: str) -> None:
    _group(sm, prefix)
    sm.delete_model_package_group(ModelPackageGroupName=prefix)
    with pytest.raises(ClientError, match="does not exist"):
        sm.describe_model_package_group(ModelPackageGroupName=prefix)


def test_model_package_group_with_versions_cannot_be_deleted(sm: Any, prefix: str) -> None:
    _package(sm, _group(sm, prefix))
    with pytest.raises(ClientError) as excinfo:
        sm.delete_model_package_group(ModelPackageGroupName=prefix)
    assert _error(excinfo) == "ConflictException"


def test_deleting_a_missing_model_package_group_is_a_validation_error(sm: Any, prefix: str) -> None:
    with pytest.raises(ClientError, match="does not exist") as excinfo:
        sm.delete_model_package_group(ModelPackageGroupName=prefix)
    assert _error(excinfo) == "ValidationException"


def test_model_package_keeps_its_inference_specification(sm: Any, prefix: str) -> None:
    arn = _package(
        sm,
        _group(sm, prefix),
        ModelApprovalStatus="PendingManualApproval",
        ModelPackageDescription="v1",
        CustomerMetadataProperties={"license": "apache-2.0"},
    )
    described = sm.describe_model_package(ModelPackageName=arn)
    assert described["ModelPackageVersion"] == 1
    assert described["InferenceSpecification"] == SPEC
    assert described["ModelApprovalStatus"] == "PendingManualApproval"
    assert described["ModelPackageDescription"] == "v1"
    assert described["CustomerMetadataProperties"] == {"license": "apache-2.0"}


def test_model_packages_are_listed_by_group_and_approval_status(sm: Any, prefix: str) -> None:
    group = _group(sm, prefix)
    _package(sm, group, ModelApprovalStatus="PendingManualApproval")
    approved = _package(sm, group, ModelApprovalStatus="Approved")
    listed = sm.list_model_packages(ModelPackageGroupName=group, ModelApprovalStatus="Approved")
    assert [p["ModelPackageArn"] for p in listed["ModelPackageSummaryList"]] == [approved]


def test_model_packages_sort_newest_first_when_asked(sm: Any, prefix: str) -> None:
    group = _group(sm, prefix)
    first, second = _package(sm, group), _package(sm, group)
    listed = sm.list_model_packages(
        ModelPackageGroupName=group, SortBy="CreationTime", SortOrder="Descending"
    )["ModelPackageSummaryList"]
    assert [p["ModelPackageArn"] for p in listed] == [second, first]


def test_approval_update_keeps_customer_metadata(sm: Any, prefix: str) -> None:
    arn = _package(sm, _group(sm, prefix), CustomerMetadataProperties={"license": "mit"})
    sm.update_model_package(
        ModelPackageArn=arn, ModelApprovalStatus="Approved", ApprovalDescription="looks good"
    )
    described = sm.describe_model_package(ModelPackageName=arn)
    assert described["ModelApprovalStatus"] == "Approved"
    assert described["ApprovalDescription"] == "looks good"
    assert described["CustomerMetadataProperties"] == {"license": "mit"}


def test_customer_metadata_update_merges_then_removes_keys(sm: Any, prefix: str) -> None:
    arn = _package(
        sm,
        _group(sm, prefix),
        ModelApprovalStatus="Approved",
        CustomerMetadataProperties={"license": "mit", "owner": "ana"},
    )
    sm.update_model_package(
        ModelPackageArn=arn,
        CustomerMetadataProperties={"task": "chat"},
        CustomerMetadataPropertiesToRemove=["owner"],
    )
    described = sm.describe_model_package(ModelPackageName=arn)
    assert described["CustomerMetadataProperties"] == {"license": "mit", "task": "chat"}
    assert described["ModelApprovalStatus"] == "Approved"


def test_model_package_can_be_deleted(sm: Any, prefix: str) -> None:
    arn = _package(sm, _group(sm, prefix))
    sm.delete_model_package(ModelPackageName=arn)
    with pytest.raises(ClientError, match="does not exist"):
        sm.describe_model_package(ModelPackageName=arn)


def test_deleted_version_number_is_never_reused(sm: Any, prefix: str) -> None:
    group = _group(sm, prefix)
    _package(sm, group)
    second = _package(sm, group)
    sm.delete_model_package(ModelPackageName=second)
    third = sm.describe_model_package(ModelPackageName=_package(sm, group))
    assert third["ModelPackageVersion"] == 3


def test_group_can_be_deleted_once_its_versions_are_gone(sm: Any, prefix: str) -> None:
    arn = _package(sm, _group(sm, prefix))
    sm.delete_model_package(ModelPackageName=arn)
    sm.delete_model_package_group(ModelPackageGroupName=prefix)
    assert sm.list_model_package_groups(NameContains=prefix)["ModelPackageGroupSummaryList"] == []


def test_a_repeated_client_token_answers_the_first_version(sm: Any, prefix: str) -> None:
    """AWS CreateModelPackage, ClientToken: "A unique token that guarantees that the call
    to this API is idempotent." A repeat (e.g. a retry after a lost reply) answers the
    first package's ARN and makes no second version."""
    group = _group(sm, prefix)
    first = _package(sm, group, ClientToken="retry-me-1")
    again = _package(sm, group, ClientToken="retry-me-1")
    listed = sm.list_model_packages(ModelPackageGroupName=group)["ModelPackageSummaryList"]
    assert again == first
    assert [p["ModelPackageArn"] for p in listed] == [first]


def test_another_client_token_makes_another_version(sm: Any, prefix: str) -> None:
    """AWS CreateModelPackage: a different ClientToken is a new call (a new version)."""
    group = _group(sm, prefix)
    first = _package(sm, group, ClientToken="token-a")
    second = _package(sm, group, ClientToken="token-b")
    assert sm.describe_model_package(ModelPackageName=second)["ModelPackageVersion"] == 2
    assert first != second


def test_botocore_fills_in_a_fresh_client_token_per_call(sm: Any, prefix: str) -> None:
    """botocore's model marks CreateModelPackage.ClientToken ``idempotencyToken``: a call
    without one gets a new UUID, so two plain calls make two versions."""
    group = _group(sm, prefix)
    _package(sm, group)
    second = _package(sm, group)
    assert sm.describe_model_package(ModelPackageName=second)["ModelPackageVersion"] == 2
