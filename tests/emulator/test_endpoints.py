"""Endpoint lifecycle through boto3: transitions, updates, deletes and failure injection."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ClientError

from mlm.emulator.patches import FAILURE_ENV
from tests.conftest import Transitions
from tests.emulator.conftest import IMAGE, Hosting

FAIL = {FAILURE_ENV: "CUDA out of memory"}


def _variant(described: dict[str, Any]) -> dict[str, Any]:
    variant: dict[str, Any] = described["ProductionVariants"][0]
    return variant


def test_endpoint_is_creating_then_in_service(
    sm: Any, hosting: Hosting, transitions: Transitions
) -> None:
    transitions.hold()
    name = hosting.endpoint()
    creating = sm.describe_endpoint(EndpointName=name)
    transitions.release()
    in_service = sm.describe_endpoint(EndpointName=name)
    assert creating["EndpointStatus"] == "Creating"
    assert in_service["EndpointStatus"] == "InService"


def test_endpoint_reaches_in_service_after_the_configured_delay(hosting: Hosting) -> None:
    name = hosting.endpoint()
    assert hosting.wait(name, "InService")["EndpointName"] == name


def test_listed_endpoint_shows_the_computed_status(
    sm: Any, hosting: Hosting, transitions: Transitions
) -> None:
    transitions.hold()
    name = hosting.endpoint()
    listed = sm.list_endpoints(NameContains=name, StatusEquals="Creating")["Endpoints"]
    assert [(e["EndpointName"], e["EndpointStatus"]) for e in listed] == [(name, "Creating")]


def _refusal(excinfo: pytest.ExceptionInfo[ClientError]) -> tuple[str, str]:
    error = excinfo.value.response["Error"]
    return str(error["Code"]), str(error["Message"])


def test_duplicate_create_endpoint_is_rejected(sm: Any, hosting: Hosting) -> None:
    """AWS CreateEndpoint with a name in use: ValidationException
    'Cannot create already existing endpoint "<endpoint arn>".' (moto overwrote it)."""
    config = hosting.config()
    name = hosting.endpoint(config)
    arn = sm.describe_endpoint(EndpointName=name)["EndpointArn"]
    with pytest.raises(ClientError) as excinfo:
        sm.create_endpoint(EndpointName=name, EndpointConfigName=config)
    assert _refusal(excinfo) == (
        "ValidationException",
        f'Cannot create already existing endpoint "{arn}".',
    )


def test_endpoint_with_a_missing_config_is_rejected(sm: Any, hosting: Hosting) -> None:
    with pytest.raises(ClientError, match="Could not find endpoint configuration"):
        sm.create_endpoint(EndpointName=f"{hosting.prefix}-e", EndpointConfigName="nope")


def test_in_service_variant_reports_images_weights_and_counts(hosting: Hosting) -> None:
    name = hosting.endpoint(hosting.config(count=2))
    variant = _variant(hosting.wait(name, "InService"))
    assert variant["VariantName"] == "primary"
    assert [image["SpecifiedImage"] for image in variant["DeployedImages"]] == [IMAGE]
    assert (variant["CurrentWeight"], variant["DesiredWeight"]) == (1.0, 1.0)
    assert (variant["CurrentInstanceCount"], variant["DesiredInstanceCount"]) == (2, 2)
    assert "CurrentServerlessConfig" not in variant


def test_creating_variant_has_desired_but_no_current_count(
    sm: Any, hosting: Hosting, transitions: Transitions
) -> None:
    transitions.hold()
    variant = _variant(sm.describe_endpoint(EndpointName=hosting.endpoint()))
    assert variant["DesiredInstanceCount"] == 1
    assert "CurrentInstanceCount" not in variant


def test_endpoint_shows_its_config_metrics_config(hosting: Hosting) -> None:
    metrics = {"EnableEnhancedMetrics": True, "MetricPublishFrequencyInSeconds": 60}
    name = hosting.endpoint(hosting.config(MetricsConfig=metrics))
    assert hosting.wait(name, "InService")["MetricsConfig"] == metrics


def test_update_endpoint_is_updating_then_in_service_on_the_new_config(
    sm: Any, hosting: Hosting, transitions: Transitions
) -> None:
    name = hosting.endpoint()
    before = hosting.wait(name, "InService")
    new_config = hosting.config("c2", instance_type="ml.g6e.12xlarge", count=3)
    transitions.hold()
    sm.update_endpoint(EndpointName=name, EndpointConfigName=new_config)
    updating = sm.describe_endpoint(EndpointName=name)
    transitions.release()
    after = sm.describe_endpoint(EndpointName=name)
    assert updating["EndpointStatus"] == "Updating"
    assert updating["EndpointConfigName"] == new_config
    assert updating["PendingDeploymentSummary"]["EndpointConfigName"] == new_config
    assert updating["LastModifiedTime"] > before["LastModifiedTime"]
    assert (after["EndpointStatus"], after["EndpointConfigName"]) == ("InService", new_config)
    assert "PendingDeploymentSummary" not in after


def test_updating_variant_keeps_current_count_until_done(
    sm: Any, hosting: Hosting, transitions: Transitions
) -> None:
    name = hosting.endpoint()
    hosting.wait(name, "InService")
    transitions.hold()
    sm.update_endpoint(EndpointName=name, EndpointConfigName=hosting.config("c2", count=3))
    during = _variant(sm.describe_endpoint(EndpointName=name))
    transitions.release()
    after = _variant(sm.describe_endpoint(EndpointName=name))
    assert (during["CurrentInstanceCount"], during["DesiredInstanceCount"]) == (1, 3)
    assert (after["CurrentInstanceCount"], after["DesiredInstanceCount"]) == (3, 3)


def test_update_endpoint_records_the_deployment_config(sm: Any, hosting: Hosting) -> None:
    name = hosting.endpoint()
    hosting.wait(name, "InService")
    deployment = {
        "BlueGreenUpdatePolicy": {
            "TrafficRoutingConfiguration": {"Type": "ALL_AT_ONCE", "WaitIntervalInSeconds": 0},
            "TerminationWaitInSeconds": 0,
        }
    }
    sm.update_endpoint(
        EndpointName=name, EndpointConfigName=hosting.config("c2"), DeploymentConfig=deployment
    )
    assert hosting.wait(name, "InService")["LastDeploymentConfig"] == deployment


def test_update_endpoint_can_retain_the_current_instance_count(sm: Any, hosting: Hosting) -> None:
    name = hosting.endpoint()
    hosting.wait(name, "InService")
    sm.update_endpoint_weights_and_capacities(
        EndpointName=name,
        DesiredWeightsAndCapacities=[{"VariantName": "primary", "DesiredInstanceCount": 4}],
    )
    hosting.wait(name, "InService")
    sm.update_endpoint(
        EndpointName=name,
        EndpointConfigName=hosting.config("c2", count=1),
        RetainAllVariantProperties=True,
    )
    assert _variant(hosting.wait(name, "InService"))["CurrentInstanceCount"] == 4


def test_update_endpoint_is_refused_while_creating(
    sm: Any, hosting: Hosting, transitions: Transitions
) -> None:
    """AWS UpdateEndpoint on an endpoint that is not InService: ValidationException
    'Cannot update in-progress endpoint "<endpoint arn>".'"""
    transitions.hold()
    name = hosting.endpoint()
    arn = sm.describe_endpoint(EndpointName=name)["EndpointArn"]
    with pytest.raises(ClientError) as excinfo:
        sm.update_endpoint(EndpointName=name, EndpointConfigName=hosting.config("c2"))
    assert _refusal(excinfo) == (
        "ValidationException",
        f'Cannot update in-progress endpoint "{arn}".',
    )


def test_update_endpoint_is_refused_while_updating(
    sm: Any, hosting: Hosting, transitions: Transitions
) -> None:
    """AWS UpdateEndpoint while an update runs: the same in-progress ValidationException."""
    name = hosting.endpoint()
    arn = hosting.wait(name, "InService")["EndpointArn"]
    transitions.hold()
    sm.update_endpoint(EndpointName=name, EndpointConfigName=hosting.config("c2"))
    with pytest.raises(ClientError) as excinfo:
        sm.update_endpoint(EndpointName=name, EndpointConfigName=hosting.config("c3"))
    assert _refusal(excinfo) == (
        "ValidationException",
        f'Cannot update in-progress endpoint "{arn}".',
    )
    assert sm.describe_endpoint(EndpointName=name)["EndpointConfigName"] == f"{hosting.prefix}-c2"


def test_update_of_a_failed_endpoint_is_refused(sm: Any, hosting: Hosting) -> None:
    """AWS UpdateEndpoint on a Failed endpoint: ValidationException
    'Cannot update failed endpoint "<endpoint arn>".' (delete it and create it again)."""
    name = hosting.endpoint(hosting.config(model=hosting.model(environment=FAIL)))
    arn = hosting.wait(name, "Failed")["EndpointArn"]
    with pytest.raises(ClientError) as excinfo:
        sm.update_endpoint(EndpointName=name, EndpointConfigName=hosting.config("c2"))
    assert _refusal(excinfo) == ("ValidationException", f'Cannot update failed endpoint "{arn}".')


def test_update_endpoint_with_a_missing_config_is_rejected(sm: Any, hosting: Hosting) -> None:
    name = hosting.endpoint()
    hosting.wait(name, "InService")
    with pytest.raises(ClientError, match="Could not find endpoint configuration"):
        sm.update_endpoint(EndpointName=name, EndpointConfigName="nope")


def test_weights_and_capacities_update_is_updating_then_applied(
    sm: Any, hosting: Hosting, transitions: Transitions
) -> None:
    name = hosting.endpoint()
    hosting.wait(name, "InService")
    transitions.hold()
    sm.update_endpoint_weights_and_capacities(
        EndpointName=name,
        DesiredWeightsAndCapacities=[{"VariantName": "primary", "DesiredInstanceCount": 2}],
    )
    during = sm.describe_endpoint(EndpointName=name)
    transitions.release()
    after = _variant(sm.describe_endpoint(EndpointName=name))
    assert during["EndpointStatus"] == "Updating"
    assert _variant(during)["CurrentInstanceCount"] == 1
    assert (after["CurrentInstanceCount"], after["DesiredInstanceCount"]) == (2, 2)
    assert after["CurrentWeight"] == 1.0


def test_weights_and_capacities_update_is_refused_while_creating(
    sm: Any, hosting: Hosting, transitions: Transitions
) -> None:
    """AWS UpdateEndpointWeightsAndCapacities on an endpoint that is not InService:
    ValidationException 'Cannot update in-progress endpoint "<endpoint arn>".'"""
    transitions.hold()
    name = hosting.endpoint()
    arn = sm.describe_endpoint(EndpointName=name)["EndpointArn"]
    with pytest.raises(ClientError) as excinfo:
        sm.update_endpoint_weights_and_capacities(
            EndpointName=name,
            DesiredWeightsAndCapacities=[{"VariantName": "primary", "DesiredWeight": 2.0}],
        )
    assert _refusal(excinfo) == (
        "ValidationException",
        f'Cannot update in-progress endpoint "{arn}".',
    )


def test_weights_and_capacities_update_is_refused_while_updating(
    sm: Any, hosting: Hosting, transitions: Transitions
) -> None:
    """AWS UpdateEndpointWeightsAndCapacities while a capacity change runs: the same
    in-progress ValidationException, and the first change is the one that lands."""
    name = hosting.endpoint()
    arn = hosting.wait(name, "InService")["EndpointArn"]
    transitions.hold()
    wanted = [{"VariantName": "primary", "DesiredInstanceCount": 2}]
    sm.update_endpoint_weights_and_capacities(EndpointName=name, DesiredWeightsAndCapacities=wanted)
    with pytest.raises(ClientError) as excinfo:
        sm.update_endpoint_weights_and_capacities(
            EndpointName=name,
            DesiredWeightsAndCapacities=[{"VariantName": "primary", "DesiredInstanceCount": 5}],
        )
    transitions.release()
    assert _refusal(excinfo) == (
        "ValidationException",
        f'Cannot update in-progress endpoint "{arn}".',
    )
    assert _variant(sm.describe_endpoint(EndpointName=name))["CurrentInstanceCount"] == 2


def test_weights_and_capacities_update_of_a_failed_endpoint_is_refused(
    sm: Any, hosting: Hosting
) -> None:
    """AWS: a Failed endpoint takes no update of any kind ("Cannot update failed endpoint")."""
    name = hosting.endpoint(hosting.config(model=hosting.model(environment=FAIL)))
    arn = hosting.wait(name, "Failed")["EndpointArn"]
    with pytest.raises(ClientError) as excinfo:
        sm.update_endpoint_weights_and_capacities(
            EndpointName=name,
            DesiredWeightsAndCapacities=[{"VariantName": "primary", "DesiredWeight": 2.0}],
        )
    assert _refusal(excinfo) == ("ValidationException", f'Cannot update failed endpoint "{arn}".')


def test_weights_and_capacities_update_needs_a_known_variant(sm: Any, hosting: Hosting) -> None:
    name = hosting.endpoint()
    hosting.wait(name, "InService")
    with pytest.raises(ClientError, match="not present within endpoint configuration"):
        sm.update_endpoint_weights_and_capacities(
            EndpointName=name,
            DesiredWeightsAndCapacities=[{"VariantName": "shadow", "DesiredWeight": 2.0}],
        )


def test_endpoint_is_deleting_then_gone(
    sm: Any, hosting: Hosting, transitions: Transitions
) -> None:
    name = hosting.endpoint()
    hosting.wait(name, "InService")
    transitions.hold()
    sm.delete_endpoint(EndpointName=name)
    deleting = sm.describe_endpoint(EndpointName=name)["EndpointStatus"]
    transitions.release()
    with pytest.raises(ClientError, match="Could not find endpoint") as excinfo:
        sm.describe_endpoint(EndpointName=name)
    assert deleting == "Deleting"
    assert excinfo.value.response["Error"]["Code"] == "ValidationException"


def test_deleted_endpoint_leaves_the_list(sm: Any, hosting: Hosting) -> None:
    name = hosting.endpoint()
    hosting.wait(name, "InService")
    sm.delete_endpoint(EndpointName=name)
    hosting.wait_gone(name)
    assert sm.list_endpoints(NameContains=name)["Endpoints"] == []


def test_delete_is_refused_while_creating(
    sm: Any, hosting: Hosting, transitions: Transitions
) -> None:
    """AWS DeleteEndpoint on a Creating endpoint: ValidationException
    'Cannot update in-progress endpoint "<endpoint arn>".' (wait for InService or Failed);
    the endpoint carries on being created."""
    transitions.hold()
    name = hosting.endpoint()
    arn = sm.describe_endpoint(EndpointName=name)["EndpointArn"]
    with pytest.raises(ClientError) as excinfo:
        sm.delete_endpoint(EndpointName=name)
    transitions.release()
    assert _refusal(excinfo) == (
        "ValidationException",
        f'Cannot update in-progress endpoint "{arn}".',
    )
    assert sm.describe_endpoint(EndpointName=name)["EndpointStatus"] == "InService"


def test_delete_is_refused_while_updating(
    sm: Any, hosting: Hosting, transitions: Transitions
) -> None:
    """AWS DeleteEndpoint while an update runs: the same in-progress ValidationException."""
    name = hosting.endpoint()
    arn = hosting.wait(name, "InService")["EndpointArn"]
    transitions.hold()
    sm.update_endpoint(EndpointName=name, EndpointConfigName=hosting.config("c2"))
    with pytest.raises(ClientError) as excinfo:
        sm.delete_endpoint(EndpointName=name)
    assert _refusal(excinfo) == (
        "ValidationException",
        f'Cannot update in-progress endpoint "{arn}".',
    )
    assert sm.describe_endpoint(EndpointName=name)["EndpointStatus"] == "Updating"


def test_a_repeated_delete_while_deleting_changes_nothing(
    sm: Any, hosting: Hosting, transitions: Transitions
) -> None:
    """DeleteEndpoint again while Deleting is accepted and the deletion goes on."""
    name = hosting.endpoint()
    hosting.wait(name, "InService")
    transitions.hold()
    sm.delete_endpoint(EndpointName=name)
    sm.delete_endpoint(EndpointName=name)
    assert sm.describe_endpoint(EndpointName=name)["EndpointStatus"] == "Deleting"


def test_endpoint_name_is_taken_while_deleting(
    sm: Any, hosting: Hosting, transitions: Transitions
) -> None:
    """AWS CreateEndpoint while an endpoint of that name is Deleting: the name is still
    taken ('Cannot create already existing endpoint')."""
    config = hosting.config()
    name = hosting.endpoint(config)
    hosting.wait(name, "InService")
    transitions.hold()
    sm.delete_endpoint(EndpointName=name)
    with pytest.raises(ClientError, match="Cannot create already existing endpoint"):
        sm.create_endpoint(EndpointName=name, EndpointConfigName=config)


def test_injected_failure_fails_the_create(hosting: Hosting) -> None:
    model = hosting.model(environment=FAIL)
    name = hosting.endpoint(hosting.config(model=model))
    failed = hosting.wait(name, "Failed")
    assert failed["FailureReason"] == "CUDA out of memory"


def test_injected_failure_in_the_model_package_fails_the_create(sm: Any, hosting: Hosting) -> None:
    sm.create_model_package_group(ModelPackageGroupName=hosting.prefix)
    package = sm.create_model_package(
        ModelPackageGroupName=hosting.prefix,
        InferenceSpecification={"Containers": [{"Image": IMAGE, "Environment": FAIL}]},
    )["ModelPackageArn"]
    model = f"{hosting.prefix}-pm"
    sm.create_model(
        ModelName=model,
        ExecutionRoleArn=hosting.role_arn,
        Containers=[{"ModelPackageName": package}],
    )
    name = hosting.endpoint(hosting.config(model=model))
    failed = hosting.wait(name, "Failed")
    assert failed["FailureReason"] == "CUDA out of memory"
    assert [i["SpecifiedImage"] for i in _variant(failed)["DeployedImages"]] == [IMAGE]


def test_failed_update_rolls_back_to_the_old_config(
    sm: Any, hosting: Hosting, transitions: Transitions
) -> None:
    old_config = hosting.config(count=2)
    name = hosting.endpoint(old_config)
    hosting.wait(name, "InService")
    bad_config = hosting.config("bad", model=hosting.model("bad", environment=FAIL), count=5)
    transitions.hold()
    sm.update_endpoint(EndpointName=name, EndpointConfigName=bad_config)
    during = sm.describe_endpoint(EndpointName=name)["EndpointStatus"]
    transitions.release()
    after = sm.describe_endpoint(EndpointName=name)
    assert during == "Updating"
    assert after["EndpointStatus"] == "InService"
    assert after["EndpointConfigName"] == old_config
    assert after["FailureReason"] == "CUDA out of memory"
    assert _variant(after)["CurrentInstanceCount"] == 2


def test_failed_endpoint_can_still_be_deleted(sm: Any, hosting: Hosting) -> None:
    """AWS: DeleteEndpoint is what a Failed endpoint accepts."""
    name = hosting.endpoint(hosting.config(model=hosting.model(environment=FAIL)))
    hosting.wait(name, "Failed")
    sm.delete_endpoint(EndpointName=name)
    hosting.wait_gone(name)
    assert sm.list_endpoints(NameContains=name)["Endpoints"] == []
