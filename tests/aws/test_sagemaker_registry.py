"""SageMakerRegistry against the emulator: typed records in, typed records out."""

from __future__ import annotations

import uuid
from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import datetime
from typing import Any

import pytest

from mlm import naming
from mlm.aws.sagemaker_registry import (
    Artifact,
    GroupRecord,
    NewPackage,
    SageMakerRegistry,
    package_arn,
    parse_package_arn,
)
from mlm.container import Container
from mlm.errors import BadGateway, Conflict, NotFound
from tests.botocore_hooks import hooked
from tests.conftest import Keys

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.33.0-lmi15.0.0-cu128"
PACKAGE = NewPackage(
    image=IMAGE,
    environment={},
    artifact=None,
    recommended_instance_types=[],
    approval="pending",
    metadata={},
    tags={},
    client_token="",
)


def new_package(**changes: Any) -> NewPackage:
    """PACKAGE with ``changes`` and a token of its own (a shared one is one version)."""
    return replace(PACKAGE, client_token=uuid.uuid4().hex, **changes)


@pytest.fixture
def sagemaker(container: Container) -> Any:
    return container.clients.sagemaker()


@pytest.fixture
def registry(sagemaker: Any) -> SageMakerRegistry:
    return SageMakerRegistry(sagemaker)


@pytest.fixture
def name(keys: Keys) -> str:
    """A group name of this test's tenant (tests share one emulator)."""
    return naming.physical_name(keys.tenant, "glm")


@pytest.fixture
def group(registry: SageMakerRegistry, name: str) -> GroupRecord:
    registry.create_group(name, {"team": "support"})
    found = registry.find_group(name)
    assert found is not None
    return found


def _answer(sagemaker: Any, operation: str, **fields: Any) -> AbstractContextManager[None]:
    """A hook that makes SageMaker's answer to ``operation`` say ``fields`` instead."""

    def bend(parsed: dict[str, Any], **_: Any) -> None:
        parsed.update(fields)

    return hooked(sagemaker, f"after-call.sagemaker.{operation}", bend)


# Groups ------------------------------------------------------------------------------------


def test_find_group_of_a_missing_group_is_none(registry: SageMakerRegistry, name: str) -> None:
    assert registry.find_group(name) is None


def test_a_created_group_is_found_with_its_name_arn_and_creation_time(
    registry: SageMakerRegistry, name: str
) -> None:
    arn = registry.create_group(name, {})
    found = registry.find_group(name)
    assert found is not None
    assert (found.name, found.arn) == (name, arn)
    assert arn.endswith(f":model-package-group/{name}")
    assert isinstance(found.created_at, datetime)


def test_creating_a_group_that_exists_is_a_conflict_with_the_given_code(
    registry: SageMakerRegistry, group: GroupRecord
) -> None:
    with pytest.raises(Conflict) as caught:
        registry.create_group(group.name, {}, exists_code="MODEL_ALREADY_EXISTS")
    assert caught.value.code == "MODEL_ALREADY_EXISTS"


def test_a_group_carries_the_tags_it_was_created_with(
    registry: SageMakerRegistry, group: GroupRecord
) -> None:
    assert registry.tags(group.arn) == {"team": "support"}


def test_list_groups_reports_the_groups_whose_name_contains_the_text(
    registry: SageMakerRegistry, keys: Keys
) -> None:
    mine = [naming.physical_name(keys.tenant, n) for n in ("a", "b")]
    arns = {registry.create_group(group_name, {}) for group_name in mine}
    registry.create_group(naming.physical_name(keys.other_tenant, "a"), {})
    listed = registry.list_groups(naming.tenant_prefix(keys.tenant))
    assert sorted(g.name for g in listed) == mine
    assert {g.arn for g in listed} == arns
    assert all(isinstance(g.created_at, datetime) for g in listed)


def test_a_deleted_group_is_no_longer_found(
    registry: SageMakerRegistry, group: GroupRecord
) -> None:
    registry.delete_group(group.name)
    assert registry.find_group(group.name) is None


def test_deleting_a_missing_group_is_not_found_with_the_given_code(
    registry: SageMakerRegistry, name: str
) -> None:
    with pytest.raises(NotFound) as caught:
        registry.delete_group(name, not_found_code="MODEL_NOT_FOUND")
    assert caught.value.code == "MODEL_NOT_FOUND"


# Tags --------------------------------------------------------------------------------------


def test_added_tags_set_new_keys_and_overwrite_existing_ones(
    registry: SageMakerRegistry, group: GroupRecord
) -> None:
    registry.add_tags(group.arn, {"team": "sales", "cost": "42"})
    assert registry.tags(group.arn) == {"team": "sales", "cost": "42"}


def test_deleted_tags_are_gone_and_the_others_stay(
    registry: SageMakerRegistry, group: GroupRecord
) -> None:
    registry.add_tags(group.arn, {"cost": "42"})
    registry.delete_tags(group.arn, ["team"])
    assert registry.tags(group.arn) == {"cost": "42"}


def test_adding_or_deleting_no_tags_asks_nothing_of_aws(
    registry: SageMakerRegistry, sagemaker: Any
) -> None:
    calls: list[str] = []
    with hooked(sagemaker, "before-call.sagemaker", lambda model, **_: calls.append(model.name)):
        registry.add_tags("arn:aws:sagemaker:us-east-1:123456789012:model-package-group/x", {})
        registry.delete_tags("arn:aws:sagemaker:us-east-1:123456789012:model-package-group/x", [])
    assert calls == []


def test_tags_of_a_missing_resource_are_not_found_with_the_given_code(
    registry: SageMakerRegistry, group: GroupRecord
) -> None:
    with pytest.raises(NotFound) as caught:
        registry.tags(group.arn + "-gone", not_found_code="MODEL_NOT_FOUND")
    assert caught.value.code == "MODEL_NOT_FOUND"


# Packages ----------------------------------------------------------------------------------


def test_create_package_numbers_the_versions_of_a_group_in_order(
    registry: SageMakerRegistry, group: GroupRecord
) -> None:
    assert [registry.create_package(group, new_package()) for _ in range(3)] == [1, 2, 3]


def test_create_package_round_trips_container_and_artifact(
    registry: SageMakerRegistry, group: GroupRecord
) -> None:
    artifact = Artifact(uri="s3://bucket/glm/1/", format="s3_prefix")
    new = new_package(environment={"OPTION_ROLLING_BATCH": "vllm"}, artifact=artifact)
    version = registry.create_package(group, new)
    package = registry.find_package(package_arn(group.arn, version))
    assert package is not None
    assert (package.image, package.environment) == (IMAGE, {"OPTION_ROLLING_BATCH": "vllm"})
    assert package.artifact == artifact


def test_an_s3_prefix_artifact_is_stored_as_an_uncompressed_model_data_source(
    registry: SageMakerRegistry, sagemaker: Any, group: GroupRecord
) -> None:
    artifact = Artifact(uri="s3://bucket/glm/1/", format="s3_prefix")
    version = registry.create_package(group, new_package(artifact=artifact))
    described = sagemaker.describe_model_package(ModelPackageName=package_arn(group.arn, version))
    container = described["InferenceSpecification"]["Containers"][0]
    assert container["ModelDataSource"]["S3DataSource"] == {
        "S3Uri": "s3://bucket/glm/1/",
        "S3DataType": "S3Prefix",
        "CompressionType": "None",
    }


def test_a_tar_gz_artifact_round_trips_as_a_model_data_url(
    registry: SageMakerRegistry, sagemaker: Any, group: GroupRecord
) -> None:
    artifact = Artifact(uri="s3://bucket/glm/model.tar.gz", format="tar_gz")
    version = registry.create_package(group, new_package(artifact=artifact))
    arn = package_arn(group.arn, version)
    package = registry.find_package(arn)
    assert package is not None
    assert package.artifact == artifact
    described = sagemaker.describe_model_package(ModelPackageName=arn)
    assert described["InferenceSpecification"]["Containers"][0]["ModelDataUrl"] == artifact.uri


def test_a_package_without_artifact_or_environment_reads_back_none_and_empty(
    registry: SageMakerRegistry, group: GroupRecord
) -> None:
    package = registry.find_package(
        package_arn(group.arn, registry.create_package(group, new_package()))
    )
    assert package is not None
    assert (package.artifact, package.environment) == (None, {})
    assert package.recommended_instance_types == []


def test_create_package_keeps_approval_metadata_and_recommended_instance_types(
    registry: SageMakerRegistry, group: GroupRecord
) -> None:
    new = new_package(
        approval="approved",
        metadata={"mlm:approved-by": "t/alice"},
        recommended_instance_types=["ml.g6e.xlarge", "ml.g5.12xlarge"],
    )
    version = registry.create_package(group, new)
    package = registry.find_package(package_arn(group.arn, version))
    assert package is not None
    assert (package.arn, package.group, package.version) == (
        package_arn(group.arn, version),
        group.name,
        version,
    )
    assert package.approval == "approved"
    assert package.metadata == {"mlm:approved-by": "t/alice"}
    assert package.recommended_instance_types == ["ml.g6e.xlarge", "ml.g5.12xlarge"]


def test_a_new_package_is_completed_and_has_a_creation_time_only(
    registry: SageMakerRegistry, group: GroupRecord
) -> None:
    package = registry.find_package(
        package_arn(group.arn, registry.create_package(group, new_package()))
    )
    assert package is not None
    assert package.status == "completed"
    assert isinstance(package.created_at, datetime)
    assert package.updated_at is None


def test_create_package_tags_the_package(registry: SageMakerRegistry, group: GroupRecord) -> None:
    version = registry.create_package(group, new_package(tags={"mlm:tenant": "t1"}))
    assert registry.tags(package_arn(group.arn, version)) == {"mlm:tenant": "t1"}


def test_a_package_arn_of_another_form_is_refused(
    registry: SageMakerRegistry, sagemaker: Any, group: GroupRecord
) -> None:
    odd = "arn:aws:sagemaker:us-east-1:123456789012:model-package/unversioned"
    with (
        _answer(sagemaker, "CreateModelPackage", ModelPackageArn=odd),
        pytest.raises(BadGateway) as caught,
    ):
        registry.create_package(group, new_package())
    assert caught.value.code == "AWS_UNEXPECTED_ANSWER"


def test_a_package_arn_of_another_group_is_refused(
    registry: SageMakerRegistry, sagemaker: Any, group: GroupRecord
) -> None:
    elsewhere = package_arn(group.arn.replace(group.name, "mlm-other-glm"), 1)
    with (
        _answer(sagemaker, "CreateModelPackage", ModelPackageArn=elsewhere),
        pytest.raises(BadGateway) as caught,
    ):
        registry.create_package(group, new_package())
    assert caught.value.code == "AWS_UNEXPECTED_ANSWER"


def test_find_package_of_a_missing_package_is_none(
    registry: SageMakerRegistry, group: GroupRecord
) -> None:
    assert registry.find_package(package_arn(group.arn, 7)) is None


def test_an_approval_or_status_unknown_here_reads_as_pending(
    registry: SageMakerRegistry, sagemaker: Any, group: GroupRecord
) -> None:
    arn = package_arn(group.arn, registry.create_package(group, new_package()))
    strange = {"ModelApprovalStatus": "Deferred", "ModelPackageStatus": "Archived"}
    with _answer(sagemaker, "DescribeModelPackage", **strange):
        package = registry.find_package(arn)
    assert package is not None
    assert (package.approval, package.status) == ("pending", "pending")


def test_list_packages_summarises_every_version_of_the_group(
    registry: SageMakerRegistry, group: GroupRecord
) -> None:
    registry.create_package(group, new_package())
    registry.create_package(group, new_package(approval="rejected"))
    listed = sorted(registry.list_packages(group.name), key=lambda s: s.version or 0)
    assert [(s.arn, s.version, s.approval) for s in listed] == [
        (package_arn(group.arn, 1), 1, "pending"),
        (package_arn(group.arn, 2), 2, "rejected"),
    ]


def test_list_packages_filters_by_approval(registry: SageMakerRegistry, group: GroupRecord) -> None:
    registry.create_package(group, new_package())
    registry.create_package(group, new_package(approval="approved"))
    assert [s.version for s in registry.list_packages(group.name, approval="approved")] == [2]


def test_update_package_sets_approval_and_metadata_and_removes_keys(
    registry: SageMakerRegistry, group: GroupRecord
) -> None:
    new = new_package(metadata={"keep": "1", "drop": "2"})
    arn = package_arn(group.arn, registry.create_package(group, new))
    registry.update_package(arn, "approved", {"keep": "1", "add": "3"}, remove_keys=["drop"])
    package = registry.find_package(arn)
    assert package is not None
    assert package.approval == "approved"
    assert package.metadata == {"keep": "1", "add": "3"}
    assert package.updated_at is not None


def test_a_deleted_package_is_no_longer_found(
    registry: SageMakerRegistry, group: GroupRecord
) -> None:
    arn = package_arn(group.arn, registry.create_package(group, new_package()))
    registry.delete_package(arn)
    assert registry.find_package(arn) is None


def test_deleting_a_missing_package_is_not_found_with_the_given_code(
    registry: SageMakerRegistry, group: GroupRecord
) -> None:
    with pytest.raises(NotFound) as caught:
        registry.delete_package(package_arn(group.arn, 9), not_found_code="VERSION_NOT_FOUND")
    assert caught.value.code == "VERSION_NOT_FOUND"


# ARNs --------------------------------------------------------------------------------------

GROUP_ARN = "arn:aws:sagemaker:eu-west-1:123456789012:model-package-group/mlm-t1-glm"


def test_package_arn_names_the_version_in_the_groups_partition_region_and_account() -> None:
    assert package_arn(GROUP_ARN, 3) == (
        "arn:aws:sagemaker:eu-west-1:123456789012:model-package/mlm-t1-glm/3"
    )


def test_parse_package_arn_reads_the_group_and_version_back() -> None:
    assert parse_package_arn(package_arn(GROUP_ARN, 12)) == ("mlm-t1-glm", 12)


@pytest.mark.parametrize(
    "arn",
    [
        GROUP_ARN,
        "arn:aws:sagemaker:eu-west-1:123456789012:model-package/unversioned",
        "arn:aws:sagemaker:eu-west-1:123456789012:model/mlm-t1-glm-1",
        "arn:aws:sagemaker:eu-west-1:123456789012:model-package/mlm-t1-glm/one",
    ],
)
def test_parse_package_arn_of_another_arn_is_none(arn: str) -> None:
    assert parse_package_arn(arn) is None


def test_a_repeated_client_token_answers_the_first_version(
    registry: SageMakerRegistry, group: GroupRecord
) -> None:
    """AWS: CreateModelPackage's ClientToken "guarantees that the call to this API is
    idempotent" — botocore's retries and MLM's own never make a second version."""
    once = new_package()
    assert [registry.create_package(group, once) for _ in range(2)] == [1, 1]
    assert registry.create_package(group, new_package()) == 2
