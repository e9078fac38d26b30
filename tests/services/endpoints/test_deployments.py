"""DeployedVersions: which model versions the tenant's endpoints run."""

from __future__ import annotations

from mlm.services.endpoints import DeployedVersions
from mlm.services.endpoints.deployments import version_of_package_arn
from mlm.services.endpoints.requests import VariantChange
from mlm.services.endpoints.service import EndpointService
from mlm.services.endpoints.views import Endpoint
from mlm.services.registry.versions import ModelVersionService
from tests.conftest import Keys, Transitions
from tests.services.endpoints.conftest import MakeVersion, new


def test_version_of_a_package_arn_of_this_tenant(
    version_service: ModelVersionService, keys: Keys, make_version: MakeVersion
) -> None:
    make_version()
    deployable = version_service.get_deployable(keys.tenant, "chat", 1)
    assert version_of_package_arn(keys.tenant, deployable.model_package_arn) == ("chat", 1)


def test_version_of_another_tenants_package_arn_is_none(
    keys: Keys,
) -> None:
    arn = f"arn:aws:sagemaker:us-east-1:123456789012:model-package/mlm-{keys.other_tenant}-glm/1"
    assert version_of_package_arn(keys.tenant, arn) is None
    assert version_of_package_arn(keys.tenant, "not-an-arn") is None


def test_deployments_maps_versions_to_endpoints(
    deployed_versions: DeployedVersions,
    endpoint_service: EndpointService,
    keys: Keys,
    make_version: MakeVersion,
) -> None:
    make_version()
    endpoint_service.create(keys.tenant, new("a-ep"))
    endpoint_service.create(keys.tenant, new("b-ep"))
    assert deployed_versions.deployments(keys.tenant) == {("chat", 1): ["a-ep", "b-ep"]}


def test_deployments_include_both_versions_during_an_update(
    deployed_versions: DeployedVersions,
    endpoint_service: EndpointService,
    keys: Keys,
    live: Endpoint,
    make_version: MakeVersion,
    transitions: Transitions,
) -> None:
    make_version()
    transitions.hold()  # the update stays in progress, however slow this machine is
    endpoint_service.update(keys.tenant, "chat-ep", [VariantChange("primary", model_version=2)])
    assert deployed_versions.deployments(keys.tenant) == {
        ("chat", 1): ["chat-ep"],
        ("chat", 2): ["chat-ep"],
    }


def test_deployments_forget_a_deleted_endpoint(
    deployed_versions: DeployedVersions,
    endpoint_service: EndpointService,
    keys: Keys,
    live: Endpoint,
) -> None:
    endpoint_service.delete(keys.tenant, "chat-ep")
    assert deployed_versions.deployments(keys.tenant) == {}
