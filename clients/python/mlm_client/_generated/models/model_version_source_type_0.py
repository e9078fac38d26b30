from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.model_version_source_type_0_platform import ModelVersionSourceType0Platform
from typing import cast






T = TypeVar("T", bound="ModelVersionSourceType0")



@_attrs_define
class ModelVersionSourceType0:
    """ Where the model came from, if known.

        Attributes:
            platform (ModelVersionSourceType0Platform):
            model_id (str):  Example: THUDM/glm-4-9b-chat.
            revision (None | str):  Example: main.
     """

    platform: ModelVersionSourceType0Platform
    model_id: str
    revision: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        platform = self.platform.value

        model_id = self.model_id

        revision: None | str
        revision = self.revision


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "platform": platform,
            "model_id": model_id,
            "revision": revision,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        platform = ModelVersionSourceType0Platform(d.pop("platform"))




        model_id = d.pop("model_id")

        def _parse_revision(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        revision = _parse_revision(d.pop("revision"))


        model_version_source_type_0 = cls(
            platform=platform,
            model_id=model_id,
            revision=revision,
        )


        model_version_source_type_0.additional_properties = d
        return model_version_source_type_0

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
