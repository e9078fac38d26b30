"""A multi-step change that fails half-way leaves nothing behind (real AWS calls, one refused)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import pytest

from mlm.aws.sagemaker_hosting import (
    DataCapture,
    NewModel,
    NewVariant,
    SageMakerHosting,
    TrafficRouting,
)
from mlm.container import Container
from mlm.errors import ServiceUnavailable
from mlm.services.endpoints.requests import NewEndpoint, VariantChange, VariantSpec
from mlm.services.endpoints.service import EndpointService
from mlm.services.registry.versions import ModelVersionService
from tests.conftest import Keys
from tests.services.endpoints.conftest import leftovers, wait_for

MakeVersion = Callable[..., int]


def _outage() -> ServiceUnavailable:
    return ServiceUnavailable(code="AWS_UNAVAILABLE", detail="AWS answered with a server error.")


class FailingHosting(SageMakerHosting):
    """Real calls to the emulator, except that the step named in ``fail_at`` fails."""

    fail_at: str = ""
    models_made = 0

    def ensure_model(self, model: NewModel, role_arn: str | None, tags: Mapping[str, str]) -> None:
        if self.fail_at == "second_model" and self.models_made == 1:
            raise _outage()
        super().ensure_model(model, role_arn, tags)
        self.models_made += 1

    def ensure_config(
        self,
        name: str,
        variants: Sequence[NewVariant],
        enhanced_metrics: bool,
        tags: Mapping[str, str],
        data_capture: DataCapture | None = None,
    ) -> None:
        if self.fail_at == "config":
            raise _outage()
        super().ensure_config(name, variants, enhanced_metrics, tags, data_capture)

    def create_endpoint(self, name: str, config_name: str, tags: Mapping[str, str]) -> None:
        if self.fail_at == "endpoint":
            raise _outage()
        super().create_endpoint(name, config_name, tags)

    def update_endpoint(self, name: str, config_name: str, routing: TrafficRouting | None) -> None:
        if self.fail_at == "update":
            raise _outage()
        super().update_endpoint(name, config_name, routing)


@pytest.fixture
def failing(container: Container) -> FailingHosting:
    return FailingHosting(container.clients.sagemaker())


@pytest.fixture
def service(
    container: Container, failing: FailingHosting, version_service: ModelVersionService
) -> EndpointService:
    return EndpointService(
        hosting=failing,
        versions=version_service,
        catalog=container.catalog,
        page_tokens=container.page_tokens,
        execution_role_arn=container.settings.execution_role_arn,
        locks=container.locks,
    )


def two_variants() -> NewEndpoint:
    return NewEndpoint(
        "chat-ep",
        [
            VariantSpec("chat", 1, "ml.g5.2xlarge", name="a"),
            VariantSpec("chat", 1, "ml.g6e.12xlarge", name="b"),
        ],
    )


NOTHING: dict[str, list[str]] = {"endpoints": [], "configs": [], "models": []}


@pytest.mark.parametrize("step", ["second_model", "config", "endpoint"])
def test_a_create_failing_at_a_later_step_leaves_nothing(
    service: EndpointService,
    failing: FailingHosting,
    keys: Keys,
    make_version: MakeVersion,
    container: Container,
    step: str,
) -> None:
    make_version()
    failing.fail_at = step
    with pytest.raises(ServiceUnavailable):
        service.create(keys.tenant, two_variants())
    assert leftovers(container, keys.tenant) == NOTHING


def test_a_retried_create_succeeds_after_a_failure(
    service: EndpointService,
    failing: FailingHosting,
    keys: Keys,
    make_version: MakeVersion,
) -> None:
    make_version()
    failing.fail_at = "endpoint"
    with pytest.raises(ServiceUnavailable):
        service.create(keys.tenant, two_variants())
    failing.fail_at = ""
    assert service.create(keys.tenant, two_variants()).status == "creating"


def test_a_failed_update_call_removes_its_new_config_and_models(
    service: EndpointService,
    failing: FailingHosting,
    keys: Keys,
    make_version: MakeVersion,
    container: Container,
) -> None:
    make_version()
    service.create(keys.tenant, two_variants())
    wait_for(service, keys.tenant, "chat-ep", "in_service")
    before = leftovers(container, keys.tenant)
    make_version()
    failing.fail_at = "update"
    with pytest.raises(ServiceUnavailable):
        service.update(keys.tenant, "chat-ep", [VariantChange("a", model_version=2)])
    assert leftovers(container, keys.tenant) == before
