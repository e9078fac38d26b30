from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.alarm_setting import AlarmSetting





T = TypeVar("T", bound="AutoRollback")



@_attrs_define
class AutoRollback:
    """ Roll the update back by itself when an alarm goes into ALARM while the new fleet
    bakes: after each traffic shift for `wait_seconds` (at least 60 with auto-rollback,
    one CloudWatch period). All traffic then returns to the old fleet, the endpoint is
    `rolling_back` and then `in_service` on it, and `failure_reason` names the alarm.
    MLM creates `alarms` on the changed variants (one-minute periods; replaced by the
    next guarded update, deleted with the endpoint); `alarm_names` are CloudWatch
    alarms of your own, watched as they are. With neither, MLM watches a 5xx rate
    above 5 %. At most 10 alarms in all (AWS's limit), counting one per alarm and
    changed variant.

        Attributes:
            alarms (list[AlarmSetting] | Unset):
            alarm_names (list[str] | Unset):
     """

    alarms: list[AlarmSetting] | Unset = UNSET
    alarm_names: list[str] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.alarm_setting import AlarmSetting # noqa: PLC0415
        alarms: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.alarms, Unset):
            alarms = []
            for alarms_item_data in self.alarms:
                alarms_item = alarms_item_data.to_dict()
                alarms.append(alarms_item)



        alarm_names: list[str] | Unset = UNSET
        if not isinstance(self.alarm_names, Unset):
            alarm_names = self.alarm_names




        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if alarms is not UNSET:
            field_dict["alarms"] = alarms
        if alarm_names is not UNSET:
            field_dict["alarm_names"] = alarm_names

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alarm_setting import AlarmSetting # noqa: PLC0415
        d = dict(src_dict)
        _alarms = d.pop("alarms", UNSET)
        alarms: list[AlarmSetting] | Unset = UNSET
        if _alarms is not UNSET:
            alarms = []
            for alarms_item_data in _alarms:
                alarms_item = AlarmSetting.from_dict(alarms_item_data)



                alarms.append(alarms_item)


        alarm_names = cast(list[str], d.pop("alarm_names", UNSET))


        auto_rollback = cls(
            alarms=alarms,
            alarm_names=alarm_names,
        )

        return auto_rollback

