from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.alarm_kind import AlarmKind
from ..types import UNSET, Unset






T = TypeVar("T", bound="AlarmSetting")



@_attrs_define
class AlarmSetting:
    """ 
        Attributes:
            kind (AlarmKind):
            threshold (float | Unset): In the kind's unit; the kind's default when omitted.
            evaluation_periods (int | Unset): Breaching one-minute periods in a row before it alarms. Default: 1.
     """

    kind: AlarmKind
    threshold: float | Unset = UNSET
    evaluation_periods: int | Unset = 1





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        threshold = self.threshold

        evaluation_periods = self.evaluation_periods


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
        })
        if threshold is not UNSET:
            field_dict["threshold"] = threshold
        if evaluation_periods is not UNSET:
            field_dict["evaluation_periods"] = evaluation_periods

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = AlarmKind(d.pop("kind"))




        threshold = d.pop("threshold", UNSET)

        evaluation_periods = d.pop("evaluation_periods", UNSET)

        alarm_setting = cls(
            kind=kind,
            threshold=threshold,
            evaluation_periods=evaluation_periods,
        )

        return alarm_setting

