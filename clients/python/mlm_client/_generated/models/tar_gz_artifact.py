from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.tar_gz_artifact_format import TarGzArtifactFormat






T = TypeVar("T", bound="TarGzArtifact")



@_attrs_define
class TarGzArtifact:
    """ 
        Attributes:
            uri (str): `s3://bucket/key.tar.gz`: one object, so not ending in `/`. Example: s3://mlm-
                artifacts-123456789012-us-east-1/glm-4-9b-chat/1/model.tar.gz.
            format_ (TarGzArtifactFormat):
     """

    uri: str
    format_: TarGzArtifactFormat





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

        format_ = TarGzArtifactFormat(d.pop("format"))




        tar_gz_artifact = cls(
            uri=uri,
            format_=format_,
        )

        return tar_gz_artifact

