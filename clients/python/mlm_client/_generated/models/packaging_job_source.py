from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="PackagingJobSource")



@_attrs_define
class PackagingJobSource:
    """ 
        Attributes:
            platform (str):
            model_id (None | str):
            revision (None | str):
            s3_uri (None | str):
     """

    platform: str
    model_id: None | str
    revision: None | str
    s3_uri: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        platform = self.platform

        model_id: None | str
        model_id = self.model_id

        revision: None | str
        revision = self.revision

        s3_uri: None | str
        s3_uri = self.s3_uri


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "platform": platform,
            "model_id": model_id,
            "revision": revision,
            "s3_uri": s3_uri,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        platform = d.pop("platform")

        def _parse_model_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        model_id = _parse_model_id(d.pop("model_id"))


        def _parse_revision(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        revision = _parse_revision(d.pop("revision"))


        def _parse_s3_uri(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        s3_uri = _parse_s3_uri(d.pop("s3_uri"))


        packaging_job_source = cls(
            platform=platform,
            model_id=model_id,
            revision=revision,
            s3_uri=s3_uri,
        )


        packaging_job_source.additional_properties = d
        return packaging_job_source

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
