from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.hugging_face_packaging_source_platform import HuggingFacePackagingSourcePlatform
from ..types import UNSET, Unset






T = TypeVar("T", bound="HuggingFacePackagingSource")



@_attrs_define
class HuggingFacePackagingSource:
    """ 
        Attributes:
            platform (HuggingFacePackagingSourcePlatform):
            model_id (str): The Hugging Face repo id. Example: THUDM/glm-4-9b-chat.
            revision (str | Unset): Branch, tag or commit (Hugging Face: the job pins it to the commit it
                resolves; S3: recorded with the version as it is).
                 Example: main.
     """

    platform: HuggingFacePackagingSourcePlatform
    model_id: str
    revision: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        platform = self.platform.value

        model_id = self.model_id

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
        platform = HuggingFacePackagingSourcePlatform(d.pop("platform"))




        model_id = d.pop("model_id")

        revision = d.pop("revision", UNSET)

        hugging_face_packaging_source = cls(
            platform=platform,
            model_id=model_id,
            revision=revision,
        )

        return hugging_face_packaging_source

