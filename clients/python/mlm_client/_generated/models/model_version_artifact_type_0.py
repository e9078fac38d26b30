from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.model_version_artifact_type_0_format import ModelVersionArtifactType0Format






T = TypeVar("T", bound="ModelVersionArtifactType0")



@_attrs_define
class ModelVersionArtifactType0:
    """ Where the weights are; null when the container loads the model itself.

        Attributes:
            uri (str):  Example: s3://mlm-artifacts-123456789012-us-east-1/glm-4-9b-chat/1/.
            format_ (ModelVersionArtifactType0Format):
     """

    uri: str
    format_: ModelVersionArtifactType0Format
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        uri = self.uri

        format_ = self.format_.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "uri": uri,
            "format": format_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uri = d.pop("uri")

        format_ = ModelVersionArtifactType0Format(d.pop("format"))




        model_version_artifact_type_0 = cls(
            uri=uri,
            format_=format_,
        )


        model_version_artifact_type_0.additional_properties = d
        return model_version_artifact_type_0

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
