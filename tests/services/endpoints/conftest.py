"""Helpers and fixtures shared by the endpoint service's tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError

from mlm.container import Container
from mlm.errors import NotFound
from mlm.services.endpoints import names
from mlm.services.endpoints.requests import NewEndpoint, VariantSpec
from mlm.services.endpoints.service import EndpointService
from mlm.services.endpoints.views import Endpoint
from tests.conftest import Keys
from tests.polling import poll, poll_until_raises

MakeVersion = Callable[..., int]


def wait_for(service: EndpointService, tenant: str, name: str, status: str) -> Endpoint:
    return poll(
        lambda: service.get(tenant, name), lambda e: e.status == status, f"{name} to be {status}"
    )


def wait_gone(service: EndpointService, tenant: str, name: str) -> None:
    poll_until_raises(
        lambda: service.get(tenant, name),
        lambda error: isinstance(error, NotFound),
        f"{name} to be deleted",
    )


def leftovers(container: Container, tenant: str) -> dict[str, list[str]]:
    """Every endpoint, endpoint config and SageMaker model of the tenant still in AWS."""
    sm = container.clients.sagemaker()
    prefix = f"mlm-{tenant}-"
    return {
        "endpoints": [
            e["EndpointName"]
            for e in sm.list_endpoints(NameContains=prefix)["Endpoints"]
            if e["EndpointName"].startswith(prefix)
        ],
        "configs": [
            c["EndpointConfigName"]
            for c in sm.list_endpoint_configs(NameContains=prefix)["EndpointConfigs"]
            if c["EndpointConfigName"].startswith(prefix)
        ],
        "models": [
            m["ModelName"]
            for m in sm.list_models(NameContains=prefix)["Models"]
            if m["ModelName"].startswith(prefix)
        ],
    }


def failed_invocations(container: Container, tenant: str, count: int) -> int:
    """Send ``count`` invocations to 'chat-ep'; how many the model failed."""
    runtime = container.clients.sagemaker_runtime()
    failed = 0
    for _ in range(count):
        try:
            runtime.invoke_endpoint(
                EndpointName=names.endpoint_name(tenant, "chat-ep"),
                Body=b"{}",
                ContentType="application/json",
            )
        except ClientError:
            failed += 1
    return failed


def new(name: str = "chat-ep", **variant: Any) -> NewEndpoint:
    spec: dict[str, Any] = {
        "model_name": "chat",
        "model_version": 1,
        "instance_type": "ml.g5.2xlarge",
    }
    spec.update(variant)
    return NewEndpoint(name=name, variants=[VariantSpec(**spec)])


@pytest.fixture
def live(endpoint_service: EndpointService, keys: Keys, make_version: MakeVersion) -> Endpoint:
    """An in-service endpoint 'chat-ep' serving chat v1 on one ml.g5.2xlarge."""
    make_version()
    endpoint_service.create(keys.tenant, new())
    return wait_for(endpoint_service, keys.tenant, "chat-ep", "in_service")
