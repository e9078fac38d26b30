"""SageMakerHosting adapter against the emulator: records in, records out."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from mlm.aws.sagemaker_hosting import (
    CapacityChange,
    NewModel,
    NewVariant,
    SageMakerHosting,
    TrafficRouting,
    _variant_state,
)
from mlm.container import Container
from mlm.errors import Conflict
from tests.botocore_hooks import hooked
from tests.clock import Clock
from tests.conftest import Keys, Transitions
from tests.polling import poll

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"
TAGS = {"mlm:managed-by": "mlm"}


@pytest.fixture
def hosting(container: Container) -> SageMakerHosting:
    return SageMakerHosting(container.clients.sagemaker())


@pytest.fixture
def package_arn(container: Container, keys: Keys) -> str:
    """A model package straight from boto3 (this adapter only points models at one)."""
    sm = container.clients.sagemaker()
    group = f"mlm-{keys.tenant}-chat"
    sm.create_model_package_group(ModelPackageGroupName=group)
    return sm.create_model_package(
        ModelPackageGroupName=group,
        InferenceSpecification={
            "Containers": [{"Image": IMAGE}],
            "SupportedContentTypes": ["application/json"],
            "SupportedResponseMIMETypes": ["application/json"],
        },
    )["ModelPackageArn"]


def variant(model: str, name: str = "primary", count: int = 1) -> NewVariant:
    return NewVariant(name, model, "ml.g5.2xlarge", count, 1.0)


def made_model(hosting: SageMakerHosting, container: Container, name: str, arn: str) -> str:
    hosting.ensure_model(NewModel(name, arn), container.settings.execution_role_arn, TAGS)
    return name


def live_endpoint(
    hosting: SageMakerHosting, container: Container, keys: Keys, arn: str, name: str = "ep"
) -> str:
    """An in-service endpoint ``mlm-<tenant>-<name>`` on one variant; its physical name."""
    physical = f"mlm-{keys.tenant}-{name}"
    model = made_model(hosting, container, f"{physical}-m", arn)
    hosting.ensure_config(f"{physical}-c", [variant(model)], False, TAGS)
    hosting.create_endpoint(physical, f"{physical}-c", TAGS)
    poll(
        lambda: hosting.describe_endpoint(physical),
        lambda r: r is not None and r.status == "InService",
        "in service",
    )
    return physical


# --- models -------------------------------------------------------------------------------


def test_a_missing_model_is_none(hosting: SageMakerHosting, keys: Keys) -> None:
    assert hosting.describe_model(f"mlm-{keys.tenant}-nothing") is None


def test_a_model_points_at_its_package(
    hosting: SageMakerHosting, container: Container, keys: Keys, package_arn: str
) -> None:
    name = made_model(hosting, container, f"mlm-{keys.tenant}-m1", package_arn)
    record = hosting.describe_model(name)
    assert record is not None
    assert (record.name, record.model_package_arn) == (name, package_arn)
    assert record.created_at is not None


def test_ensure_model_reuses_a_model_of_that_name(
    hosting: SageMakerHosting, container: Container, keys: Keys, package_arn: str
) -> None:
    name = made_model(hosting, container, f"mlm-{keys.tenant}-m1", package_arn)
    created: list[str] = []
    sm = container.clients.sagemaker()
    with hooked(sm, "before-call.sagemaker.CreateModel", lambda **_: created.append("x")):
        hosting.ensure_model(NewModel(name, package_arn), None, TAGS)
    assert created == []


def test_a_described_model_is_read_from_aws_once(
    hosting: SageMakerHosting, container: Container, keys: Keys, package_arn: str
) -> None:
    name = made_model(hosting, container, f"mlm-{keys.tenant}-m1", package_arn)
    calls: list[str] = []
    sm = container.clients.sagemaker()
    with hooked(sm, "before-call.sagemaker.DescribeModel", lambda **_: calls.append("x")):
        hosting.describe_model(name)
        hosting.describe_model(name)
        hosting.describe_model(name, fresh=True)
    assert len(calls) == 2  # the first read and the fresh one


def test_deleting_a_model_twice_succeeds_and_forgets_it(
    hosting: SageMakerHosting, container: Container, keys: Keys, package_arn: str
) -> None:
    name = made_model(hosting, container, f"mlm-{keys.tenant}-m1", package_arn)
    hosting.describe_model(name)
    hosting.delete_model(name)
    hosting.delete_model(name)
    assert hosting.describe_model(name) is None


def test_models_are_listed_by_name_prefix_not_substring(
    hosting: SageMakerHosting, container: Container, keys: Keys, package_arn: str
) -> None:
    made_model(hosting, container, f"mlm-{keys.tenant}-a-1", package_arn)
    made_model(hosting, container, f"mlm-{keys.tenant}-b-1", package_arn)
    made_model(hosting, container, f"x-mlm-{keys.tenant}-a-2", package_arn)
    listed = hosting.list_models(f"mlm-{keys.tenant}-a-")
    assert [m.name for m in listed] == [f"mlm-{keys.tenant}-a-1"]


# --- endpoint configs ---------------------------------------------------------------------


def test_a_config_round_trips_its_variants_and_enhanced_metrics(
    hosting: SageMakerHosting, container: Container, keys: Keys, package_arn: str
) -> None:
    model = made_model(hosting, container, f"mlm-{keys.tenant}-m1", package_arn)
    name = f"mlm-{keys.tenant}-c1"
    hosting.ensure_config(name, [variant(model, count=2)], True, TAGS)
    config = hosting.describe_config(name)
    assert config is not None
    assert config.enhanced_metrics is True
    [v] = config.variants
    assert (v.name, v.model_name, v.instance_type, v.instance_count, v.weight) == (
        "primary",
        model,
        "ml.g5.2xlarge",
        2,
        1.0,
    )


def test_a_missing_config_is_none_and_deleting_it_succeeds(
    hosting: SageMakerHosting, keys: Keys
) -> None:
    name = f"mlm-{keys.tenant}-nothing"
    assert hosting.describe_config(name) is None
    hosting.delete_config(name)
    assert hosting.describe_config(name, fresh=True) is None


def test_configs_are_listed_by_name_prefix(
    hosting: SageMakerHosting, container: Container, keys: Keys, package_arn: str
) -> None:
    model = made_model(hosting, container, f"mlm-{keys.tenant}-m1", package_arn)
    hosting.ensure_config(f"mlm-{keys.tenant}-a-c1", [variant(model)], False, TAGS)
    hosting.ensure_config(f"mlm-{keys.tenant}-b-c1", [variant(model)], False, TAGS)
    listed = hosting.list_configs(f"mlm-{keys.tenant}-a-")
    assert [c.name for c in listed] == [f"mlm-{keys.tenant}-a-c1"]


# --- endpoints ----------------------------------------------------------------------------


def test_a_missing_endpoint_is_none(hosting: SageMakerHosting, keys: Keys) -> None:
    assert hosting.describe_endpoint(f"mlm-{keys.tenant}-nothing") is None


def test_a_new_endpoint_is_creating_with_its_config_pending(
    hosting: SageMakerHosting,
    container: Container,
    keys: Keys,
    package_arn: str,
    transitions: Transitions,
) -> None:
    transitions.hold()
    physical = f"mlm-{keys.tenant}-ep"
    model = made_model(hosting, container, f"{physical}-m", package_arn)
    hosting.ensure_config(f"{physical}-c", [variant(model)], False, TAGS)
    hosting.create_endpoint(physical, f"{physical}-c", TAGS)
    record = hosting.describe_endpoint(physical)
    assert record is not None
    # AWS returns PendingDeploymentSummary "when the endpoint is creating or updating
    # with a new endpoint configuration" (DescribeEndpoint API reference).
    assert (record.status, record.config_name, record.pending_config_name) == (
        "Creating",
        f"{physical}-c",
        f"{physical}-c",
    )


def test_creating_an_existing_endpoint_is_a_conflict(
    hosting: SageMakerHosting, container: Container, keys: Keys, package_arn: str
) -> None:
    physical = live_endpoint(hosting, container, keys, package_arn)
    with pytest.raises(Conflict) as caught:
        hosting.create_endpoint(physical, f"{physical}-c", TAGS)
    assert caught.value.code == "ENDPOINT_ALREADY_EXISTS"


def test_capacity_changes_set_the_desired_count(
    hosting: SageMakerHosting, container: Container, keys: Keys, package_arn: str
) -> None:
    physical = live_endpoint(hosting, container, keys, package_arn)
    hosting.update_capacities(physical, [CapacityChange("primary", instance_count=3)])
    record = poll(
        lambda: hosting.describe_endpoint(physical),
        lambda r: r is not None and r.status == "InService",
        "the scale-out to finish",
    )
    assert record is not None
    assert record.variants[0].desired_instance_count == 3


def test_an_update_sends_the_blue_green_routing(
    hosting: SageMakerHosting, container: Container, keys: Keys, package_arn: str
) -> None:
    physical = live_endpoint(hosting, container, keys, package_arn)
    hosting.ensure_config(f"{physical}-c2", [variant(f"{physical}-m")], False, TAGS)
    sent: dict[str, Any] = {}
    sm = container.clients.sagemaker()
    with hooked(
        sm,
        "provide-client-params.sagemaker.UpdateEndpoint",
        lambda params, **_: sent.update(params),
    ):
        hosting.update_endpoint(physical, f"{physical}-c2", TrafficRouting("CANARY", 60, 10, 30))
    assert sent["DeploymentConfig"] == {
        "BlueGreenUpdatePolicy": {
            "TrafficRoutingConfiguration": {
                "Type": "CANARY",
                "WaitIntervalInSeconds": 60,
                "CanarySize": {"Type": "CAPACITY_PERCENT", "Value": 10},
            },
            "TerminationWaitInSeconds": 30,
        }
    }


def test_endpoint_names_are_listed_by_prefix(
    hosting: SageMakerHosting, container: Container, keys: Keys, package_arn: str
) -> None:
    physical = live_endpoint(hosting, container, keys, package_arn)
    assert hosting.list_endpoint_names(f"mlm-{keys.tenant}-") == [physical]
    assert hosting.list_endpoint_names(f"mlm-{keys.other_tenant}-") == []


def test_an_endpoints_tags_are_read_back(
    hosting: SageMakerHosting, container: Container, keys: Keys, package_arn: str
) -> None:
    physical = live_endpoint(hosting, container, keys, package_arn)
    record = hosting.describe_endpoint(physical)
    assert record is not None
    assert hosting.tags(record.arn) == TAGS


def test_a_variants_latest_status_is_the_one_started_last() -> None:
    state = _variant_state(
        {
            "VariantName": "primary",
            "VariantStatus": [
                {"Status": "Baking", "StartTime": datetime(2026, 1, 1, 0, 5, tzinfo=UTC)},
                {"Status": "Creating"},
                {"Status": "ActivatingTraffic", "StartTime": datetime(2026, 1, 1, tzinfo=UTC)},
            ],
        }
    )
    assert state.latest_status == "Baking"
    assert (state.current_instance_count, state.current_weight) == (None, None)


def test_tags_are_reused_for_the_ttl_and_read_again_after_it(
    container: Container, keys: Keys, package_arn: str
) -> None:
    """A tag changed in AWS directly (console, CLI) shows once the TTL has passed."""
    clock = Clock(100.0)
    sm = container.clients.sagemaker()
    cached = SageMakerHosting(sm, tags_ttl_seconds=60, clock=clock)
    physical = live_endpoint(cached, container, keys, package_arn)
    record = cached.describe_endpoint(physical)
    assert record is not None
    assert cached.tags(record.arn) == TAGS
    sm.add_tags(ResourceArn=record.arn, Tags=[{"Key": "team", "Value": "search"}])
    calls: list[str] = []
    with hooked(sm, "before-call.sagemaker.ListTags", lambda **_: calls.append("x")):
        assert cached.tags(record.arn) == TAGS  # within the TTL: no call
        clock.now += 61
        assert cached.tags(record.arn) == TAGS | {"team": "search"}
    assert len(calls) == 1


def test_without_a_ttl_tags_are_read_every_time(
    hosting: SageMakerHosting, container: Container, keys: Keys, package_arn: str
) -> None:
    physical = live_endpoint(hosting, container, keys, package_arn)
    record = hosting.describe_endpoint(physical)
    assert record is not None
    sm = container.clients.sagemaker()
    sm.add_tags(ResourceArn=record.arn, Tags=[{"Key": "team", "Value": "search"}])
    assert hosting.tags(record.arn)["team"] == "search"
