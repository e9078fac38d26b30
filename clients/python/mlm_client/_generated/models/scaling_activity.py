from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.scaling_activity_status import ScalingActivityStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ScalingActivity")



@_attrs_define
class ScalingActivity:
    """ 
        Attributes:
            variant (str):
            status (ScalingActivityStatus):
            description (str):  Example: Setting desired instance count to 3..
            cause (str): Why, in Application Auto Scaling's words (the alarm and policy, or the bounds that changed).
            started_at (datetime.datetime):
            message (str | Unset):
            ended_at (datetime.datetime | Unset):
     """

    variant: str
    status: ScalingActivityStatus
    description: str
    cause: str
    started_at: datetime.datetime
    message: str | Unset = UNSET
    ended_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        variant = self.variant

        status = self.status.value

        description = self.description

        cause = self.cause

        started_at = self.started_at.isoformat()

        message = self.message

        ended_at: str | Unset = UNSET
        if not isinstance(self.ended_at, Unset):
            ended_at = self.ended_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "variant": variant,
            "status": status,
            "description": description,
            "cause": cause,
            "started_at": started_at,
        })
        if message is not UNSET:
            field_dict["message"] = message
        if ended_at is not UNSET:
            field_dict["ended_at"] = ended_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        variant = d.pop("variant")

        status = ScalingActivityStatus(d.pop("status"))




        description = d.pop("description")

        cause = d.pop("cause")

        started_at = datetime.datetime.fromisoformat(d.pop("started_at"))




        message = d.pop("message", UNSET)

        _ended_at = d.pop("ended_at", UNSET)
        ended_at: datetime.datetime | Unset
        if isinstance(_ended_at,  Unset):
            ended_at = UNSET
        else:
            ended_at = datetime.datetime.fromisoformat(_ended_at)




        scaling_activity = cls(
            variant=variant,
            status=status,
            description=description,
            cause=cause,
            started_at=started_at,
            message=message,
            ended_at=ended_at,
        )


        scaling_activity.additional_properties = d
        return scaling_activity

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
