from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="VariantUpdate")



@_attrs_define
class VariantUpdate:
    """ 
        Attributes:
            name (str): Lowercase letters, digits and single hyphens; starts with a letter; at most 16. Example: primary.
            instance_count (int | Unset):
            weight (float | Unset):
            instance_type (str | Unset): A SageMaker instance type for real-time endpoints (see `GET /v1/instance-types`).
                Example: ml.g5.12xlarge.
            model_version (int | Unset):
     """

    name: str
    instance_count: int | Unset = UNSET
    weight: float | Unset = UNSET
    instance_type: str | Unset = UNSET
    model_version: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        instance_count = self.instance_count

        weight = self.weight

        instance_type = self.instance_type

        model_version = self.model_version


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if instance_count is not UNSET:
            field_dict["instance_count"] = instance_count
        if weight is not UNSET:
            field_dict["weight"] = weight
        if instance_type is not UNSET:
            field_dict["instance_type"] = instance_type
        if model_version is not UNSET:
            field_dict["model_version"] = model_version

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        instance_count = d.pop("instance_count", UNSET)

        weight = d.pop("weight", UNSET)

        instance_type = d.pop("instance_type", UNSET)

        model_version = d.pop("model_version", UNSET)

        variant_update = cls(
            name=name,
            instance_count=instance_count,
            weight=weight,
            instance_type=instance_type,
            model_version=model_version,
        )

        return variant_update

