from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.s3_packaging_source_platform import S3PackagingSourcePlatform
from ..types import UNSET, Unset






T = TypeVar("T", bound="S3PackagingSource")



@_attrs_define
class S3PackagingSource:
    """ 
        Attributes:
            platform (S3PackagingSourcePlatform):
            s3_uri (str): The prefix holding the model's files. It must be one of this tenant's
                places: its part of the artifact bucket (e.g. an earlier job's output) or
                `<tenant>/` of the source bucket (MLM_PACKAGING_SOURCE_BUCKET); anything
                else is a 422 that lists them.
            revision (str | Unset): Branch, tag or commit (Hugging Face: the job pins it to the commit it
                resolves; S3: recorded with the version as it is).
                 Example: main.
     """

    platform: S3PackagingSourcePlatform
    s3_uri: str
    revision: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        platform = self.platform.value

        s3_uri = self.s3_uri

        revision = self.revision


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "platform": platform,
            "s3_uri": s3_uri,
        })
        if revision is not UNSET:
            field_dict["revision"] = revision

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        platform = S3PackagingSourcePlatform(d.pop("platform"))




        s3_uri = d.pop("s3_uri")

        revision = d.pop("revision", UNSET)

        s3_packaging_source = cls(
            platform=platform,
            s3_uri=s3_uri,
            revision=revision,
        )

        return s3_packaging_source

