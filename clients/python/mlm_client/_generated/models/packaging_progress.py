from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PackagingProgress")



@_attrs_define
class PackagingProgress:
    """ 
        Attributes:
            bytes_total (int):
            bytes_done (int):
            files_total (int):
            files_done (int):
     """

    bytes_total: int
    bytes_done: int
    files_total: int
    files_done: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        bytes_total = self.bytes_total

        bytes_done = self.bytes_done

        files_total = self.files_total

        files_done = self.files_done


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "bytes_total": bytes_total,
            "bytes_done": bytes_done,
            "files_total": files_total,
            "files_done": files_done,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        bytes_total = d.pop("bytes_total")

        bytes_done = d.pop("bytes_done")

        files_total = d.pop("files_total")

        files_done = d.pop("files_done")

        packaging_progress = cls(
            bytes_total=bytes_total,
            bytes_done=bytes_done,
            files_total=files_total,
            files_done=files_done,
        )


        packaging_progress.additional_properties = d
        return packaging_progress

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
