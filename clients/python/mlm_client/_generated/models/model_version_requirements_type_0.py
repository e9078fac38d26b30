from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ModelVersionRequirementsType0")



@_attrs_define
class ModelVersionRequirementsType0:
    """ What the version needs to run, if given.

        Attributes:
            gpu_memory_gib (float | Unset):  Example: 22.
            gpu_count (int | Unset):  Example: 1.
     """

    gpu_memory_gib: float | Unset = UNSET
    gpu_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        gpu_memory_gib = self.gpu_memory_gib

        gpu_count = self.gpu_count


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if gpu_memory_gib is not UNSET:
            field_dict["gpu_memory_gib"] = gpu_memory_gib
        if gpu_count is not UNSET:
            field_dict["gpu_count"] = gpu_count

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gpu_memory_gib = d.pop("gpu_memory_gib", UNSET)

        gpu_count = d.pop("gpu_count", UNSET)

        model_version_requirements_type_0 = cls(
            gpu_memory_gib=gpu_memory_gib,
            gpu_count=gpu_count,
        )


        model_version_requirements_type_0.additional_properties = d
        return model_version_requirements_type_0

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
