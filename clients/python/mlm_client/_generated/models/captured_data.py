from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.captured_data_encoding import CapturedDataEncoding






T = TypeVar("T", bound="CapturedData")



@_attrs_define
class CapturedData:
    """ A captured body (null when that side is not captured).

        Attributes:
            content_type (str): The content type SageMaker observed.
            encoding (CapturedDataEncoding): How `data` holds the body (text for csv and json).
            data (str):
     """

    content_type: str
    encoding: CapturedDataEncoding
    data: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type

        encoding = self.encoding.value

        data = self.data


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "content_type": content_type,
            "encoding": encoding,
            "data": data,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content_type = d.pop("content_type")

        encoding = CapturedDataEncoding(d.pop("encoding"))




        data = d.pop("data")

        captured_data = cls(
            content_type=content_type,
            encoding=encoding,
            data=data,
        )


        captured_data.additional_properties = d
        return captured_data

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
