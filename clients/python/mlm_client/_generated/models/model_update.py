from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.metadata_patch import MetadataPatch
  from ..models.tags_patch import TagsPatch





T = TypeVar("T", bound="ModelUpdate")



@_attrs_define
class ModelUpdate:
    """ 
        Attributes:
            description (None | str | Unset):
            task (None | str | Unset): What the model does; null removes it.
            owner (None | str | Unset):
            metadata (MetadataPatch | Unset): Keys to set (1 to 128 characters; values of at most 256); a key set to `null`
                is removed.
            tags (TagsPatch | Unset): Tags to set; a tag set to `null` is removed.
     """

    description: None | str | Unset = UNSET
    task: None | str | Unset = UNSET
    owner: None | str | Unset = UNSET
    metadata: MetadataPatch | Unset = UNSET
    tags: TagsPatch | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata_patch import MetadataPatch # noqa: PLC0415
        from ..models.tags_patch import TagsPatch # noqa: PLC0415
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        task: None | str | Unset
        if isinstance(self.task, Unset):
            task = UNSET
        else:
            task = self.task

        owner: None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        tags: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if description is not UNSET:
            field_dict["description"] = description
        if task is not UNSET:
            field_dict["task"] = task
        if owner is not UNSET:
            field_dict["owner"] = owner
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metadata_patch import MetadataPatch # noqa: PLC0415
        from ..models.tags_patch import TagsPatch # noqa: PLC0415
        d = dict(src_dict)
        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_task(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        task = _parse_task(d.pop("task", UNSET))


        def _parse_owner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))


        _metadata = d.pop("metadata", UNSET)
        metadata: MetadataPatch | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = MetadataPatch.from_dict(_metadata)




        _tags = d.pop("tags", UNSET)
        tags: TagsPatch | Unset
        if isinstance(_tags,  Unset):
            tags = UNSET
        else:
            tags = TagsPatch.from_dict(_tags)




        model_update = cls(
            description=description,
            task=task,
            owner=owner,
            metadata=metadata,
            tags=tags,
        )

        return model_update

