from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.batch_size_unit import BatchSizeUnit






T = TypeVar("T", bound="BatchSize")



@_attrs_define
class BatchSize:
    """ A rolling update's step (`batch_size`, required for `rolling`: between 5 % and 50 %
    of each variant's instances, and at least one), or how much of the old fleet comes
    back at a time in a rollback (`rollback_batch_size`: at least one instance or 1 %;
    without it, all at once).

        Attributes:
            unit (BatchSizeUnit):
            value (int):
     """

    unit: BatchSizeUnit
    value: int





    def to_dict(self) -> dict[str, Any]:
        unit = self.unit.value

        value = self.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "unit": unit,
            "value": value,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unit = BatchSizeUnit(d.pop("unit"))




        value = d.pop("value")

        batch_size = cls(
            unit=unit,
            value=value,
        )

        return batch_size

