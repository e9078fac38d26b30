from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.model_metadata import ModelMetadata
  from ..models.model_tags import ModelTags





T = TypeVar("T", bound="Model")



@_attrs_define
class Model:
    """ 
        Attributes:
            name (str): Lowercase letters, digits and single hyphens; starts with a letter; at most 32. Example:
                glm-4-9b-chat.
            description (None | str):
            task (None | str):
            owner (None | str):
            metadata (ModelMetadata):
            tags (ModelTags):
            latest_version (int | None): The highest version number; null before the first version.
            version_count (int):
            created_at (datetime.datetime): RFC 3339, UTC. Example: 2026-11-22T01:02:03Z.
            updated_at (datetime.datetime): RFC 3339, UTC. Example: 2026-11-22T01:02:03Z.
     """

    name: str
    description: None | str
    task: None | str
    owner: None | str
    metadata: ModelMetadata
    tags: ModelTags
    latest_version: int | None
    version_count: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.model_metadata import ModelMetadata # noqa: PLC0415
        from ..models.model_tags import ModelTags # noqa: PLC0415
        name = self.name

        description: None | str
        description = self.description

        task: None | str
        task = self.task

        owner: None | str
        owner = self.owner

        metadata = self.metadata.to_dict()

        tags = self.tags.to_dict()

        latest_version: int | None
        latest_version = self.latest_version

        version_count = self.version_count

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "description": description,
            "task": task,
            "owner": owner,
            "metadata": metadata,
            "tags": tags,
            "latest_version": latest_version,
            "version_count": version_count,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.model_metadata import ModelMetadata # noqa: PLC0415
        from ..models.model_tags import ModelTags # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        def _parse_task(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        task = _parse_task(d.pop("task"))


        def _parse_owner(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        owner = _parse_owner(d.pop("owner"))


        metadata = ModelMetadata.from_dict(d.pop("metadata"))




        tags = ModelTags.from_dict(d.pop("tags"))




        def _parse_latest_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        latest_version = _parse_latest_version(d.pop("latest_version"))


        version_count = d.pop("version_count")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        model = cls(
            name=name,
            description=description,
            task=task,
            owner=owner,
            metadata=metadata,
            tags=tags,
            latest_version=latest_version,
            version_count=version_count,
            created_at=created_at,
            updated_at=updated_at,
        )


        model.additional_properties = d
        return model

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
