from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.s3_prefix_artifact_format import S3PrefixArtifactFormat






T = TypeVar("T", bound="S3PrefixArtifact")



@_attrs_define
class S3PrefixArtifact:
    """ 
        Attributes:
            uri (str): `s3://bucket/prefix/`: the weights are every object under it. Example: s3://mlm-
                artifacts-123456789012-us-east-1/glm-4-9b-chat/1/.
            format_ (S3PrefixArtifactFormat):
     """

    uri: str
    format_: S3PrefixArtifactFormat





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

        format_ = S3PrefixArtifactFormat(d.pop("format"))




        s3_prefix_artifact = cls(
            uri=uri,
            format_=format_,
        )

        return s3_prefix_artifact

