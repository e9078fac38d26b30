from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.endpoint_alarm import EndpointAlarm





T = TypeVar("T", bound="EndpointAlarms")



@_attrs_define
class EndpointAlarms:
    """ 
        Attributes:
            topic_arn (None | str): The SNS topic the alarms notify (null when there are none).
            alarms (list[EndpointAlarm]):
     """

    topic_arn: None | str
    alarms: list[EndpointAlarm]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.endpoint_alarm import EndpointAlarm # noqa: PLC0415
        topic_arn: None | str
        topic_arn = self.topic_arn

        alarms = []
        for alarms_item_data in self.alarms:
            alarms_item = alarms_item_data.to_dict()
            alarms.append(alarms_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "topic_arn": topic_arn,
            "alarms": alarms,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.endpoint_alarm import EndpointAlarm # noqa: PLC0415
        d = dict(src_dict)
        def _parse_topic_arn(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        topic_arn = _parse_topic_arn(d.pop("topic_arn"))


        alarms = []
        _alarms = d.pop("alarms")
        for alarms_item_data in (_alarms):
            alarms_item = EndpointAlarm.from_dict(alarms_item_data)



            alarms.append(alarms_item)


        endpoint_alarms = cls(
            topic_arn=topic_arn,
            alarms=alarms,
        )


        endpoint_alarms.additional_properties = d
        return endpoint_alarms

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
