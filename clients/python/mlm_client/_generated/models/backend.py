from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.backend_mode import BackendMode






T = TypeVar("T", bound="Backend")



@_attrs_define
class Backend:
    """ 
        Attributes:
            mode (BackendMode):
            region (str):  Example: us-east-1.
            reachable (bool):
     """

    mode: BackendMode
    region: str
    reachable: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        mode = self.mode.value

        region = self.region

        reachable = self.reachable


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "mode": mode,
            "region": region,
            "reachable": reachable,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        mode = BackendMode(d.pop("mode"))




        region = d.pop("region")

        reachable = d.pop("reachable")

        backend = cls(
            mode=mode,
            region=region,
            reachable=reachable,
        )


        backend.additional_properties = d
        return backend

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
