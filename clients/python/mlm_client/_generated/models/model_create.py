from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.metadata import Metadata
  from ..models.tags import Tags





T = TypeVar("T", bound="ModelCreate")



@_attrs_define
class ModelCreate:
    """ 
        Attributes:
            name (str): Lowercase letters, digits and single hyphens; starts with a letter; at most 32. Example:
                glm-4-9b-chat.
            description (str | Unset):
            task (str | Unset): What the model does, e.g. `text-generation`, `feature-extraction`: lowercase
                letters, digits, `_` and `-`, starting with a letter or digit; at most 64.
                 Example: text-generation.
            owner (str | Unset):  Example: ml-platform@example.com.
            metadata (Metadata | Unset): Free-form string properties: at most 20, keys of 1 to 128 characters, values of
                at most 256.
                 Example: {'license': 'apache-2.0'}.
            tags (Tags | Unset): AWS tags put on every resource created for this one (at most 20). Keys starting with
                `mlm:` or `aws:` are reserved. AWS allows letters, digits, spaces and `_.:/=+-@`.
                 Example: {'team': 'support'}.
     """

    name: str
    description: str | Unset = UNSET
    task: str | Unset = UNSET
    owner: str | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    tags: Tags | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.metadata import Metadata # noqa: PLC0415
        from ..models.tags import Tags # noqa: PLC0415
        name = self.name

        description = self.description

        task = self.task

        owner = self.owner

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        tags: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
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
        from ..models.metadata import Metadata # noqa: PLC0415
        from ..models.tags import Tags # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        description = d.pop("description", UNSET)

        task = d.pop("task", UNSET)

        owner = d.pop("owner", UNSET)

        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)




        _tags = d.pop("tags", UNSET)
        tags: Tags | Unset
        if isinstance(_tags,  Unset):
            tags = UNSET
        else:
            tags = Tags.from_dict(_tags)




        model_create = cls(
            name=name,
            description=description,
            task=task,
            owner=owner,
            metadata=metadata,
            tags=tags,
        )

        return model_create

