from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.approval_status import ApprovalStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.metadata_patch import MetadataPatch





T = TypeVar("T", bound="ModelVersionUpdate")



@_attrs_define
class ModelVersionUpdate:
    """ Only these fields change; anything else (container, artifact…) needs a new version
    and is answered with `409 VERSION_IMMUTABLE`.

        Attributes:
            approval_status (ApprovalStatus | Unset):
            approval_note (str | Unset):
            description (None | str | Unset):
            metadata (MetadataPatch | Unset): Keys to set (1 to 128 characters; values of at most 256); a key set to `null`
                is removed.
     """

    approval_status: ApprovalStatus | Unset = UNSET
    approval_note: str | Unset = UNSET
    description: None | str | Unset = UNSET
    metadata: MetadataPatch | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata_patch import MetadataPatch # noqa: PLC0415
        approval_status: str | Unset = UNSET
        if not isinstance(self.approval_status, Unset):
            approval_status = self.approval_status.value


        approval_note = self.approval_note

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if approval_status is not UNSET:
            field_dict["approval_status"] = approval_status
        if approval_note is not UNSET:
            field_dict["approval_note"] = approval_note
        if description is not UNSET:
            field_dict["description"] = description
        if metadata is not UNSET:
            field_dict["metadata"] = metadata

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metadata_patch import MetadataPatch # noqa: PLC0415
        d = dict(src_dict)
        _approval_status = d.pop("approval_status", UNSET)
        approval_status: ApprovalStatus | Unset
        if isinstance(_approval_status,  Unset):
            approval_status = UNSET
        else:
            approval_status = ApprovalStatus(_approval_status)




        approval_note = d.pop("approval_note", UNSET)

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        _metadata = d.pop("metadata", UNSET)
        metadata: MetadataPatch | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = MetadataPatch.from_dict(_metadata)




        model_version_update = cls(
            approval_status=approval_status,
            approval_note=approval_note,
            description=description,
            metadata=metadata,
        )


        model_version_update.additional_properties = d
        return model_version_update

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
