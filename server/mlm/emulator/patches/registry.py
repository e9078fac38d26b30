"""Model registry patches: model package groups and model packages."""

from __future__ import annotations

from typing import Any

from moto.core.responses import ActionResult, EmptyResult
from moto.sagemaker.exceptions import ConflictException, ValidationError
from moto.sagemaker.models import ModelPackage, ModelPackageGroup, SageMakerModelBackend
from moto.sagemaker.responses import SageMakerResponse
from moto.sagemaker.utils import arn_formatter

from mlm.emulator.patches.clock import LOCK

_ORIGINAL_CREATE_GROUP = SageMakerModelBackend.create_model_package_group
_ORIGINAL_CREATE_PACKAGE = SageMakerModelBackend.create_model_package


def _group_arn(backend: SageMakerModelBackend, name: str) -> str:
    return arn_formatter("model-package-group", name, backend.account_id, backend.region_name)


def _last_versions(backend: SageMakerModelBackend) -> dict[str, int]:
    # Highest version ever created per group: AWS never reuses a deleted version number.
    versions: dict[str, int] | None = getattr(backend, "_mlm_last_versions", None)
    if versions is None:
        versions = {}
        backend._mlm_last_versions = versions  # type: ignore[attr-defined]
    return versions


def create_model_package_group(
    self: SageMakerModelBackend,
    model_package_group_name: str,
    model_package_group_description: str,
    tags: list[dict[str, str]] | None = None,
) -> str:
    if model_package_group_name in self.model_package_groups:
        existing = _group_arn(self, model_package_group_name)
        raise ValidationError(f"Model Package Group already exists: {existing}")
    arn: str = _ORIGINAL_CREATE_GROUP(
        self, model_package_group_name, model_package_group_description, tags
    )
    return arn


def delete_model_package_group(self: SageMakerModelBackend, model_package_group_name: str) -> None:
    with LOCK:
        group: ModelPackageGroup = self.describe_model_package_group(model_package_group_name)
        if any(
            package.model_package_group_name == group.model_package_group_name
            for package in self.model_packages.values()
        ):
            raise ConflictException(
                f"Model Package Group {group.arn} contains model packages; "
                "delete them before deleting the group."
            )
        del self.model_package_groups[group.model_package_group_name]
        _last_versions(self).pop(group.model_package_group_name, None)


def create_model_package(self: SageMakerModelBackend, **kwargs: Any) -> str:
    group_name = kwargs.get("model_package_group_name")
    if not group_name or kwargs.get("model_package_name"):
        # Unversioned packages (and moto's own argument checks) are left to moto.
        arn: str = _ORIGINAL_CREATE_PACKAGE(self, **kwargs)
        return arn
    with LOCK:
        if group_name not in self.model_package_groups:
            raise ValidationError(
                f"Model Package Group {_group_arn(self, group_name)} does not exist."
            )
        token = kwargs.get("client_token")
        if token:
            # AWS: "A unique token that guarantees that the call to this API is
            # idempotent": a repeat with the same token answers the first package's ARN.
            for existing in self.model_packages.values():
                if (
                    existing.model_package_group_name == group_name
                    and existing.client_token == token
                ):
                    first: str = existing.arn
                    return first
        versions = _last_versions(self)
        version = versions.get(group_name, 0) + 1
        versions[group_name] = version
        package = ModelPackage(
            model_package_name=group_name,
            model_package_group_name=group_name,
            model_package_description=kwargs.get("model_package_description"),
            inference_specification=kwargs.get("inference_specification"),
            validation_specification=kwargs.get("validation_specification"),
            source_algorithm_specification=kwargs.get("source_algorithm_specification"),
            certify_for_marketplace=kwargs.get("certify_for_marketplace", False),
            tags=kwargs.get("tags") or [],
            model_approval_status=kwargs.get("model_approval_status"),
            metadata_properties=kwargs.get("metadata_properties"),
            model_metrics=kwargs.get("model_metrics"),
            customer_metadata_properties=kwargs.get("customer_metadata_properties"),
            drift_check_baselines=kwargs.get("drift_check_baselines"),
            domain=kwargs.get("domain"),  # type: ignore[arg-type]
            task=kwargs.get("task"),  # type: ignore[arg-type]
            sample_payload_url=kwargs.get("sample_payload_url"),  # type: ignore[arg-type]
            additional_inference_specifications=kwargs.get("additional_inference_specifications"),  # type: ignore[arg-type]
            model_package_version=version,
            approval_description=None,
            region_name=self.region_name,
            account_id=self.account_id,
            client_token=kwargs.get("client_token"),  # type: ignore[arg-type]
            model_package_type="Versioned",
        )
        self.model_package_name_mapping[package.arn] = package.arn
        self.model_packages[package.arn] = package
        return package.arn


def find_model_package(self: SageMakerModelBackend, model_package_name: str) -> ModelPackage:
    """A model package by ARN (or unversioned name), or AWS's ValidationException."""
    arn = self.model_package_name_mapping.get(model_package_name, model_package_name)
    package = self.model_packages.get(arn)
    if package is None:
        raise ValidationError(f"ModelPackage {model_package_name} does not exist.")
    return package


def delete_model_package(self: SageMakerModelBackend, model_package_name: str) -> None:
    with LOCK:
        package = find_model_package(self, model_package_name)
        del self.model_packages[package.arn]
        for key in [k for k, v in self.model_package_name_mapping.items() if v == package.arn]:
            del self.model_package_name_mapping[key]


def update_model_package(
    self: SageMakerModelBackend,
    model_package_arn: str,
    model_approval_status: str | None,
    approval_description: str | None,
    customer_metadata_properties: dict[str, str] | None,
    customer_metadata_properties_to_remove: list[str],
    additional_inference_specifications_to_add: list[Any] | None,
) -> str:
    # moto overwrites every field, so an approval change wiped the metadata; AWS changes
    # only what the request names (metadata is merged, then the listed keys removed).
    with LOCK:
        package = find_model_package(self, model_package_arn)
        if model_approval_status is not None:
            package.set_model_approval_status(model_approval_status)
        if approval_description is not None:
            package.approval_description = approval_description
        if customer_metadata_properties:
            merged = dict(package.customer_metadata_properties or {})
            merged.update(customer_metadata_properties)
            package.customer_metadata_properties = merged
        if customer_metadata_properties_to_remove and package.customer_metadata_properties:
            package.remove_customer_metadata_property(customer_metadata_properties_to_remove)
        if additional_inference_specifications_to_add:
            package.add_additional_inference_specifications(
                additional_inference_specifications_to_add
            )
        package.modifications_done()
        return package.arn


def _delete_model_package_group_action(self: SageMakerResponse) -> ActionResult:
    name = self._get_param("ModelPackageGroupName")
    delete_model_package_group(self.sagemaker_backend, name)
    return EmptyResult()


def _delete_model_package_action(self: SageMakerResponse) -> ActionResult:
    delete_model_package(self.sagemaker_backend, self._get_param("ModelPackageName"))
    return EmptyResult()


def install() -> None:
    backend = SageMakerModelBackend
    setattr(backend, "create_model_package_group", create_model_package_group)  # noqa: B010
    setattr(backend, "create_model_package", create_model_package)  # noqa: B010
    setattr(backend, "update_model_package", update_model_package)  # noqa: B010
    setattr(backend, "describe_model_package", find_model_package)  # noqa: B010
    setattr(SageMakerResponse, "delete_model_package_group", _delete_model_package_group_action)  # noqa: B010
    setattr(SageMakerResponse, "delete_model_package", _delete_model_package_action)  # noqa: B010
