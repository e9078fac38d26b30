"""Blue/green rollouts step by step, watched by alarms (patch ``rollouts.py``).

AWS docs cited per test: SageMaker developer guide, "Blue/Green Deployments", "Use
all at once traffic shifting", "Use canary traffic shifting", "Use linear traffic
shifting", "Auto-Rollback Configuration and Monitoring", and the UpdateEndpoint API
reference (BlueGreenUpdatePolicy, MaximumExecutionTimeoutInSeconds); for rolling updates
"Use rolling deployments" and the RollingUpdatePolicy API reference. Waits are AWS
seconds; tests move the emulator's clock (``clock.travel``) instead of waiting.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from botocore.exceptions import ClientError

from mlm.emulator.patches import clock, rollouts
from mlm.emulator.patches.failures import MODEL_ERROR_ENV
from tests.conftest import Transitions
from tests.emulator.conftest import Hosting
from tests.polling import poll

MINUTE = 60.0
BAKE = 300


@pytest.fixture
def endpoint(hosting: Hosting) -> str:
    """In service on model ``old``, two instances."""
    name = hosting.endpoint(hosting.config("c1", model=hosting.model("old"), count=2))
    hosting.wait(name, "InService")
    return name


@pytest.fixture
def good(hosting: Hosting) -> str:
    return hosting.config("c2", model=hosting.model("new"), count=2)


@pytest.fixture
def faulty(hosting: Hosting) -> str:
    model = hosting.model("bad", environment={MODEL_ERROR_ENV: "500 CUDA out of memory"})
    return hosting.config("c3", model=model, count=2)


@pytest.fixture
def alarm(cloudwatch: Any, endpoint: str) -> str:
    """Any 5xx of the variant in a minute trips it."""
    name = f"{endpoint}-5xx"
    cloudwatch.put_metric_alarm(
        AlarmName=name,
        Namespace="AWS/SageMaker",
        MetricName="Invocation5XXErrors",
        Dimensions=[
            {"Name": "EndpointName", "Value": endpoint},
            {"Name": "VariantName", "Value": "primary"},
        ],
        Statistic="Sum",
        Period=60,
        EvaluationPeriods=1,
        Threshold=0,
        ComparisonOperator="GreaterThanThreshold",
        TreatMissingData="notBreaching",
    )
    return name


def _policy(
    routing: dict[str, Any], alarms: list[str], termination_s: int = 0, **more: Any
) -> dict[str, Any]:
    config: dict[str, Any] = {
        "BlueGreenUpdatePolicy": {
            "TrafficRoutingConfiguration": routing,
            "TerminationWaitInSeconds": termination_s,
            **more,
        }
    }
    if alarms:
        config["AutoRollbackConfiguration"] = {"Alarms": [{"AlarmName": a} for a in alarms]}
    return config


def _canary(percent: int = 50, wait_s: int = BAKE) -> dict[str, Any]:
    return {
        "Type": "CANARY",
        "WaitIntervalInSeconds": wait_s,
        "CanarySize": {"Type": "CAPACITY_PERCENT", "Value": percent},
    }


def _update(hosting: Hosting, endpoint: str, config: str, deployment: dict[str, Any]) -> None:
    hosting.sm.update_endpoint(
        EndpointName=endpoint, EndpointConfigName=config, DeploymentConfig=deployment
    )


def _variant_status(hosting: Hosting, endpoint: str) -> dict[str, Any]:
    described = hosting.sm.describe_endpoint(EndpointName=endpoint)
    status: dict[str, Any] = described["ProductionVariants"][0]["VariantStatus"][-1]
    return status


def _wait_for_variant(hosting: Hosting, endpoint: str, status: str) -> dict[str, Any]:
    found: dict[str, Any] = poll(
        lambda: _variant_status(hosting, endpoint),
        lambda s: s["Status"] == status,
        f"{endpoint}'s variant to be {status}",
        interval_s=0.02,
    )
    return found


def _served_by(runtime: Any, endpoint: str, count: int) -> Counter[str]:
    """Which SageMaker model answered each of ``count`` invocations (``ModelError``: a 5xx)."""
    found: Counter[str] = Counter()
    for _ in range(count):
        try:
            answer = runtime.invoke_endpoint(
                EndpointName=endpoint, Body=b"{}", ContentType="application/json"
            )
        except ClientError as error:
            found[error.response["Error"]["Code"]] += 1  # ModelError: the model's 5xx
            continue
        found[json.loads(answer["Body"].read())["model"]["name"].rsplit("-", 1)[-1]] += 1
    return found


def test_a_canary_serves_its_share_while_baking(
    hosting: Hosting, runtime: Any, endpoint: str, good: str
) -> None:
    """Canary: "SageMaker routes a portion of the incoming traffic (for example, 25%) to
    the canary. Then the baking period begins"; both fleets serve meanwhile."""
    _update(hosting, endpoint, good, _policy(_canary(50), []))
    baking = _wait_for_variant(hosting, endpoint, "Baking")
    assert baking["StatusMessage"].startswith("Step 1 of 2: 50% of traffic on the new fleet")
    served = _served_by(runtime, endpoint, 60)
    assert set(served) == {"old", "new"}
    assert 10 <= served["new"] <= 50


def test_a_canary_shifts_the_rest_after_baking_and_completes(
    hosting: Hosting, runtime: Any, endpoint: str, good: str, alarm: str
) -> None:
    """Canary: "Once the baking period finishes and no pre-specified CloudWatch alarms
    trip, the rest of the traffic shifts"; the old fleet goes after TerminationWait."""
    _update(hosting, endpoint, good, _policy(_canary(50), [alarm], termination_s=120))
    _wait_for_variant(hosting, endpoint, "Baking")
    _served_by(runtime, endpoint, 10)
    clock.travel(BAKE)
    shifted = _variant_status(hosting, endpoint)
    assert (shifted["Status"], shifted["StatusMessage"]) == (
        "ActivatingTraffic",
        "Step 2 of 2: 100% of traffic on the new fleet.",
    )
    assert _served_by(runtime, endpoint, 10) == Counter(new=10)
    clock.travel(120)
    done = hosting.wait(endpoint, "InService")
    assert done["EndpointConfigName"] == good
    assert "FailureReason" not in done


def test_an_alarm_during_a_canarys_baking_rolls_back_to_the_old_fleet(
    hosting: Hosting,
    runtime: Any,
    endpoint: str,
    faulty: str,
    alarm: str,
    transitions: Transitions,
) -> None:
    """Auto-rollback: "If any of your alarms trip during the specified monitoring period,
    SageMaker AI initiates a complete rollback to the old endpoint"."""
    _update(hosting, endpoint, faulty, _policy(_canary(50), [alarm]))
    _wait_for_variant(hosting, endpoint, "Baking")
    assert _served_by(runtime, endpoint, 30)["ModelError"] > 0
    transitions.hold()  # the rollback itself lasts a transition
    clock.travel(MINUTE)
    assert hosting.sm.describe_endpoint(EndpointName=endpoint)["EndpointStatus"] == "RollingBack"
    assert _served_by(runtime, endpoint, 10) == Counter(old=10)
    transitions.release()
    done = hosting.wait(endpoint, "InService")
    assert done["EndpointConfigName"].endswith("-c1")
    assert done["FailureReason"].startswith(
        f"Deployment rolled back: alarm {alarm} went into ALARM while step 1 of 2 was baking"
    )


def test_a_rollback_is_found_when_the_endpoint_is_read_only_after_the_rollout(
    hosting: Hosting, runtime: Any, endpoint: str, faulty: str, alarm: str
) -> None:
    """CloudWatch evaluates each period whether anyone looks: errors in the first minute
    of baking roll the update back even if nobody reads the endpoint until much later."""
    _update(hosting, endpoint, faulty, _policy(_canary(50), [alarm]))
    _wait_for_variant(hosting, endpoint, "Baking")
    _served_by(runtime, endpoint, 30)
    clock.travel(BAKE * 3)
    done = hosting.wait(endpoint, "InService")
    assert done["EndpointConfigName"].endswith("-c1")
    assert "alarm" in done["FailureReason"]


def test_a_faulty_canary_without_alarms_completes(
    hosting: Hosting, runtime: Any, endpoint: str, faulty: str
) -> None:
    """ "If you do not have any CloudWatch alarms set up to monitor your endpoint, then the
    auto-rollback functionality does not work during your deployment"."""
    _update(hosting, endpoint, faulty, _policy(_canary(50), []))
    _wait_for_variant(hosting, endpoint, "Baking")
    _served_by(runtime, endpoint, 10)
    clock.travel(BAKE)
    assert hosting.wait(endpoint, "InService")["EndpointConfigName"] == faulty


def test_linear_shifts_step_by_step(
    hosting: Hosting, runtime: Any, endpoint: str, good: str, alarm: str
) -> None:
    """Linear: traffic moves in LinearStepSize steps, each followed by a baking period,
    until the new fleet has all of it."""
    routing = {
        "Type": "LINEAR",
        "WaitIntervalInSeconds": BAKE,
        "LinearStepSize": {"Type": "INSTANCE_COUNT", "Value": 1},
    }
    _update(hosting, endpoint, good, _policy(routing, [alarm]))
    first = _wait_for_variant(hosting, endpoint, "Baking")
    assert first["StatusMessage"].startswith("Step 1 of 2: 50% of traffic")
    clock.travel(BAKE)
    done = hosting.wait(endpoint, "InService")
    assert done["EndpointConfigName"] == good


def test_all_at_once_bakes_with_every_request_on_the_new_fleet(
    hosting: Hosting, runtime: Any, endpoint: str, faulty: str, alarm: str
) -> None:
    """All at once: all traffic shifts, then one baking period under the alarms."""
    routing = {"Type": "ALL_AT_ONCE", "WaitIntervalInSeconds": BAKE}
    _update(hosting, endpoint, faulty, _policy(routing, [alarm]))
    _wait_for_variant(hosting, endpoint, "Baking")
    assert _served_by(runtime, endpoint, 5) == Counter(ModelError=5)
    clock.travel(MINUTE)
    assert hosting.wait(endpoint, "InService")["EndpointConfigName"].endswith("-c1")


def test_a_rollout_that_outlasts_its_maximum_execution_time_rolls_back(
    hosting: Hosting, endpoint: str, good: str
) -> None:
    """MaximumExecutionTimeoutInSeconds: "Maximum execution timeout for the deployment"."""
    deployment = _policy(_canary(50, wait_s=1200), [], MaximumExecutionTimeoutInSeconds=600)
    _update(hosting, endpoint, good, deployment)
    _wait_for_variant(hosting, endpoint, "Baking")
    clock.travel(600)
    done = hosting.wait(endpoint, "InService")
    assert done["EndpointConfigName"].endswith("-c1")
    assert "MaximumExecutionTimeoutInSeconds (600)" in done["FailureReason"]


# --- rolling updates -------------------------------------------------------------------


def _rolling(batch: int, wait_s: int = BAKE, alarms: list[str] | None = None) -> dict[str, Any]:
    config: dict[str, Any] = {
        "RollingUpdatePolicy": {
            "MaximumBatchSize": {"Type": "INSTANCE_COUNT", "Value": batch},
            "WaitIntervalInSeconds": wait_s,
        }
    }
    if alarms:
        config["AutoRollbackConfiguration"] = {"Alarms": [{"AlarmName": a} for a in alarms]}
    return config


def _wait_for_message(hosting: Hosting, endpoint: str, start: str) -> dict[str, Any]:
    found: dict[str, Any] = poll(
        lambda: _variant_status(hosting, endpoint),
        lambda s: s["Status"] == "Baking" and s["StatusMessage"].startswith(start),
        f"{endpoint}'s variant to bake with '{start}'",
        interval_s=0.02,
    )
    return found


def test_a_rolling_update_moves_a_batch_at_a_time_and_bakes_each(
    hosting: Hosting, runtime: Any, endpoint: str, good: str, alarm: str
) -> None:
    """Rolling: "SageMaker AI provisions the first batch of instances in the new fleet. A
    portion of traffic is shifted from the old instances to the first batch", it bakes,
    then a batch of the old fleet goes, "until the deployment is complete"."""
    _update(hosting, endpoint, good, _rolling(1, alarms=[alarm]))
    _wait_for_message(hosting, endpoint, "Step 1 of 2: 50% of traffic on the new fleet")
    served = _served_by(runtime, endpoint, 60)
    assert set(served) == {"old", "new"}
    clock.travel(BAKE)
    _wait_for_message(hosting, endpoint, "Step 2 of 2: 100% of traffic on the new fleet")
    assert _served_by(runtime, endpoint, 10) == Counter(new=10)
    assert hosting.sm.describe_endpoint(EndpointName=endpoint)["EndpointStatus"] == "Updating"
    clock.travel(BAKE)  # the last batch bakes too
    done = hosting.wait(endpoint, "InService")
    assert done["EndpointConfigName"] == good
    assert done["LastDeploymentConfig"]["RollingUpdatePolicy"]["MaximumBatchSize"]["Value"] == 1


def test_an_alarm_while_a_rolling_batch_bakes_rolls_back_to_the_old_fleet(
    hosting: Hosting, runtime: Any, endpoint: str, faulty: str, alarm: str
) -> None:
    """Rolling: "If an alarm is triggered during a baking period, then traffic is rolled
    back to the old fleet"."""
    _update(hosting, endpoint, faulty, _rolling(1, alarms=[alarm]))
    _wait_for_message(hosting, endpoint, "Step 1 of 2")
    assert _served_by(runtime, endpoint, 30)["ModelError"] > 0
    clock.travel(MINUTE)
    done = hosting.wait(endpoint, "InService")
    assert done["EndpointConfigName"].endswith("-c1")
    assert done["FailureReason"].startswith(
        f"Deployment rolled back: alarm {alarm} went into ALARM while step 1 of 2 was baking"
    )


@pytest.mark.parametrize(
    "size", [{"Type": "INSTANCE_COUNT", "Value": 2}, {"Type": "CAPACITY_PERCENT", "Value": 60}]
)
def test_a_rolling_batch_outside_5_to_50_percent_of_the_variant_is_refused(
    hosting: Hosting, endpoint: str, good: str, size: dict[str, Any]
) -> None:
    """RollingUpdatePolicy.MaximumBatchSize: "Value must be between 5% to 50% of the
    variant's total instance count"; a refused update changes nothing."""
    deployment = _rolling(1)
    deployment["RollingUpdatePolicy"]["MaximumBatchSize"] = size
    with pytest.raises(ClientError) as refused:
        _update(hosting, endpoint, good, deployment)
    assert refused.value.response["Error"]["Code"] == "ValidationException"
    assert "5% and 50%" in refused.value.response["Error"]["Message"]
    described = hosting.sm.describe_endpoint(EndpointName=endpoint)
    assert described["EndpointStatus"] == "InService"
    assert described["EndpointConfigName"].endswith("-c1")


def test_a_rollback_batch_size_brings_the_old_fleet_back_in_as_many_batches() -> None:
    """RollbackMaximumBatchSize: "Batch size for rollback to the old endpoint fleet ... If
    this field is absent, ... bring up the whole capacity of the old fleet at once"."""
    deployment = _rolling(1)
    at_once = rollouts.from_config(deployment, 4, clock.now(), "123456789012", "us-east-1")
    deployment["RollingUpdatePolicy"]["RollbackMaximumBatchSize"] = {
        "Type": "CAPACITY_PERCENT",
        "Value": 25,
    }
    batched = rollouts.from_config(deployment, 4, clock.now(), "123456789012", "us-east-1")
    assert at_once is not None
    assert batched is not None
    assert (at_once.steps, at_once.rollback_batches) == (4, 1)
    assert (batched.steps, batched.rollback_batches) == (4, 4)


def test_a_rollback_batch_may_bring_the_whole_old_fleet_back_at_once(
    hosting: Hosting, endpoint: str, good: str
) -> None:
    """RollbackMaximumBatchSize has no 5%-50% bound: its default is "100% of total
    capacity"."""
    deployment = _rolling(1)
    deployment["RollingUpdatePolicy"]["RollbackMaximumBatchSize"] = {
        "Type": "CAPACITY_PERCENT",
        "Value": 100,
    }
    _update(hosting, endpoint, good, deployment)
    _wait_for_message(hosting, endpoint, "Step 1 of 2")


def test_a_rolling_update_takes_as_many_steps_as_its_largest_variant_has_batches() -> None:
    """MaximumBatchSize is "between 5% to 50% of the variant's total instance count": each
    variant rolls by it, so a batch of one instance takes four steps for a variant of four,
    whatever the endpoint's other variants hold."""
    rollout = rollouts.from_config(
        _rolling(1), 6, clock.now(), "123456789012", "us-east-1", variant_instances=[4, 2]
    )
    assert rollout is not None
    assert rollout.steps == 4
