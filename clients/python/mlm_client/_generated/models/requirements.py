from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="Requirements")



@_attrs_define
class Requirements:
    """ 
        Attributes:
            gpu_memory_gib (float | Unset): GPU memory the model needs in all, GiB (weights, KV cache, overhead). Example:
                22.
            gpu_count (int | Unset): At least this many GPUs (e.g. for tensor parallelism). Example: 1.
     """

    gpu_memory_gib: float | Unset = UNSET
    gpu_count: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        gpu_memory_gib = self.gpu_memory_gib

        gpu_count = self.gpu_count


        field_dict: dict[str, Any] = {}

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

        requirements = cls(
            gpu_memory_gib=gpu_memory_gib,
            gpu_count=gpu_count,
        )

        return requirements

