"""An endpoint of the test's tenant, made through the services and in service."""

from __future__ import annotations

import pytest

from mlm.container import Container
from mlm.services.endpoints.requests import NewEndpoint, VariantSpec
from mlm.services.registry.requests import ContainerSpec, NewModel, NewVersion
from tests.conftest import Keys
from tests.polling import poll

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"


def make_endpoint(container: Container, tenant: str, name: str, version: int = 1) -> None:
    container.endpoints.create(
        tenant,
        NewEndpoint(
            name=name,
            variants=[VariantSpec("chat", version, "ml.g5.2xlarge")],
        ),
    )
    poll(
        lambda: container.endpoints.get(tenant, name).status,
        lambda status: status == "in_service",
        f"{name} in service",
    )


@pytest.fixture
def chat(container: Container, keys: Keys) -> None:
    """Model 'chat' with approved versions 1 and 2."""
    container.models.create(keys.tenant, NewModel(name="chat", metadata={"license": "mit"}))
    for _ in range(2):
        container.versions.create(
            keys.tenant,
            "chat",
            NewVersion(ContainerSpec(IMAGE), approval_status="approved"),
            actor="test",
        )


@pytest.fixture
def live(container: Container, keys: Keys, chat: None) -> str:
    make_endpoint(container, keys.tenant, "ep")
    return "ep"
