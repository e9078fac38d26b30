from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.packaging_source_platform import PackagingSourcePlatform
from ..types import UNSET, Unset






T = TypeVar("T", bound="PackagingSource")



@_attrs_define
class PackagingSource:
    """ 
        Attributes:
            platform (PackagingSourcePlatform):
            model_id (str | Unset): The Hugging Face repo id (platform huggingface). Example: THUDM/glm-4-9b-chat.
            revision (str | Unset): Branch, tag or commit; the job pins it to the commit it resolves. Example: main.
            s3_uri (str | Unset): The prefix holding the model's files (platform s3). It must be one of this
                tenant's places: its part of the artifact bucket (e.g. an earlier job's
                output) or `<tenant>/` of the source bucket (MLM_PACKAGING_SOURCE_BUCKET);
                anything else is a 422 that lists them.
     """

    platform: PackagingSourcePlatform
    model_id: str | Unset = UNSET
    revision: str | Unset = UNSET
    s3_uri: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        platform = self.platform.value

        model_id = self.model_id

        revision = self.revision

        s3_uri = self.s3_uri


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "platform": platform,
        })
        if model_id is not UNSET:
            field_dict["model_id"] = model_id
        if revision is not UNSET:
            field_dict["revision"] = revision
        if s3_uri is not UNSET:
            field_dict["s3_uri"] = s3_uri

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        platform = PackagingSourcePlatform(d.pop("platform"))




        model_id = d.pop("model_id", UNSET)

        revision = d.pop("revision", UNSET)

        s3_uri = d.pop("s3_uri", UNSET)

        packaging_source = cls(
            platform=platform,
            model_id=model_id,
            revision=revision,
            s3_uri=s3_uri,
        )

        return packaging_source

