"""Tagging patches: AddTags / ListTags / DeleteTags on every ARN the service tags."""

from __future__ import annotations

from typing import Any

from moto.sagemaker.exceptions import ValidationError
from moto.sagemaker.models import SageMakerModelBackend

from mlm.emulator.patches.clock import LOCK

_ORIGINAL_RESOLVE = SageMakerModelBackend._get_resource_from_arn


def resource_from_arn(self: SageMakerModelBackend, arn: str) -> Any:
    """The resource an ARN names, or AWS's ValidationException when there is none.

    moto split ``model-package/<group>/<version>`` into too many parts (a 500) and let a
    missing name escape as a 500 too.
    """
    resource_part = arn.split(":", 5)[-1]
    kind, _, name = resource_part.partition("/")
    resource: Any = None
    if kind == "model-package":
        resource = self.model_packages.get(arn) or self.model_packages.get(
            self.model_package_name_mapping.get(name, "")
        )
    elif kind == "endpoint":
        from mlm.emulator.patches.endpoints import live_endpoint

        resource = live_endpoint(self, name)
    elif name and "/" not in name:
        try:
            resource = _ORIGINAL_RESOLVE(self, arn)
        except (AttributeError, ValueError, KeyError):
            resource = None
    if resource is None:
        raise ValidationError(f"Resource {arn} does not exist.")
    if resource.tags is None:
        resource.tags = []
    return resource


def add_tags(
    self: SageMakerModelBackend, arn: str, tags: list[dict[str, str]]
) -> list[dict[str, str]]:
    # AWS replaces the value of a key that is already set instead of adding a second tag.
    with LOCK:
        resource = resource_from_arn(self, arn)
        new_keys = {tag["Key"] for tag in tags}
        resource.tags = [t for t in resource.tags if t["Key"] not in new_keys] + list(tags)
        result: list[dict[str, str]] = resource.tags
        return result


def install() -> None:
    setattr(SageMakerModelBackend, "_get_resource_from_arn", resource_from_arn)  # noqa: B010
    setattr(SageMakerModelBackend, "add_tags", add_tags)  # noqa: B010
