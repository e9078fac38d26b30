from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="VariantCreate")



@_attrs_define
class VariantCreate:
    """ 
        Attributes:
            model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at most 32. Example:
                glm-4-9b-chat.
            model_version (int):  Example: 1.
            instance_type (str): A SageMaker instance type for real-time endpoints (see `GET /v1/instance-types`). Example:
                ml.g5.12xlarge.
            name (str | Unset): Lowercase letters, digits and single hyphens; starts with a letter; at most 16. Default:
                'primary'. Example: primary.
            instance_count (int | Unset):  Default: 1.
            initial_weight (float | Unset): Relative share of traffic; at least one variant needs more than 0. Default: 1.0.
     """

    model_name: str
    model_version: int
    instance_type: str
    name: str | Unset = 'primary'
    instance_count: int | Unset = 1
    initial_weight: float | Unset = 1.0





    def to_dict(self) -> dict[str, Any]:
        model_name = self.model_name

        model_version = self.model_version

        instance_type = self.instance_type

        name = self.name

        instance_count = self.instance_count

        initial_weight = self.initial_weight


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "model_name": model_name,
            "model_version": model_version,
            "instance_type": instance_type,
        })
        if name is not UNSET:
            field_dict["name"] = name
        if instance_count is not UNSET:
            field_dict["instance_count"] = instance_count
        if initial_weight is not UNSET:
            field_dict["initial_weight"] = initial_weight

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        model_name = d.pop("model_name")

        model_version = d.pop("model_version")

        instance_type = d.pop("instance_type")

        name = d.pop("name", UNSET)

        instance_count = d.pop("instance_count", UNSET)

        initial_weight = d.pop("initial_weight", UNSET)

        variant_create = cls(
            model_name=model_name,
            model_version=model_version,
            instance_type=instance_type,
            name=name,
            instance_count=instance_count,
            initial_weight=initial_weight,
        )

        return variant_create

