from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="AlarmSubscription")



@_attrs_define
class AlarmSubscription:
    """ 
        Attributes:
            protocol (str):
            endpoint (str):
            confirmed (bool):
     """

    protocol: str
    endpoint: str
    confirmed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        protocol = self.protocol

        endpoint = self.endpoint

        confirmed = self.confirmed


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "protocol": protocol,
            "endpoint": endpoint,
            "confirmed": confirmed,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        protocol = d.pop("protocol")

        endpoint = d.pop("endpoint")

        confirmed = d.pop("confirmed")

        alarm_subscription = cls(
            protocol=protocol,
            endpoint=endpoint,
            confirmed=confirmed,
        )


        alarm_subscription.additional_properties = d
        return alarm_subscription

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
