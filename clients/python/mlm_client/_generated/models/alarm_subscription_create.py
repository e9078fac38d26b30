from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.alarm_subscription_create_protocol import AlarmSubscriptionCreateProtocol






T = TypeVar("T", bound="AlarmSubscriptionCreate")



@_attrs_define
class AlarmSubscriptionCreate:
    """ 
        Attributes:
            protocol (AlarmSubscriptionCreateProtocol):
            endpoint (str): The email address, or the https:// URL of a webhook.
     """

    protocol: AlarmSubscriptionCreateProtocol
    endpoint: str





    def to_dict(self) -> dict[str, Any]:
        protocol = self.protocol.value

        endpoint = self.endpoint


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "protocol": protocol,
            "endpoint": endpoint,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        protocol = AlarmSubscriptionCreateProtocol(d.pop("protocol"))




        endpoint = d.pop("endpoint")

        alarm_subscription_create = cls(
            protocol=protocol,
            endpoint=endpoint,
        )

        return alarm_subscription_create

