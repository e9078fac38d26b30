"""Hosting patches for SageMaker models and endpoint configurations."""

from __future__ import annotations

from functools import cache
from typing import Any

import botocore.session
from botocore.model import StringShape
from moto.core.responses import ActionResult
from moto.sagemaker.exceptions import ValidationError
from moto.sagemaker.models import (
    FakeEndpointConfig,
    Model,
    SageMakerModelBackend,
)
from moto.sagemaker.responses import SageMakerResponse
from moto.sagemaker.utils import arn_formatter
from moto.utilities.paginator import paginate

from mlm.emulator.patches.clock import LOCK
from mlm.emulator.patches.registry import find_model_package

_ORIGINAL_CREATE_MODEL = SageMakerModelBackend.create_model
_ORIGINAL_MODEL_RESPONSE = Model.response_object
_ORIGINAL_CONFIG_RESPONSE = FakeEndpointConfig.response_object
_ORIGINAL_CREATE_CONFIG = SageMakerModelBackend.create_endpoint_config
_PAGINATION = {
    "list_models_filtered": {
        "input_token": "next_token",
        "limit_key": "max_results",
        "limit_default": 100,
        "unique_attribute": "arn",
    }
}


@cache
def instance_types() -> frozenset[str]:
    """What SageMaker real-time endpoints accept, from botocore's own service model."""
    model = botocore.session.get_session().get_service_model("sagemaker")
    shape = model.shape_for("ProductionVariantInstanceType")
    assert isinstance(shape, StringShape)  # an enum of strings in every botocore release
    return frozenset(shape.enum)


def model_containers(model: Model) -> list[dict[str, Any]]:
    containers: list[dict[str, Any]] = list(model.containers or [])
    if model.primary_container:
        containers.insert(0, model.primary_container)
    return containers


def create_model(self: SageMakerModelBackend, model_name: str, **kwargs: Any) -> Model:
    with LOCK:
        if model_name in self._models:
            arn = arn_formatter("model", model_name, self.account_id, self.region_name)
            raise ValidationError(f'Cannot create already existing model "{arn}".')
        containers = list(kwargs.get("containers") or [])
        if kwargs.get("primary_container"):
            containers.append(kwargs["primary_container"])
        for container in containers:
            # AWS checks that a referenced model package exists when the model is created.
            if container.get("ModelPackageName"):
                find_model_package(self, container["ModelPackageName"])
        model: Model = _ORIGINAL_CREATE_MODEL(self, model_name=model_name, **kwargs)
        return model


@paginate(pagination_model=_PAGINATION)
def list_models_filtered(
    self: SageMakerModelBackend,
    name_contains: str | None,
    sort_by: str | None,
    sort_order: str | None,
    creation_time_before: Any,
    creation_time_after: Any,
) -> list[Model]:
    models = [
        m for m in self._models.values() if not name_contains or name_contains in m.model_name
    ]
    if creation_time_before:
        models = [m for m in models if m.creation_time < creation_time_before]
    if creation_time_after:
        models = [m for m in models if m.creation_time > creation_time_after]
    if sort_by == "Name":
        key: Any = lambda m: m.model_name  # noqa: E731
    else:
        key = lambda m: m.creation_time  # noqa: E731
    # AWS's default order is newest first.
    return sorted(models, key=key, reverse=sort_order != "Ascending")


def _list_models_action(self: SageMakerResponse) -> ActionResult:
    models, next_token = list_models_filtered(
        self.sagemaker_backend,
        name_contains=self._get_param("NameContains"),
        sort_by=self._get_param("SortBy"),
        sort_order=self._get_param("SortOrder"),
        creation_time_before=self._get_param("CreationTimeBefore"),
        creation_time_after=self._get_param("CreationTimeAfter"),
        max_results=self._get_param("MaxResults"),
        next_token=self._get_param("NextToken"),
    )
    summaries = [
        {"ModelName": m.model_name, "ModelArn": m.arn, "CreationTime": m.creation_time}
        for m in models
    ]
    return ActionResult({"Models": summaries, "NextToken": next_token})


def validate_instance_type(self: FakeEndpointConfig, instance_type: str) -> None:
    if instance_type not in instance_types():
        raise ValidationError(
            f"1 validation error detected: Value '{instance_type}' at "
            "'productionVariants.member.instanceType' failed to satisfy constraint: "
            "Member must satisfy enum value set: "
            f"[{', '.join(sorted(instance_types()))}]"
        )


def create_endpoint_config(
    self: SageMakerModelBackend, endpoint_config_name: str, **kwargs: Any
) -> FakeEndpointConfig:
    with LOCK:
        if endpoint_config_name in self.endpoint_configs:
            arn = FakeEndpointConfig.arn_formatter(
                endpoint_config_name, self.account_id, self.region_name
            )
            raise ValidationError(f'Cannot create already existing endpoint configuration "{arn}".')
        metrics_config = kwargs.pop("metrics_config", None)
        config: FakeEndpointConfig = _ORIGINAL_CREATE_CONFIG(
            self, endpoint_config_name=endpoint_config_name, **kwargs
        )
        # Stored as an attribute so moto's DescribeEndpointConfig returns it (None is dropped).
        config.metrics_config = metrics_config  # type: ignore[attr-defined]
        return config


def _create_endpoint_config_action(self: SageMakerResponse) -> ActionResult:
    config = create_endpoint_config(
        self.sagemaker_backend,
        endpoint_config_name=self._get_param("EndpointConfigName"),
        async_inference_config=self._get_param("AsyncInferenceConfig"),
        production_variants=self._get_param("ProductionVariants"),
        data_capture_config=self._get_param("DataCaptureConfig"),
        tags=self._get_param("Tags"),
        kms_key_id=self._get_param("KmsKeyId"),
        metrics_config=self._get_param("MetricsConfig"),
    )
    return ActionResult({"EndpointConfigArn": config.endpoint_config_arn})


def _without_empty_members(response: dict[str, Any]) -> dict[str, Any]:
    """AWS leaves out a structure or list that was never set (DescribeModel has no
    ``PrimaryContainer`` for a model made with ``Containers``, no ``VpcConfig`` without a
    VPC; DescribeEndpointConfig no ``DataCaptureConfig`` without data capture); moto
    answered ``{}``, on which SDKs that read every present member fail."""
    return {key: value for key, value in response.items() if value != {} and value != []}


def _model_response(self: Model) -> dict[str, Any]:
    return _without_empty_members(_ORIGINAL_MODEL_RESPONSE.fget(self))  # type: ignore[attr-defined]


def _config_response(self: FakeEndpointConfig) -> dict[str, Any]:
    return _without_empty_members(_ORIGINAL_CONFIG_RESPONSE.fget(self))  # type: ignore[attr-defined]


def install() -> None:
    setattr(Model, "response_object", property(_model_response))  # noqa: B010
    setattr(FakeEndpointConfig, "response_object", property(_config_response))  # noqa: B010
    setattr(SageMakerModelBackend, "create_model", create_model)  # noqa: B010
    setattr(SageMakerResponse, "list_models", _list_models_action)  # noqa: B010
    setattr(FakeEndpointConfig, "validate_instance_type", validate_instance_type)  # noqa: B010
    setattr(SageMakerModelBackend, "create_endpoint_config", create_endpoint_config)  # noqa: B010
    setattr(SageMakerResponse, "create_endpoint_config", _create_endpoint_config_action)  # noqa: B010
