"""What an endpoint's containers say: their images and the failure-injection variable."""

from __future__ import annotations

from typing import Any

from moto.sagemaker.models import FakeEndpointConfig, SageMakerModelBackend

FAILURE_ENV = "MLM_EMULATOR_FAILURE_REASON"
# "<status> <message>", e.g. "500 CUDA out of memory": the model deploys but answers every
# invocation with that error (a faulty version, for rollouts that must roll back).
MODEL_ERROR_ENV = "MLM_EMULATOR_MODEL_ERROR"


def _containers(backend: SageMakerModelBackend, model_name: str | None) -> list[dict[str, Any]]:
    """The model's containers, each followed by those of the model package it names."""
    model = backend._models.get(model_name or "")
    if model is None:
        return []
    found: list[dict[str, Any]] = []
    own = ([model.primary_container] if model.primary_container else []) + list(
        model.containers or []
    )
    for container in own:
        found.append(container)
        package_name = container.get("ModelPackageName")
        if package_name:
            arn = backend.model_package_name_mapping.get(package_name, package_name)
            package = backend.model_packages.get(arn)
            if package is not None:
                spec = package.inference_specification or {}
                found.extend(spec.get("Containers", []))
    return found


def variant_images(backend: SageMakerModelBackend, model_name: str | None) -> list[str]:
    images = []
    for container in _containers(backend, model_name):
        image = container.get("Image")
        if image and image not in images:
            images.append(image)
    return images


def failure_reason(backend: SageMakerModelBackend, config: FakeEndpointConfig) -> str | None:
    """The injected failure for a deployment of ``config``, if any container asks for one."""
    for variant in config.production_variants:
        for container in _containers(backend, variant.get("ModelName")):
            reason = (container.get("Environment") or {}).get(FAILURE_ENV)
            if reason is not None:
                return str(reason)
    return None


def model_error(backend: SageMakerModelBackend, model_name: str | None) -> dict[str, Any] | None:
    """The error the model answers every invocation with, if its containers ask for one
    (the shape of the ``model_error`` invocation control)."""
    for container in _containers(backend, model_name):
        value = (container.get("Environment") or {}).get(MODEL_ERROR_ENV)
        if value is not None:
            code, _, message = str(value).partition(" ")
            status = int(code) if code.isdigit() and 400 <= int(code) <= 599 else 500
            return {"status": status, "message": message or "The model failed."}
    return None
