from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.artifact_format import ArtifactFormat






T = TypeVar("T", bound="Artifact")



@_attrs_define
class Artifact:
    """ 
        Attributes:
            uri (str): `s3://bucket/prefix/` (s3_prefix) or `s3://bucket/key.tar.gz` (tar_gz). Example: s3://mlm-
                artifacts-123456789012-us-east-1/glm-4-9b-chat/1/.
            format_ (ArtifactFormat):
     """

    uri: str
    format_: ArtifactFormat





    def to_dict(self) -> dict[str, Any]:
        uri = self.uri

        format_ = self.format_.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "uri": uri,
            "format": format_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uri = d.pop("uri")

        format_ = ArtifactFormat(d.pop("format"))




        artifact = cls(
            uri=uri,
            format_=format_,
        )

        return artifact

