from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.captured_data import CapturedData





T = TypeVar("T", bound="CapturedInvocation")



@_attrs_define
class CapturedInvocation:
    """ 
        Attributes:
            event_id (str):
            variant (str):
            inference_time (datetime.datetime):
            input_ (CapturedData | None):
            output (CapturedData | None):
     """

    event_id: str
    variant: str
    inference_time: datetime.datetime
    input_: CapturedData | None
    output: CapturedData | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.captured_data import CapturedData # noqa: PLC0415
        event_id = self.event_id

        variant = self.variant

        inference_time = self.inference_time.isoformat()

        input_: dict[str, Any] | None
        if isinstance(self.input_, CapturedData):
            input_ = self.input_.to_dict()
        else:
            input_ = self.input_

        output: dict[str, Any] | None
        if isinstance(self.output, CapturedData):
            output = self.output.to_dict()
        else:
            output = self.output


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "event_id": event_id,
            "variant": variant,
            "inference_time": inference_time,
            "input": input_,
            "output": output,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.captured_data import CapturedData # noqa: PLC0415
        d = dict(src_dict)
        event_id = d.pop("event_id")

        variant = d.pop("variant")

        inference_time = datetime.datetime.fromisoformat(d.pop("inference_time"))




        def _parse_input_(data: object) -> CapturedData | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                input_type_1 = CapturedData.from_dict(data)



                return input_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CapturedData | None, data)

        input_ = _parse_input_(d.pop("input"))


        def _parse_output(data: object) -> CapturedData | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_type_1 = CapturedData.from_dict(data)



                return output_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CapturedData | None, data)

        output = _parse_output(d.pop("output"))


        captured_invocation = cls(
            event_id=event_id,
            variant=variant,
            inference_time=inference_time,
            input_=input_,
            output=output,
        )


        captured_invocation.additional_properties = d
        return captured_invocation

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
