"""Application Auto Scaling acts on emulated SageMaker variants (patch ``autoscaling.py``).

AWS docs cited per test: Application Auto Scaling User Guide ("How target tracking
scaling works", "RegisterScalableTarget", "DeregisterScalableTarget") and the SageMaker
developer guide ("Update endpoints that use auto scaling", "Delete endpoints configured
for auto scaling"). The metric minute is AWS's own; tests move the emulator's clock
forward a minute at a time (``clock.travel``) instead of waiting, so what they check does
not depend on how fast a loaded machine sends traffic.
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from botocore.exceptions import ClientError

from mlm.aws.clients import ClientFactory
from mlm.emulator.patches import clock
from mlm.settings import Settings
from tests.emulator.conftest import Hosting
from tests.polling import poll

MINUTE = 60.0
DIM = "sagemaker:variant:DesiredInstanceCount"
INVOCATIONS = "SageMakerVariantInvocationsPerInstance"


@pytest.fixture
def aas(emulator_settings: Settings) -> Any:
    return ClientFactory(emulator_settings).client("application-autoscaling")


@pytest.fixture
def endpoint(hosting: Hosting) -> str:
    name = hosting.endpoint()
    hosting.wait(name, "InService")
    return name


def _rid(endpoint: str, variant: str = "primary") -> str:
    return f"endpoint/{endpoint}/variant/{variant}"


def _register(aas: Any, endpoint: str, low: int = 1, high: int = 3) -> None:
    aas.register_scalable_target(
        ServiceNamespace="sagemaker",
        ResourceId=_rid(endpoint),
        ScalableDimension=DIM,
        MinCapacity=low,
        MaxCapacity=high,
    )


def _track(aas: Any, endpoint: str, target: float, out_s: int = 0, in_s: int = 0) -> None:
    aas.put_scaling_policy(
        PolicyName="track",
        ServiceNamespace="sagemaker",
        ResourceId=_rid(endpoint),
        ScalableDimension=DIM,
        PolicyType="TargetTrackingScaling",
        TargetTrackingScalingPolicyConfiguration={
            "TargetValue": target,
            "PredefinedMetricSpecification": {"PredefinedMetricType": INVOCATIONS},
            "ScaleOutCooldown": out_s,
            "ScaleInCooldown": in_s,
        },
    )


def _traffic(runtime: Any, endpoint: str, minutes: int, per_minute: int) -> None:
    """``per_minute`` requests in each of ``minutes`` metric minutes, the last one now.

    Target tracking evaluates when the endpoint is next read, over the periods up to then.
    """
    for minute in range(minutes):
        if minute:
            clock.travel(MINUTE)
        for _ in range(per_minute):
            runtime.invoke_endpoint(
                EndpointName=endpoint, Body=b"{}", ContentType="application/json"
            )


def _desired(hosting: Hosting, endpoint: str) -> int:
    described = hosting.sm.describe_endpoint(EndpointName=endpoint)
    return int(described["ProductionVariants"][0]["DesiredInstanceCount"])


def _activities(aas: Any, endpoint: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = aas.describe_scaling_activities(
        ServiceNamespace="sagemaker", ResourceId=_rid(endpoint), ScalableDimension=DIM
    )["ScalingActivities"]
    return found


def _scaled_to_three(
    aas: Any, hosting: Hosting, runtime: Any, endpoint: str, high: int = 3, out_s: int = 0
) -> None:
    """One instance serving 6 requests a minute, target 2: ceil(1 x 6 / 2) = 3 instances."""
    _register(aas, endpoint, low=1, high=high)
    _track(aas, endpoint, target=2, out_s=out_s)
    _traffic(runtime, endpoint, minutes=3, per_minute=6)
    assert _desired(hosting, endpoint) == 3
    hosting.wait(endpoint, "InService")
    clock.travel(MINUTE)


def test_registering_a_variant_of_no_endpoint_is_refused(aas: Any, prefix: str) -> None:
    with pytest.raises(ClientError) as caught:
        _register(aas, f"{prefix}-nothing")
    assert caught.value.response["Error"]["Code"] == "ValidationException"


def test_registering_an_unknown_variant_is_refused(aas: Any, endpoint: str) -> None:
    with pytest.raises(ClientError) as caught:
        aas.register_scalable_target(
            ServiceNamespace="sagemaker",
            ResourceId=_rid(endpoint, "nope"),
            ScalableDimension=DIM,
            MinCapacity=1,
            MaxCapacity=2,
        )
    assert "does not exist" in caught.value.response["Error"]["Message"]


def test_a_minimum_above_the_current_count_scales_out_to_it_at_once(
    aas: Any, hosting: Hosting, endpoint: str
) -> None:
    # RegisterScalableTarget: a current capacity outside the new range is brought inside it.
    _register(aas, endpoint, low=2, high=4)
    assert _desired(hosting, endpoint) == 2
    [activity] = _activities(aas, endpoint)
    assert activity["Cause"] == "minimum capacity was set to 2"
    assert activity["Description"] == "Setting desired instance count to 2."


def test_a_scaling_policy_needs_a_registered_target(aas: Any, endpoint: str) -> None:
    with pytest.raises(ClientError) as caught:
        _track(aas, endpoint, 5)
    assert caught.value.response["Error"]["Code"] == "ObjectNotFoundException"


def test_invocations_above_the_target_for_three_periods_scale_out_in_proportion(
    aas: Any, hosting: Hosting, runtime: Any, endpoint: str
) -> None:
    # Target tracking: above the target for 3 datapoints → ceil(current x metric / target).
    _register(aas, endpoint, low=1, high=10)
    _track(aas, endpoint, target=2)
    _traffic(runtime, endpoint, minutes=3, per_minute=3)
    assert _desired(hosting, endpoint) == 2
    [activity] = _activities(aas, endpoint)
    assert "AlarmHigh" in activity["Cause"]
    assert "triggered policy track" in activity["Cause"]
    hosting.wait(endpoint, "InService")
    assert _activities(aas, endpoint)[0]["StatusCode"] == "Successful"


def test_reads_within_one_period_do_not_scale_again(
    aas: Any, hosting: Hosting, runtime: Any, endpoint: str
) -> None:
    """CloudWatch evaluates the policy's alarm once a period, not at every read: with no
    cooldown, the endpoint read again in the same minute (in service again) keeps its
    count; the next minute, still above the target, scales again."""
    _register(aas, endpoint, low=1, high=10)
    _track(aas, endpoint, target=2)
    _traffic(runtime, endpoint, minutes=3, per_minute=3)
    assert _desired(hosting, endpoint) == 2
    hosting.wait(endpoint, "InService")
    assert (_desired(hosting, endpoint), len(_activities(aas, endpoint))) == (2, 1)
    clock.travel(MINUTE)
    _traffic(runtime, endpoint, minutes=1, per_minute=6)  # 3 a minute per instance of 2
    assert _desired(hosting, endpoint) == 3


def test_two_periods_above_the_target_do_not_scale_out(
    aas: Any, hosting: Hosting, runtime: Any, endpoint: str
) -> None:
    _register(aas, endpoint, low=1, high=10)
    _track(aas, endpoint, target=2)
    _traffic(runtime, endpoint, minutes=2, per_minute=6)
    assert _desired(hosting, endpoint) == 1
    assert _activities(aas, endpoint) == []


def test_a_scale_out_stops_at_the_maximum(
    aas: Any, hosting: Hosting, runtime: Any, endpoint: str
) -> None:
    _register(aas, endpoint, low=1, high=3)
    _track(aas, endpoint, target=2)
    _traffic(runtime, endpoint, minutes=3, per_minute=20)  # ceil(20 / 2) = 10 wanted
    assert _desired(hosting, endpoint) == 3


def test_no_second_scale_out_within_the_scale_out_cooldown(
    aas: Any, hosting: Hosting, runtime: Any, endpoint: str
) -> None:
    _scaled_to_three(aas, hosting, runtime, endpoint, high=10, out_s=3600)
    _traffic(runtime, endpoint, minutes=3, per_minute=12)  # 4 per instance: 6 wanted
    assert _desired(hosting, endpoint) == 3
    assert len(_activities(aas, endpoint)) == 1


def test_a_second_scale_out_after_the_cooldown_goes_ahead(
    aas: Any, hosting: Hosting, runtime: Any, endpoint: str
) -> None:
    _scaled_to_three(aas, hosting, runtime, endpoint, high=10, out_s=3600)
    clock.travel(3600)
    _traffic(runtime, endpoint, minutes=3, per_minute=12)
    assert _desired(hosting, endpoint) == 6
    assert len(_activities(aas, endpoint)) == 2


def test_light_traffic_below_90_percent_of_the_target_scales_back_in(
    aas: Any, hosting: Hosting, runtime: Any, endpoint: str
) -> None:
    # Below 90 % of the target for 15 datapoints → ceil(current x metric / target), at
    # least the minimum: one request a minute on 3 instances is 1/3 per period.
    _scaled_to_three(aas, hosting, runtime, endpoint)
    _traffic(runtime, endpoint, minutes=15, per_minute=1)
    assert _desired(hosting, endpoint) == 1
    assert "AlarmLow" in _activities(aas, endpoint)[0]["Cause"]


def test_fourteen_light_periods_do_not_scale_in(
    aas: Any, hosting: Hosting, runtime: Any, endpoint: str
) -> None:
    _scaled_to_three(aas, hosting, runtime, endpoint)
    _traffic(runtime, endpoint, minutes=14, per_minute=1)
    assert _desired(hosting, endpoint) == 3


def test_an_idle_variant_keeps_its_instances_on_missing_data(
    aas: Any, hosting: Hosting, runtime: Any, endpoint: str
) -> None:
    # Missing datapoints leave the scale-in alarm INSUFFICIENT_DATA: no scale-in.
    _scaled_to_three(aas, hosting, runtime, endpoint)
    clock.travel(16 * MINUTE)
    assert _desired(hosting, endpoint) == 3


def test_changing_the_instance_type_of_a_scalable_variant_is_refused(
    aas: Any, hosting: Hosting, endpoint: str
) -> None:
    _register(aas, endpoint)
    bigger = hosting.config(suffix="c2", instance_type="ml.g5.12xlarge")
    with pytest.raises(ClientError) as caught:
        hosting.sm.update_endpoint(EndpointName=endpoint, EndpointConfigName=bigger)
    assert "deregister them" in caught.value.response["Error"]["Message"]


def test_the_same_instance_type_updates_while_the_variant_scales(
    aas: Any, hosting: Hosting, endpoint: str
) -> None:
    _register(aas, endpoint)
    same = hosting.config(suffix="c2")
    hosting.sm.update_endpoint(EndpointName=endpoint, EndpointConfigName=same)
    assert hosting.wait(endpoint, "InService")["EndpointConfigName"] == same


def test_deregistering_deletes_the_targets_policies_and_scheduled_actions(
    aas: Any, endpoint: str
) -> None:
    _register(aas, endpoint)
    _track(aas, endpoint, target=70)
    aas.put_scheduled_action(
        ServiceNamespace="sagemaker",
        ScheduledActionName="mornings",
        ResourceId=_rid(endpoint),
        ScalableDimension=DIM,
        Schedule="cron(0 8 * * ? *)",
        ScalableTargetAction={"MinCapacity": 2},
    )
    aas.deregister_scalable_target(
        ServiceNamespace="sagemaker", ResourceId=_rid(endpoint), ScalableDimension=DIM
    )
    scope = {"ServiceNamespace": "sagemaker", "ResourceId": _rid(endpoint)}
    assert aas.describe_scaling_policies(**scope)["ScalingPolicies"] == []
    assert aas.describe_scheduled_actions(**scope)["ScheduledActions"] == []


def test_policies_are_matched_by_their_exact_resource_id(aas: Any, hosting: Hosting) -> None:
    two = hosting.config(suffix="c2")
    hosting.sm.create_endpoint(EndpointName=f"{hosting.prefix}-e2", EndpointConfigName=two)
    first = hosting.endpoint()
    hosting.wait(first, "InService")
    hosting.wait(f"{hosting.prefix}-e2", "InService")
    _register(aas, first)
    _track(aas, first, target=70)
    # "endpoint/<p>-e/…" is a substring of nothing else, but "<p>-e" is a prefix of "<p>-e2".
    other = aas.describe_scaling_policies(
        ServiceNamespace="sagemaker", ResourceId=_rid(f"{hosting.prefix}-e2")
    )
    assert other["ScalingPolicies"] == []


def test_deleting_the_endpoint_deregisters_its_variants(
    aas: Any, hosting: Hosting, endpoint: str
) -> None:
    _register(aas, endpoint)
    hosting.sm.delete_endpoint(EndpointName=endpoint)
    targets = aas.describe_scalable_targets(
        ServiceNamespace="sagemaker", ResourceIds=[_rid(endpoint)]
    )
    assert targets["ScalableTargets"] == []


def test_each_invocation_publishes_one_over_the_instances_serving(
    hosting: Hosting, runtime: Any, emulator_settings: Settings
) -> None:
    name = hosting.endpoint(config=hosting.config(count=4))
    hosting.wait(name, "InService")
    runtime.invoke_endpoint(EndpointName=name, Body=b"{}", ContentType="application/json")
    cw = ClientFactory(emulator_settings).cloudwatch()
    stats = poll(
        lambda: cw.get_metric_statistics(
            Namespace="AWS/SageMaker",
            MetricName="InvocationsPerInstance",
            Dimensions=[
                {"Name": "EndpointName", "Value": name},
                {"Name": "VariantName", "Value": "primary"},
            ],
            StartTime=time.time() - 300,
            EndTime=time.time() + 60,
            Period=60,
            Statistics=["Sum"],
        )["Datapoints"],
        lambda points: bool(points),
        "InvocationsPerInstance to be published",
    )
    assert sum(p["Sum"] for p in stats) == pytest.approx(0.25)
