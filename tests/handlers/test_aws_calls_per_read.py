"""AWS calls per read, pinned (issue 11): the steady state of each GET is one AWS call,
and the fleet view makes none per endpoint."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from mlm.container import Container
from mlm.services.registry.requests import ContainerSpec, NewModel, NewVersion
from mlm.settings import Settings
from tests.botocore_hooks import aws_calls
from tests.conftest import Keys, settings_with_keys
from tests.polling import poll

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"


@pytest.fixture
def settings(emulator_settings: Settings, keys: Keys) -> Settings:
    """Rate limits off: these tests pin what a read costs itself. What every authenticated
    request pays on top (one UpdateItem per limited subject) is pinned in
    tests/test_rate_limits.py."""
    return settings_with_keys(
        emulator_settings,
        keys,
        rate_limit_key_per_second=0,
        rate_limit_key_writes_per_second=0,
        rate_limit_key_per_day=0,
        rate_limit_tenant_per_second=0,
        rate_limit_tenant_per_day=0,
    )


@pytest.fixture
def fleet(client: TestClient, container: Container, keys: Keys) -> list[str]:
    """Model 'chat' v1 and three endpoints serving it, in service and indexed."""
    container.models.create(keys.tenant, NewModel(name="chat", metadata={"license": "mit"}))
    container.versions.create(
        keys.tenant, "chat", NewVersion(ContainerSpec(IMAGE), approval_status="approved"), "t"
    )
    names = ["ep-a", "ep-b", "ep-c"]
    for name in names:
        body = {
            "name": name,
            "variants": [
                {"model_name": "chat", "model_version": 1, "instance_type": "ml.g5.2xlarge"}
            ],
        }
        assert client.post("/v1/endpoints", json=body).status_code == 202
    poll(
        lambda: client.get("/v1/endpoints", params={"status": "in_service"}).json()["items"],
        lambda items: len(items) == 3,
        "three endpoints in service",
    )
    return names


def steady_calls(container: Container, client: TestClient, path: str, **params: Any) -> list[str]:
    assert client.get(path, params=params).status_code == 200  # warms what may be reused
    with aws_calls(container.clients) as calls:
        assert client.get(path, params=params).status_code == 200
    return calls


def test_a_get_of_a_model_makes_one_aws_call(
    client: TestClient, container: Container, fleet: list[str]
) -> None:
    calls = steady_calls(container, client, "/v1/models/chat")
    assert calls == ["api.sagemaker:DescribeModelPackageGroup"]


def test_a_get_of_a_version_makes_one_aws_call_whatever_the_fleet(
    client: TestClient, container: Container, fleet: list[str]
) -> None:
    calls = steady_calls(container, client, "/v1/models/chat/versions/1")
    assert calls == ["api.sagemaker:DescribeModelPackage"]


def test_a_version_shows_where_it_is_deployed_from_the_index(
    client: TestClient, fleet: list[str]
) -> None:
    assert client.get("/v1/models/chat/versions/1").json()["deployed_to"] == fleet


def test_an_overview_makes_no_aws_call_per_endpoint(
    client: TestClient, container: Container, fleet: list[str]
) -> None:
    calls = steady_calls(container, client, "/v1/endpoints", view="overview")
    assert "api.sagemaker:DescribeEndpoint" not in calls
    assert calls.count("monitoring:GetMetricData") <= 1  # one per 500 series


def test_an_overview_says_how_old_each_endpoint_record_is(
    client: TestClient, fleet: list[str]
) -> None:
    items = client.get("/v1/endpoints", params={"view": "overview"}).json()["items"]
    ages = [item["observability"]["endpoint_age_seconds"] for item in items]
    assert len(ages) == 3
    assert all(0 <= age < 60 for age in ages)


def test_a_filtered_list_makes_no_aws_call_per_endpoint(
    client: TestClient, container: Container, fleet: list[str]
) -> None:
    calls = steady_calls(container, client, "/v1/endpoints", status="in_service")
    assert calls == []  # the index read is reused within the read-cache TTL
