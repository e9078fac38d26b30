"""SageMaker models and endpoint configurations through boto3."""

from __future__ import annotations

from typing import Any

import botocore.session
import pytest
from botocore.exceptions import ClientError

from tests.emulator.conftest import IMAGE, Hosting


def _package_arn(sm: Any, prefix: str) -> str:
    sm.create_model_package_group(ModelPackageGroupName=prefix)
    arn: str = sm.create_model_package(
        ModelPackageGroupName=prefix, InferenceSpecification={"Containers": [{"Image": IMAGE}]}
    )["ModelPackageArn"]
    return arn


def test_model_from_a_model_package_describes_its_package(sm: Any, hosting: Hosting) -> None:
    package = _package_arn(sm, hosting.prefix)
    name = f"{hosting.prefix}-m"
    sm.create_model(
        ModelName=name,
        ExecutionRoleArn=hosting.role_arn,
        Containers=[{"ModelPackageName": package, "Environment": {"SM_NUM_GPUS": "4"}}],
    )
    container = sm.describe_model(ModelName=name)["Containers"][0]
    assert container == {"ModelPackageName": package, "Environment": {"SM_NUM_GPUS": "4"}}


def test_model_naming_a_missing_model_package_is_rejected(sm: Any, hosting: Hosting) -> None:
    missing = f"arn:aws:sagemaker:us-east-1:123456789012:model-package/{hosting.prefix}/1"
    with pytest.raises(ClientError, match="does not exist"):
        sm.create_model(
            ModelName=f"{hosting.prefix}-m",
            ExecutionRoleArn=hosting.role_arn,
            PrimaryContainer={"ModelPackageName": missing},
        )


def test_duplicate_model_is_rejected(sm: Any, hosting: Hosting) -> None:
    """AWS CreateModel with a name in use: ValidationException
    'Cannot create already existing model "<model arn>".'"""
    name = hosting.model()
    arn = sm.describe_model(ModelName=name)["ModelArn"]
    with pytest.raises(ClientError) as excinfo:
        sm.create_model(
            ModelName=name, ExecutionRoleArn=hosting.role_arn, PrimaryContainer={"Image": IMAGE}
        )
    error = excinfo.value.response["Error"]
    assert error["Code"] == "ValidationException"
    assert error["Message"] == f'Cannot create already existing model "{arn}".'


def test_models_are_listed_by_name_contains(sm: Any, hosting: Hosting) -> None:
    wanted = hosting.model("wanted")
    hosting.model("other")
    listed = sm.list_models(NameContains=f"{hosting.prefix}-want")["Models"]
    assert [m["ModelName"] for m in listed] == [wanted]


def test_deleted_model_is_gone(sm: Any, hosting: Hosting) -> None:
    name = hosting.model()
    sm.delete_model(ModelName=name)
    with pytest.raises(ClientError, match="Could not find model"):
        sm.describe_model(ModelName=name)


def test_endpoint_config_accepts_every_instance_type_botocore_knows(
    sm: Any, hosting: Hosting
) -> None:
    model = botocore.session.get_session().get_service_model("sagemaker")
    enum = model.shape_for("ProductionVariantInstanceType").enum  # type: ignore[attr-defined]
    model_name = hosting.model()
    for index, instance_type in enumerate(enum):
        hosting.config(f"c{index}", model=model_name, instance_type=instance_type)
    listed = sm.list_endpoint_configs(NameContains=f"{hosting.prefix}-c", MaxResults=100)
    assert len(enum) > 200
    assert listed["EndpointConfigs"]


def test_endpoint_config_rejects_an_unknown_instance_type(hosting: Hosting) -> None:
    with pytest.raises(ClientError, match="failed to satisfy constraint") as excinfo:
        hosting.config(instance_type="ml.g99.huge")
    assert excinfo.value.response["Error"]["Code"] == "ValidationException"


def test_endpoint_config_keeps_metrics_config(sm: Any, hosting: Hosting) -> None:
    metrics = {"EnableEnhancedMetrics": True, "MetricPublishFrequencyInSeconds": 10}
    name = hosting.config(MetricsConfig=metrics)
    assert sm.describe_endpoint_config(EndpointConfigName=name)["MetricsConfig"] == metrics


def test_duplicate_endpoint_config_is_rejected(sm: Any, hosting: Hosting) -> None:
    """AWS CreateEndpointConfig with a name in use: ValidationException
    'Cannot create already existing endpoint configuration "<config arn>".'"""
    model = hosting.model()
    name = hosting.config(model=model)
    arn = sm.describe_endpoint_config(EndpointConfigName=name)["EndpointConfigArn"]
    with pytest.raises(ClientError) as excinfo:
        hosting.config(model=model)
    error = excinfo.value.response["Error"]
    assert error["Code"] == "ValidationException"
    assert error["Message"] == f'Cannot create already existing endpoint configuration "{arn}".'


def test_endpoint_configs_are_listed_by_name_contains(sm: Any, hosting: Hosting) -> None:
    model = hosting.model()
    wanted = hosting.config("wanted", model=model)
    hosting.config("other", model=model)
    listed = sm.list_endpoint_configs(NameContains=f"{hosting.prefix}-want")["EndpointConfigs"]
    assert [c["EndpointConfigName"] for c in listed] == [wanted]


def test_deleted_endpoint_config_is_gone(sm: Any, hosting: Hosting) -> None:
    name = hosting.config()
    sm.delete_endpoint_config(EndpointConfigName=name)
    with pytest.raises(ClientError, match="Could not find endpoint configuration"):
        sm.describe_endpoint_config(EndpointConfigName=name)


def test_model_made_from_containers_has_no_empty_primary_container_or_vpc_config(
    sm: Any, hosting: Hosting
) -> None:
    """AWS DescribeModel (API reference, "Response Syntax") returns PrimaryContainer only
    for a model created with one and VpcConfig only for a model in a VPC; the SageMaker
    Python SDK 3.x (Model.get) fails on the empty objects moto returned."""
    package = _package_arn(sm, hosting.prefix)
    name = f"{hosting.prefix}-m"
    sm.create_model(
        ModelName=name,
        ExecutionRoleArn=hosting.role_arn,
        Containers=[{"ModelPackageName": package}],
    )
    described = sm.describe_model(ModelName=name)
    assert "PrimaryContainer" not in described
    assert "VpcConfig" not in described


def test_endpoint_config_without_data_capture_has_no_data_capture_config(
    sm: Any, hosting: Hosting
) -> None:
    """AWS DescribeEndpointConfig returns DataCaptureConfig only when the config was
    created with one; SDK 3.x (EndpointConfig.get) fails on moto's empty object."""
    described = sm.describe_endpoint_config(EndpointConfigName=hosting.config())
    assert "DataCaptureConfig" not in described
