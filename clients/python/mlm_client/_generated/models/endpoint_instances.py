from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.endpoint_status import EndpointStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.variant_instances import VariantInstances





T = TypeVar("T", bound="EndpointInstances")



@_attrs_define
class EndpointInstances:
    """ 
        Attributes:
            name (str): Lowercase letters, digits and single hyphens; starts with a letter; at most 32. Example:
                glm-4-9b-chat.
            status (EndpointStatus):
            as_of (datetime.datetime): RFC 3339, UTC. Example: 2026-11-22T01:02:03Z.
            lookback_seconds (int): Figures are the newest datapoints of this many seconds before `as_of`.
            variants (list[VariantInstances]):
     """

    name: str
    status: EndpointStatus
    as_of: datetime.datetime
    lookback_seconds: int
    variants: list[VariantInstances]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.variant_instances import VariantInstances # noqa: PLC0415
        name = self.name

        status = self.status.value

        as_of = self.as_of.isoformat()

        lookback_seconds = self.lookback_seconds

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "status": status,
            "as_of": as_of,
            "lookback_seconds": lookback_seconds,
            "variants": variants,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.variant_instances import VariantInstances # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        status = EndpointStatus(d.pop("status"))




        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))




        lookback_seconds = d.pop("lookback_seconds")

        variants = []
        _variants = d.pop("variants")
        for variants_item_data in (_variants):
            variants_item = VariantInstances.from_dict(variants_item_data)



            variants.append(variants_item)


        endpoint_instances = cls(
            name=name,
            status=status,
            as_of=as_of,
            lookback_seconds=lookback_seconds,
            variants=variants,
        )


        endpoint_instances.additional_properties = d
        return endpoint_instances

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
