from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.packaging_target_format import PackagingTargetFormat
from ..types import UNSET, Unset






T = TypeVar("T", bound="PackagingTarget")



@_attrs_define
class PackagingTarget:
    """ 
        Attributes:
            model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at most 32. Example:
                glm-4-9b-chat.
            register_version (bool | Unset):  Default: True.
            format_ (PackagingTargetFormat | Unset):  Default: PackagingTargetFormat.S3_PREFIX.
     """

    model_name: str
    register_version: bool | Unset = True
    format_: PackagingTargetFormat | Unset = PackagingTargetFormat.S3_PREFIX





    def to_dict(self) -> dict[str, Any]:
        model_name = self.model_name

        register_version = self.register_version

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "model_name": model_name,
        })
        if register_version is not UNSET:
            field_dict["register_version"] = register_version
        if format_ is not UNSET:
            field_dict["format"] = format_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        model_name = d.pop("model_name")

        register_version = d.pop("register_version", UNSET)

        _format_ = d.pop("format", UNSET)
        format_: PackagingTargetFormat | Unset
        if isinstance(_format_,  Unset):
            format_ = UNSET
        else:
            format_ = PackagingTargetFormat(_format_)




        packaging_target = cls(
            model_name=model_name,
            register_version=register_version,
            format_=format_,
        )

        return packaging_target

