"""AddTags / ListTags / DeleteTags on model package groups, packages and endpoints."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from tests.emulator.conftest import IMAGE, Hosting

SPEC = {"Containers": [{"Image": IMAGE}]}


def _package_arn(sm: Any, prefix: str) -> str:
    sm.create_model_package_group(ModelPackageGroupName=prefix)
    arn: str = sm.create_model_package(ModelPackageGroupName=prefix, InferenceSpecification=SPEC)[
        "ModelPackageArn"
    ]
    return arn


def test_model_package_tags_can_be_added_listed_and_deleted(sm: Any, prefix: str) -> None:
    arn = _package_arn(sm, prefix)
    sm.add_tags(ResourceArn=arn, Tags=[{"Key": "team", "Value": "nlp"}, {"Key": "x", "Value": "1"}])
    sm.delete_tags(ResourceArn=arn, TagKeys=["x"])
    assert sm.list_tags(ResourceArn=arn)["Tags"] == [{"Key": "team", "Value": "nlp"}]


def test_model_package_group_tags_set_at_creation_are_listed(sm: Any, prefix: str) -> None:
    arn = sm.create_model_package_group(
        ModelPackageGroupName=prefix, Tags=[{"Key": "mlm:tenant", "Value": "t"}]
    )["ModelPackageGroupArn"]
    assert sm.list_tags(ResourceArn=arn)["Tags"] == [{"Key": "mlm:tenant", "Value": "t"}]


def test_adding_a_tag_key_again_replaces_its_value(sm: Any, prefix: str) -> None:
    arn = sm.create_model_package_group(
        ModelPackageGroupName=prefix, Tags=[{"Key": "owner", "Value": "ana"}]
    )["ModelPackageGroupArn"]
    sm.add_tags(ResourceArn=arn, Tags=[{"Key": "owner", "Value": "ben"}])
    assert sm.list_tags(ResourceArn=arn)["Tags"] == [{"Key": "owner", "Value": "ben"}]


def test_tagging_a_missing_resource_is_a_validation_error(sm: Any, prefix: str) -> None:
    arn = f"arn:aws:sagemaker:us-east-1:123456789012:model-package-group/{prefix}"
    with pytest.raises(ClientError, match="does not exist") as excinfo:
        sm.add_tags(ResourceArn=arn, Tags=[{"Key": "a", "Value": "b"}])
    assert excinfo.value.response["Error"]["Code"] == "ValidationException"


def test_listing_tags_of_a_missing_model_package_is_a_validation_error(
    sm: Any, prefix: str
) -> None:
    arn = f"arn:aws:sagemaker:us-east-1:123456789012:model-package/{prefix}/1"
    with pytest.raises(ClientError, match="does not exist") as excinfo:
        sm.list_tags(ResourceArn=arn)
    assert excinfo.value.response["Error"]["Code"] == "ValidationException"


def test_endpoint_tags_are_listed(sm: Any, hosting: Hosting) -> None:
    name = f"{hosting.prefix}-e"
    arn = sm.create_endpoint(
        EndpointName=name,
        EndpointConfigName=hosting.config(),
        Tags=[{"Key": "mlm:name", "Value": "e"}],
    )["EndpointArn"]
    assert sm.list_tags(ResourceArn=arn)["Tags"] == [{"Key": "mlm:name", "Value": "e"}]
