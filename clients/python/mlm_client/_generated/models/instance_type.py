from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="InstanceType")



@_attrs_define
class InstanceType:
    """ 
        Attributes:
            name (str):  Example: ml.g5.12xlarge.
            family (str):  Example: g5.
            gpu_count (int | None): GPUs per instance (0 for CPU types; null if unknown). Example: 4.
            gpu_model (None | str):  Example: NVIDIA A10G.
            gpu_memory_gib (float | None): Memory of one GPU, GiB. Example: 24.
            vcpus (int | None):  Example: 48.
            memory_gib (float | None):  Example: 192.
            accelerated (bool): Has GPUs or other ML accelerators.
     """

    name: str
    family: str
    gpu_count: int | None
    gpu_model: None | str
    gpu_memory_gib: float | None
    vcpus: int | None
    memory_gib: float | None
    accelerated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        family = self.family

        gpu_count: int | None
        gpu_count = self.gpu_count

        gpu_model: None | str
        gpu_model = self.gpu_model

        gpu_memory_gib: float | None
        gpu_memory_gib = self.gpu_memory_gib

        vcpus: int | None
        vcpus = self.vcpus

        memory_gib: float | None
        memory_gib = self.memory_gib

        accelerated = self.accelerated


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "family": family,
            "gpu_count": gpu_count,
            "gpu_model": gpu_model,
            "gpu_memory_gib": gpu_memory_gib,
            "vcpus": vcpus,
            "memory_gib": memory_gib,
            "accelerated": accelerated,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        family = d.pop("family")

        def _parse_gpu_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        gpu_count = _parse_gpu_count(d.pop("gpu_count"))


        def _parse_gpu_model(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        gpu_model = _parse_gpu_model(d.pop("gpu_model"))


        def _parse_gpu_memory_gib(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        gpu_memory_gib = _parse_gpu_memory_gib(d.pop("gpu_memory_gib"))


        def _parse_vcpus(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        vcpus = _parse_vcpus(d.pop("vcpus"))


        def _parse_memory_gib(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        memory_gib = _parse_memory_gib(d.pop("memory_gib"))


        accelerated = d.pop("accelerated")

        instance_type = cls(
            name=name,
            family=family,
            gpu_count=gpu_count,
            gpu_model=gpu_model,
            gpu_memory_gib=gpu_memory_gib,
            vcpus=vcpus,
            memory_gib=memory_gib,
            accelerated=accelerated,
        )


        instance_type.additional_properties = d
        return instance_type

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
