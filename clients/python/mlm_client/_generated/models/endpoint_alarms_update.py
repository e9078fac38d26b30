from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.alarm_setting import AlarmSetting





T = TypeVar("T", bound="EndpointAlarmsUpdate")



@_attrs_define
class EndpointAlarmsUpdate:
    """ 
        Attributes:
            alarms (list[AlarmSetting]):
     """

    alarms: list[AlarmSetting]





    def to_dict(self) -> dict[str, Any]:
        from ..models.alarm_setting import AlarmSetting # noqa: PLC0415
        alarms = []
        for alarms_item_data in self.alarms:
            alarms_item = alarms_item_data.to_dict()
            alarms.append(alarms_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "alarms": alarms,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alarm_setting import AlarmSetting # noqa: PLC0415
        d = dict(src_dict)
        alarms = []
        _alarms = d.pop("alarms")
        for alarms_item_data in (_alarms):
            alarms_item = AlarmSetting.from_dict(alarms_item_data)



            alarms.append(alarms_item)


        endpoint_alarms_update = cls(
            alarms=alarms,
        )

        return endpoint_alarms_update

