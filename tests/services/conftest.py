"""Fixtures for service tests: services wired to the emulator, without HTTP."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress

import pytest

from mlm.aws.alarms import EndpointAlarmStore
from mlm.aws.sagemaker_hosting import SageMakerHosting
from mlm.aws.sagemaker_registry import SageMakerRegistry
from mlm.container import Container
from mlm.errors import Conflict
from mlm.services.alarms import RollbackAlarms
from mlm.services.endpoints import DeployedVersions
from mlm.services.endpoints.service import EndpointService
from mlm.services.registry.models import ModelService
from mlm.services.registry.requests import ContainerSpec, NewModel, NewVersion
from mlm.services.registry.versions import ModelVersionService
from tests.conftest import Keys

DeploymentMap = dict[tuple[str, int], list[str]]


class StubCatalog:
    """Stands in for InstanceTypeCatalog.recommend and records what it was asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[float | None, int | None, int]] = []

    def recommend(
        self, gpu_memory_gib: float | None, gpu_count: int | None = None, limit: int = 5
    ) -> list[str]:
        self.calls.append((gpu_memory_gib, gpu_count, limit))
        return ["ml.g6e.xlarge", "ml.g5.12xlarge"]


@pytest.fixture
def deployed() -> DeploymentMap:
    """What the endpoints service would report as deployed; tests fill it in."""
    return {}


@pytest.fixture
def deployments(deployed: DeploymentMap) -> Callable[[str], DeploymentMap]:
    return lambda tenant: deployed


@pytest.fixture
def registry(container: Container) -> SageMakerRegistry:
    return SageMakerRegistry(container.clients.sagemaker())


@pytest.fixture
def model_service(
    container: Container, deployments: Callable[[str], DeploymentMap]
) -> ModelService:
    return ModelService(
        registry=SageMakerRegistry(container.clients.sagemaker()),
        page_tokens=container.page_tokens,
        mandatory_metadata_keys=["license"],
        deployments=deployments,
        locks=container.locks,
    )


@pytest.fixture
def stub_catalog() -> StubCatalog:
    return StubCatalog()


@pytest.fixture
def version_service(
    container: Container, deployments: Callable[[str], DeploymentMap], stub_catalog: StubCatalog
) -> ModelVersionService:
    return ModelVersionService(
        registry=SageMakerRegistry(container.clients.sagemaker()),
        page_tokens=container.page_tokens,
        catalog=stub_catalog,
        deployments=deployments,
        locks=container.locks,
    )


# --- endpoints (shared by tests/services/test_endpoint*.py) -----------------------------

ENDPOINT_TEST_IMAGE = (
    "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"
)


@pytest.fixture
def hosting(container: Container) -> SageMakerHosting:
    return SageMakerHosting(container.clients.sagemaker())


@pytest.fixture
def endpoint_service(
    container: Container, hosting: SageMakerHosting, version_service: ModelVersionService
) -> EndpointService:
    """The endpoint service over the emulator, with the real model-version service."""
    return EndpointService(
        hosting=hosting,
        versions=version_service,
        catalog=container.catalog,
        page_tokens=container.page_tokens,
        execution_role_arn=container.settings.execution_role_arn,
        locks=container.locks,
        guards=RollbackAlarms(
            EndpointAlarmStore(container.clients.cloudwatch()), container.catalog
        ),
    )


@pytest.fixture
def make_version(
    keys: Keys, model_service: ModelService, version_service: ModelVersionService
) -> Callable[..., int]:
    """Registers an approved version of a model (creating the model once) → its number."""

    def make(model_name: str = "chat", environment: dict[str, str] | None = None) -> int:
        with suppress(Conflict):  # the model exists from an earlier call in this test
            model_service.create(keys.tenant, NewModel(model_name, metadata={"license": "mit"}))
        version = version_service.create(
            keys.tenant,
            model_name,
            NewVersion(
                ContainerSpec(ENDPOINT_TEST_IMAGE, environment or {}), approval_status="approved"
            ),
            actor="test",
        )
        return version.version

    return make


@pytest.fixture
def deployed_versions(hosting: SageMakerHosting) -> DeployedVersions:
    return DeployedVersions(hosting)
