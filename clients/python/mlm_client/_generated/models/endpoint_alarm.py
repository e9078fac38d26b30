from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.alarm_kind import AlarmKind
from ..models.endpoint_alarm_state import EndpointAlarmState
from typing import cast
import datetime






T = TypeVar("T", bound="EndpointAlarm")



@_attrs_define
class EndpointAlarm:
    """ 
        Attributes:
            kind (AlarmKind):
            variant (str):
            threshold (float):
            unit (str):
            state (EndpointAlarmState):
            reason (str): CloudWatch's words for the state.
            state_updated_at (datetime.datetime | None):
     """

    kind: AlarmKind
    variant: str
    threshold: float
    unit: str
    state: EndpointAlarmState
    reason: str
    state_updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        variant = self.variant

        threshold = self.threshold

        unit = self.unit

        state = self.state.value

        reason = self.reason

        state_updated_at: None | str
        if isinstance(self.state_updated_at, datetime.datetime):
            state_updated_at = self.state_updated_at.isoformat()
        else:
            state_updated_at = self.state_updated_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "kind": kind,
            "variant": variant,
            "threshold": threshold,
            "unit": unit,
            "state": state,
            "reason": reason,
            "state_updated_at": state_updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = AlarmKind(d.pop("kind"))




        variant = d.pop("variant")

        threshold = d.pop("threshold")

        unit = d.pop("unit")

        state = EndpointAlarmState(d.pop("state"))




        reason = d.pop("reason")

        def _parse_state_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_updated_at_type_0 = datetime.datetime.fromisoformat(data)



                return state_updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        state_updated_at = _parse_state_updated_at(d.pop("state_updated_at"))


        endpoint_alarm = cls(
            kind=kind,
            variant=variant,
            threshold=threshold,
            unit=unit,
            state=state,
            reason=reason,
            state_updated_at=state_updated_at,
        )


        endpoint_alarm.additional_properties = d
        return endpoint_alarm

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
