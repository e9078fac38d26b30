from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.source_platform import SourcePlatform
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Source")



@_attrs_define
class Source:
    """ 
        Attributes:
            platform (SourcePlatform):
            model_id (str):  Example: THUDM/glm-4-9b-chat.
            revision (None | str | Unset):  Example: main.
     """

    platform: SourcePlatform
    model_id: str
    revision: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        platform = self.platform.value

        model_id = self.model_id

        revision: None | str | Unset
        if isinstance(self.revision, Unset):
            revision = UNSET
        else:
            revision = self.revision


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "platform": platform,
            "model_id": model_id,
        })
        if revision is not UNSET:
            field_dict["revision"] = revision

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        platform = SourcePlatform(d.pop("platform"))




        model_id = d.pop("model_id")

        def _parse_revision(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        revision = _parse_revision(d.pop("revision", UNSET))


        source = cls(
            platform=platform,
            model_id=model_id,
            revision=revision,
        )

        return source

