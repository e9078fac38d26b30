"""AutoscalingService against the emulator: set, read, replace and remove an endpoint's
autoscaling; instance-type changes set it aside and put it back by themselves."""

from __future__ import annotations

import pytest

from mlm.container import Container
from mlm.errors import Conflict, NotFound, Unprocessable
from mlm.services.autoscaling.requests import Schedule, VariantAutoscaling
from mlm.services.autoscaling.service import AutoscalingService
from mlm.services.endpoints.requests import NewEndpoint, VariantChange, VariantSpec
from mlm.services.registry.requests import ContainerSpec, NewModel, NewVersion
from tests.conftest import Keys, Transitions
from tests.polling import poll

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"


@pytest.fixture
def service(container: Container) -> AutoscalingService:
    return container.autoscaling


@pytest.fixture
def endpoint(container: Container, keys: Keys) -> str:
    container.models.create(keys.tenant, NewModel(name="chat", metadata={"license": "mit"}))
    container.versions.create(keys.tenant, "chat", NewVersion(ContainerSpec(IMAGE)), actor="test")
    variant = VariantSpec(model_name="chat", model_version=1, instance_type="ml.g5.2xlarge")
    container.endpoints.create(keys.tenant, NewEndpoint(name="ep", variants=[variant]))
    _wait(container, keys, "in_service")
    return "ep"


def _wait(container: Container, keys: Keys, status: str) -> None:
    poll(
        lambda: container.endpoints.get(keys.tenant, "ep").status,
        lambda s: s == status,
        f"ep to be {status}",
    )


def _scaling(**overrides: object) -> VariantAutoscaling:
    fields: dict[str, object] = {"variant": "primary", "min_instances": 1, "max_instances": 4}
    return VariantAutoscaling(**(fields | overrides))  # type: ignore[arg-type]


def test_a_set_autoscaling_is_read_back_with_its_policy_and_counts(
    service: AutoscalingService, keys: Keys, endpoint: str
) -> None:
    made = service.put(keys.tenant, endpoint, [_scaling(target_value=50)])
    [variant] = service.get(keys.tenant, endpoint).variants
    assert made.variants == [variant]
    assert variant.to_api() == {
        "variant": "primary",
        "state": "active",
        "min_instances": 1,
        "max_instances": 4,
        "metric": "invocations_per_instance",
        "target_value": 50.0,
        "unit": "invocations per instance per minute",
        "scale_in_cooldown_seconds": 300,
        "scale_out_cooldown_seconds": 300,
        "scale_in_enabled": True,
        "schedules": [],
        "current_instance_count": 1,
        "desired_instance_count": 1,
    }


def test_an_endpoint_without_autoscaling_shows_none(
    service: AutoscalingService, keys: Keys, endpoint: str
) -> None:
    shown = service.get(keys.tenant, endpoint)
    assert (shown.variants, shown.activities) == ([], [])


def test_a_gpu_utilization_target_is_per_gpu(
    service: AutoscalingService, container: Container, keys: Keys, endpoint: str
) -> None:
    # ml.g5.2xlarge has one GPU, so CloudWatch's 0-100 x GPUs is the target itself; what
    # AWS holds is checked so a per-GPU scale of 1 is not mistaken for no scaling.
    service.put(keys.tenant, endpoint, [_scaling(metric="gpu_utilization", target_value=60)])
    [variant] = service.get(keys.tenant, endpoint).variants
    assert variant.policy is not None
    assert (variant.policy["metric"], variant.policy["target_value"]) == ("gpu_utilization", 60.0)
    aas = container.clients.client("application-autoscaling")
    [policy] = aas.describe_scaling_policies(
        ServiceNamespace="sagemaker",
        ResourceId=f"endpoint/mlm-{keys.tenant}-ep/variant/primary",
    )["ScalingPolicies"]
    custom = policy["TargetTrackingScalingPolicyConfiguration"]["CustomizedMetricSpecification"]
    assert (custom["MetricName"], custom["Namespace"]) == (
        "GPUUtilization",
        "/aws/sagemaker/Endpoints",
    )


def test_a_minimum_above_the_running_count_scales_out_with_its_cause_shown(
    service: AutoscalingService, keys: Keys, endpoint: str
) -> None:
    shown = service.put(keys.tenant, endpoint, [_scaling(min_instances=2)])
    [activity] = shown.activities
    assert activity.cause == "minimum capacity was set to 2"
    assert shown.variants[0].desired_instance_count == 2


def test_schedules_are_kept_with_their_bounds(
    service: AutoscalingService, keys: Keys, endpoint: str
) -> None:
    mornings = Schedule("mornings", "cron(0 8 ? * MON-FRI *)", min_instances=2, timezone="UTC")
    service.put(keys.tenant, endpoint, [_scaling(schedules=(mornings,))])
    [variant] = service.get(keys.tenant, endpoint).variants
    assert variant.schedules == [
        {
            "name": "mornings",
            "schedule": "cron(0 8 ? * MON-FRI *)",
            "min_instances": 2,
            "timezone": "UTC",
        }
    ]


def test_a_second_put_replaces_the_policy_and_drops_old_schedules(
    service: AutoscalingService, keys: Keys, endpoint: str
) -> None:
    nightly = Schedule("nightly", "cron(0 22 * * ? *)", max_instances=1)
    service.put(keys.tenant, endpoint, [_scaling(schedules=(nightly,))])
    service.put(keys.tenant, endpoint, [_scaling(metric="concurrent_requests_per_model")])
    [variant] = service.get(keys.tenant, endpoint).variants
    assert variant.policy is not None
    assert variant.policy["metric"] == "concurrent_requests_per_model"
    assert variant.schedules == []


def test_an_empty_put_and_a_delete_both_stop_autoscaling(
    service: AutoscalingService, keys: Keys, endpoint: str
) -> None:
    service.put(keys.tenant, endpoint, [_scaling()])
    service.put(keys.tenant, endpoint, [])
    assert service.get(keys.tenant, endpoint).variants == []
    service.put(keys.tenant, endpoint, [_scaling()])
    service.delete(keys.tenant, endpoint)
    service.delete(keys.tenant, endpoint)  # safe to repeat
    assert service.get(keys.tenant, endpoint).variants == []


def test_every_broken_rule_is_named(service: AutoscalingService, keys: Keys, endpoint: str) -> None:
    bad = [
        _scaling(variant="nope", min_instances=0, max_instances=200, target_value=0),
        _scaling(metric="gpu_utilization", target_value=150),
        _scaling(schedules=(Schedule("x y", "daily"),)),
    ]
    with pytest.raises(Unprocessable) as caught:
        service.put(keys.tenant, endpoint, bad)
    fields = {e.field for e in caught.value.errors}
    assert fields == {
        "variants[0].variant",
        "variants[0].min_instances",
        "variants[0].max_instances",
        "variants[0].target_value",
        "variants[1].target_value",
        "variants[2].variant",  # "primary" again
        "variants[2].schedules[0].name",
        "variants[2].schedules[0].schedule",
        "variants[2].schedules[0]",
    }


def test_an_unknown_endpoint_is_not_found(service: AutoscalingService, keys: Keys) -> None:
    with pytest.raises(NotFound):
        service.get(keys.tenant, "nothing")
    with pytest.raises(NotFound):
        service.put(keys.tenant, "nothing", [_scaling()])


def test_an_endpoint_that_is_updating_cannot_get_autoscaling(
    service: AutoscalingService,
    container: Container,
    keys: Keys,
    endpoint: str,
    transitions: Transitions,
) -> None:
    transitions.hold()
    container.endpoints.update(keys.tenant, endpoint, [VariantChange("primary", instance_count=2)])
    with pytest.raises(Conflict) as caught:
        service.put(keys.tenant, endpoint, [_scaling()])
    assert caught.value.code == "ENDPOINT_NOT_READY"


def test_an_instance_type_change_sets_autoscaling_aside_and_puts_it_back(
    service: AutoscalingService,
    container: Container,
    keys: Keys,
    endpoint: str,
    transitions: Transitions,
) -> None:
    # AWS refuses the update while the variant is a scalable target (the emulator too).
    service.put(keys.tenant, endpoint, [_scaling(max_instances=3, target_value=40)])
    transitions.hold()
    change = VariantChange("primary", instance_type="ml.g5.12xlarge")
    container.endpoints.update(keys.tenant, endpoint, [change])
    [aside] = service.get(keys.tenant, endpoint).variants
    assert (aside.state, aside.max_instances) == ("set_aside_for_update", 3)
    transitions.release()
    _wait(container, keys, "in_service")
    [back] = service.get(keys.tenant, endpoint).variants
    assert (back.state, back.max_instances) == ("active", 3)
    assert back.policy is not None
    assert back.policy["target_value"] == 40.0
    endpoint_view = container.endpoints.get(keys.tenant, endpoint)
    assert endpoint_view.variants[0].instance_type == "ml.g5.12xlarge"
    assert endpoint_view.tags == {}  # the set-aside record is not a user tag, and it is gone


def test_an_update_aws_refuses_puts_the_autoscaling_back_at_once(
    service: AutoscalingService,
    container: Container,
    keys: Keys,
    endpoint: str,
) -> None:
    service.put(keys.tenant, endpoint, [_scaling()])
    sm = container.clients.sagemaker()
    original = sm.update_endpoint

    def refuse(**kwargs: object) -> None:
        raise sm.exceptions.ResourceLimitExceeded(
            {"Error": {"Code": "ResourceLimitExceeded", "Message": "quota"}}, "UpdateEndpoint"
        )

    sm.update_endpoint = refuse
    try:
        with pytest.raises(Exception, match="quota"):
            container.endpoints.update(
                keys.tenant, endpoint, [VariantChange("primary", instance_type="ml.g5.12xlarge")]
            )
    finally:
        sm.update_endpoint = original
    [variant] = service.get(keys.tenant, endpoint).variants
    assert variant.state == "active"


def test_the_endpoint_view_shows_the_policy_and_the_latest_activity_with_its_cause(
    service: AutoscalingService, container: Container, keys: Keys, endpoint: str
) -> None:
    service.put(keys.tenant, endpoint, [_scaling(min_instances=2)])
    shown = service.for_view(keys.tenant, container.endpoints.get(keys.tenant, endpoint))
    assert [(v.variant, v.min_instances, v.max_instances) for v in shown.variants] == [
        ("primary", 2, 4)
    ]
    assert shown.activities[0].cause == "minimum capacity was set to 2"


@pytest.fixture
def patient(container: Container) -> AutoscalingService:
    """A service whose view reuses a read for an hour (one replica among several)."""
    return AutoscalingService(
        autoscaling=container.application_autoscaling,
        hosting=container.hosting,
        endpoints=container.endpoints,
        hardware=container.catalog,
        locks=container.locks,
        ttl_seconds=3600,
    )


def test_the_endpoint_view_reuses_its_read_until_the_ttl_passes(
    patient: AutoscalingService, container: Container, keys: Keys, endpoint: str
) -> None:
    service = patient
    live = container.endpoints.get(keys.tenant, endpoint)
    assert service.for_view(keys.tenant, live).variants == []
    # Set behind this service's back (another replica): its view keeps the old read.
    container.autoscaling.put(keys.tenant, endpoint, [_scaling()])
    assert service.for_view(keys.tenant, live).variants == []
    assert len(service.get(keys.tenant, endpoint).variants) == 1
    assert len(service.for_view(keys.tenant, live).variants) == 1


def test_a_change_through_the_service_shows_in_its_view_at_once(
    patient: AutoscalingService, container: Container, keys: Keys, endpoint: str
) -> None:
    service = patient
    live = container.endpoints.get(keys.tenant, endpoint)
    assert service.for_view(keys.tenant, live).variants == []
    service.put(keys.tenant, endpoint, [_scaling()])
    assert len(service.for_view(keys.tenant, live).variants) == 1
    service.delete(keys.tenant, endpoint)
    assert service.for_view(keys.tenant, live).variants == []
