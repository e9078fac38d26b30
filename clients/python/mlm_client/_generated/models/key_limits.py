from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="KeyLimits")



@_attrs_define
class KeyLimits:
    """ The limits that apply to the key (its own or the server's defaults; 0 = off).

        Attributes:
            per_second (float):
            burst (int):
            writes_per_second (float):
            writes_burst (int):
            per_day (int):
     """

    per_second: float
    burst: int
    writes_per_second: float
    writes_burst: int
    per_day: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        per_second = self.per_second

        burst = self.burst

        writes_per_second = self.writes_per_second

        writes_burst = self.writes_burst

        per_day = self.per_day


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "per_second": per_second,
            "burst": burst,
            "writes_per_second": writes_per_second,
            "writes_burst": writes_burst,
            "per_day": per_day,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        per_second = d.pop("per_second")

        burst = d.pop("burst")

        writes_per_second = d.pop("writes_per_second")

        writes_burst = d.pop("writes_burst")

        per_day = d.pop("per_day")

        key_limits = cls(
            per_second=per_second,
            burst=burst,
            writes_per_second=writes_per_second,
            writes_burst=writes_burst,
            per_day=per_day,
        )


        key_limits.additional_properties = d
        return key_limits

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
