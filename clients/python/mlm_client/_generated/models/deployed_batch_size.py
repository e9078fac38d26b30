from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.deployed_batch_size_unit import DeployedBatchSizeUnit






T = TypeVar("T", bound="DeployedBatchSize")



@_attrs_define
class DeployedBatchSize:
    """ A rolling update's batch (null for blue/green, or a rollback all at once).

        Attributes:
            unit (DeployedBatchSizeUnit):
            value (int):
     """

    unit: DeployedBatchSizeUnit
    value: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        unit = self.unit.value

        value = self.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "unit": unit,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unit = DeployedBatchSizeUnit(d.pop("unit"))




        value = d.pop("value")

        deployed_batch_size = cls(
            unit=unit,
            value=value,
        )


        deployed_batch_size.additional_properties = d
        return deployed_batch_size

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
