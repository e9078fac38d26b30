import re
from typing import Any

import pytest

from mlm import naming
from mlm.aws.sagemaker_registry import SageMakerRegistry, package_arn
from mlm.errors import BadRequest, Conflict, NotFound, PreconditionFailed
from mlm.services.registry.models import ModelService
from mlm.services.registry.requests import (
    ContainerSpec,
    NewModel,
    NewVersion,
    VersionPatch,
    read_new_version,
    read_version_patch,
)
from mlm.services.registry.versions import ModelVersion, ModelVersionService
from tests.conftest import Keys
from tests.services.conftest import DeploymentMap, StubCatalog

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.33.0-lmi15.0.0-cu128"
ACTOR = "t/admin"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


@pytest.fixture(autouse=True)
def model(model_service: ModelService, keys: Keys) -> None:
    model_service.create(keys.tenant, NewModel(name="glm", metadata={"license": "glm-4"}))


def _create(
    service: ModelVersionService, keys: Keys, actor: str = ACTOR, **body: Any
) -> ModelVersion:
    """A version of 'glm' from a JSON body (the container's image unless ``body`` sets one)."""
    request = read_new_version({"container": {"image": IMAGE}, **body})
    return service.create(keys.tenant, "glm", request, actor)


@pytest.fixture
def sagemaker(container: Any) -> Any:
    """The SageMaker client itself, to see packages as AWS describes them."""
    return container.clients.sagemaker()


def _raw(sagemaker: Any, registry: SageMakerRegistry, keys: Keys, version: int) -> dict[str, Any]:
    group = registry.find_group(naming.physical_name(keys.tenant, "glm"))
    assert group is not None
    arn = package_arn(group.arn, version)
    return dict(sagemaker.describe_model_package(ModelPackageName=arn))


# create ------------------------------------------------------------------------------------


def test_create_minimal_version(version_service: ModelVersionService, keys: Keys) -> None:
    version = _create(version_service, keys)
    assert version.model_name == "glm"
    assert version.version == 1
    assert version.status == "completed"
    assert version.approval_status == "pending"
    assert (version.approved_by, version.approved_at, version.approval_note) == (None, None, None)
    assert version.container == {"image": IMAGE, "environment": {}}
    assert version.artifact is None
    assert version.requirements is None
    assert version.recommended_instance_types == []
    assert version.packaging_job_id is None
    assert version.deployed_to == []
    assert RFC3339.match(version.created_at)


def test_create_keeps_every_field(version_service: ModelVersionService, keys: Keys) -> None:
    body = {
        "container": {"image": IMAGE, "environment": {"OPTION_ROLLING_BATCH": "vllm"}},
        "framework": "vllm",
        "series": "glm4",
        "source": {
            "platform": "huggingface",
            "model_id": "THUDM/glm-4-9b-chat",
            "revision": "main",
        },
        "metadata": {"eval": "MMLU 72.4 % — see report\nline 2"},
        "description": "GLM-4 9B «chat», bf16",
        "approval_note": "needs review",
    }
    created = version_service.create(keys.tenant, "glm", read_new_version(body), ACTOR)
    version = version_service.get(keys.tenant, "glm", created.version)
    assert version == created
    assert version.container == body["container"]
    assert (version.framework, version.series) == ("vllm", "glm4")
    assert version.source == body["source"]
    assert version.metadata == body["metadata"]
    assert version.description == body["description"]
    assert version.approval_note == "needs review"


def test_versions_are_numbered_in_order(version_service: ModelVersionService, keys: Keys) -> None:
    assert [_create(version_service, keys).version for _ in range(3)] == [1, 2, 3]


def test_s3_prefix_artifact_is_an_uncompressed_model_data_source(
    version_service: ModelVersionService,
    sagemaker: Any,
    registry: SageMakerRegistry,
    keys: Keys,
) -> None:
    version = _create(
        version_service, keys, artifact={"uri": "s3://bucket/glm/1", "format": "s3_prefix"}
    )
    assert version.artifact == {"uri": "s3://bucket/glm/1/", "format": "s3_prefix"}
    container = _raw(sagemaker, registry, keys, 1)["InferenceSpecification"]["Containers"][0]
    assert container["ModelDataSource"]["S3DataSource"] == {
        "S3Uri": "s3://bucket/glm/1/",
        "S3DataType": "S3Prefix",
        "CompressionType": "None",
    }


def test_tar_gz_artifact_is_a_model_data_url(
    version_service: ModelVersionService,
    sagemaker: Any,
    registry: SageMakerRegistry,
    keys: Keys,
) -> None:
    uri = "s3://bucket/glm/model.tar.gz"
    version = _create(version_service, keys, artifact={"uri": uri, "format": "tar_gz"})
    assert version.artifact == {"uri": uri, "format": "tar_gz"}
    container = _raw(sagemaker, registry, keys, 1)["InferenceSpecification"]["Containers"][0]
    assert container["ModelDataUrl"] == uri


def test_tar_gz_artifact_must_be_an_object(
    version_service: ModelVersionService, keys: Keys
) -> None:
    with pytest.raises(BadRequest):
        _create(version_service, keys, artifact={"uri": "s3://bucket/glm/", "format": "tar_gz"})


def test_requirements_give_recommended_instance_types(
    version_service: ModelVersionService,
    sagemaker: Any,
    registry: SageMakerRegistry,
    stub_catalog: StubCatalog,
    keys: Keys,
) -> None:
    version = _create(version_service, keys, requirements={"gpu_memory_gib": 22, "gpu_count": 1})
    assert stub_catalog.calls == [(22, 1, 5)]
    assert version.requirements == {"gpu_memory_gib": 22, "gpu_count": 1}
    assert version.recommended_instance_types == ["ml.g6e.xlarge", "ml.g5.12xlarge"]
    spec = _raw(sagemaker, registry, keys, 1)["InferenceSpecification"]
    assert spec["SupportedRealtimeInferenceInstanceTypes"] == ["ml.g6e.xlarge", "ml.g5.12xlarge"]


def test_create_approved_records_who(version_service: ModelVersionService, keys: Keys) -> None:
    version = _create(version_service, keys, actor="t/alice", approval_status="approved")
    assert version.approval_status == "approved"
    assert version.approved_by == "t/alice"
    assert version.approved_at is not None
    assert RFC3339.match(version.approved_at)


def test_create_for_unknown_model_is_404(version_service: ModelVersionService, keys: Keys) -> None:
    with pytest.raises(NotFound) as caught:
        version_service.create(keys.tenant, "nothing", NewVersion(ContainerSpec(IMAGE)), ACTOR)
    assert caught.value.code == "MODEL_NOT_FOUND"


def test_create_for_another_tenants_model_is_404(
    version_service: ModelVersionService, keys: Keys
) -> None:
    with pytest.raises(NotFound):
        version_service.create(keys.other_tenant, "glm", NewVersion(ContainerSpec(IMAGE)), ACTOR)


def test_create_refuses_a_bad_environment_name(
    version_service: ModelVersionService, keys: Keys
) -> None:
    with pytest.raises(BadRequest):
        version_service.create(
            keys.tenant, "glm", NewVersion(ContainerSpec(IMAGE, {"1X": "y"})), ACTOR
        )


# get / list --------------------------------------------------------------------------------


def test_get_unknown_version_is_404(version_service: ModelVersionService, keys: Keys) -> None:
    with pytest.raises(NotFound) as caught:
        version_service.get(keys.tenant, "glm", 7)
    assert caught.value.code == "VERSION_NOT_FOUND"


def test_get_shows_where_it_is_deployed(
    version_service: ModelVersionService, deployed: DeploymentMap, keys: Keys
) -> None:
    _create(version_service, keys)
    deployed[("glm", 1)] = ["chat-b", "chat-a"]
    assert version_service.get(keys.tenant, "glm", 1).deployed_to == ["chat-a", "chat-b"]


def test_list_pages_through_versions_in_order(
    version_service: ModelVersionService, keys: Keys
) -> None:
    for _ in range(5):
        _create(version_service, keys)
    seen: list[int] = []
    token = None
    while True:
        page = version_service.list_versions(keys.tenant, "glm", page_size=2, page_token=token)
        seen += [v.version for v in page.items]
        token = page.next_page_token
        if token is None:
            break
    assert seen == [1, 2, 3, 4, 5]


def test_list_filters_by_approval_status(version_service: ModelVersionService, keys: Keys) -> None:
    _create(version_service, keys)
    _create(version_service, keys, approval_status="approved")
    page = version_service.list_versions(keys.tenant, "glm", approval_status="approved")
    assert [v.version for v in page.items] == [2]


def test_list_refuses_a_made_up_page_token(
    version_service: ModelVersionService, keys: Keys
) -> None:
    with pytest.raises(BadRequest) as caught:
        version_service.list_versions(keys.tenant, "glm", page_token="xyz")
    assert caught.value.code == "INVALID_PAGE_TOKEN"


def test_list_of_unknown_model_is_404(version_service: ModelVersionService, keys: Keys) -> None:
    with pytest.raises(NotFound):
        version_service.list_versions(keys.tenant, "nothing")


# update ------------------------------------------------------------------------------------


def test_approving_records_who_and_the_note(
    version_service: ModelVersionService, keys: Keys
) -> None:
    _create(version_service, keys)
    version = version_service.update(
        keys.tenant, "glm", 1, VersionPatch(approval_status="approved", approval_note="ok"), "t/bob"
    )
    assert (version.approval_status, version.approval_note) == ("approved", "ok")
    assert version.approved_by == "t/bob"
    assert version.approved_at is not None


def test_rejecting_records_who(version_service: ModelVersionService, keys: Keys) -> None:
    _create(version_service, keys)
    version = version_service.update(
        keys.tenant, "glm", 1, VersionPatch(approval_status="rejected"), "t/c"
    )
    assert (version.approval_status, version.approved_by) == ("rejected", "t/c")


def test_back_to_pending_clears_the_approver(
    version_service: ModelVersionService, keys: Keys
) -> None:
    _create(version_service, keys, approval_status="approved")
    version = version_service.update(
        keys.tenant, "glm", 1, VersionPatch(approval_status="pending"), "t/d"
    )
    assert (version.approved_by, version.approved_at) == (None, None)


def test_update_description_and_metadata_keeps_the_approval(
    version_service: ModelVersionService, keys: Keys
) -> None:
    _create(version_service, keys, actor="t/alice", approval_status="approved", metadata={"a": "1"})
    version = version_service.update(
        keys.tenant,
        "glm",
        1,
        VersionPatch(description="new", metadata={"a": None, "b": "2"}),
        "t/x",
    )
    assert version.description == "new"
    assert version.metadata == {"b": "2"}
    assert (version.approval_status, version.approved_by) == ("approved", "t/alice")
    assert version.container["image"] == IMAGE
    assert version.updated_at is not None


def test_changing_the_container_is_version_immutable(
    version_service: ModelVersionService, keys: Keys
) -> None:
    _create(version_service, keys)
    with pytest.raises(Conflict) as caught:
        version_service.update(
            keys.tenant, "glm", 1, read_version_patch({"container": {"image": "x/y"}}), ACTOR
        )
    assert caught.value.code == "VERSION_IMMUTABLE"
    assert "new version" in caught.value.detail


def test_update_runs_the_precondition_on_the_current_version(
    version_service: ModelVersionService, keys: Keys
) -> None:
    created = _create(version_service, keys)
    seen: list[ModelVersion] = []

    def stale(current: ModelVersion) -> None:
        seen.append(current)
        raise PreconditionFailed(code="ETAG_MISMATCH", detail="stale")

    with pytest.raises(PreconditionFailed):
        version_service.update(
            keys.tenant, "glm", 1, VersionPatch(description="x"), ACTOR, precondition=stale
        )
    assert seen == [created]


# delete ------------------------------------------------------------------------------------


def test_delete_removes_the_version(version_service: ModelVersionService, keys: Keys) -> None:
    _create(version_service, keys)
    version_service.delete(keys.tenant, "glm", 1)
    with pytest.raises(NotFound):
        version_service.get(keys.tenant, "glm", 1)


def test_delete_while_deployed_is_version_in_use(
    version_service: ModelVersionService, deployed: DeploymentMap, keys: Keys
) -> None:
    _create(version_service, keys)
    deployed[("glm", 1)] = ["chat"]
    with pytest.raises(Conflict) as caught:
        version_service.delete(keys.tenant, "glm", 1)
    assert caught.value.code == "VERSION_IN_USE"


# for the endpoints service -----------------------------------------------------------------


def test_get_deployable_names_the_package(version_service: ModelVersionService, keys: Keys) -> None:
    _create(version_service, keys, container={"image": IMAGE, "environment": {"A": "1"}})
    deployable = version_service.get_deployable(keys.tenant, "glm", 1)
    assert (deployable.model_name, deployable.version) == ("glm", 1)
    assert deployable.image == IMAGE
    assert deployable.environment == {"A": "1"}
    assert deployable.approval_status == "pending"


def test_get_deployable_refuses_unapproved_when_required(
    container: Any, keys: Keys, stub_catalog: StubCatalog
) -> None:
    strict = ModelVersionService(
        registry=SageMakerRegistry(container.clients.sagemaker()),
        page_tokens=container.page_tokens,
        catalog=stub_catalog,
        deployments=lambda tenant: {},
        locks=container.locks,
        require_approved_for_deployment=True,
    )
    _create(strict, keys)
    with pytest.raises(Conflict) as caught:
        strict.get_deployable(keys.tenant, "glm", 1)
    assert caught.value.code == "VERSION_NOT_APPROVED"


def test_get_deployable_of_unknown_version_is_404(
    version_service: ModelVersionService, keys: Keys
) -> None:
    with pytest.raises(NotFound) as caught:
        version_service.get_deployable(keys.tenant, "glm", 3)
    assert caught.value.code == "VERSION_NOT_FOUND"
