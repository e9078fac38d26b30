from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="LogLine")



@_attrs_define
class LogLine:
    """ One line a container printed, as CloudWatch Logs holds it.

        Attributes:
            timestamp (datetime.datetime): When it was printed (RFC 3339, milliseconds).
            message (str): The line.
            stream (str): The CloudWatch Logs stream it is in.
            variant (None | str): The endpoint variant whose instance printed it (null for a job).
            instance_id (None | str): The instance that printed it (null for a job).
     """

    timestamp: datetime.datetime
    message: str
    stream: str
    variant: None | str
    instance_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        timestamp = self.timestamp.isoformat()

        message = self.message

        stream = self.stream

        variant: None | str
        variant = self.variant

        instance_id: None | str
        instance_id = self.instance_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "timestamp": timestamp,
            "message": message,
            "stream": stream,
            "variant": variant,
            "instance_id": instance_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))




        message = d.pop("message")

        stream = d.pop("stream")

        def _parse_variant(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        variant = _parse_variant(d.pop("variant"))


        def _parse_instance_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        instance_id = _parse_instance_id(d.pop("instance_id"))


        log_line = cls(
            timestamp=timestamp,
            message=message,
            stream=stream,
            variant=variant,
            instance_id=instance_id,
        )


        log_line.additional_properties = d
        return log_line

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
