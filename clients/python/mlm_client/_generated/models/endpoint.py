from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.endpoint_status import EndpointStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.endpoint_tags import EndpointTags
  from ..models.variant import Variant





T = TypeVar("T", bound="Endpoint")



@_attrs_define
class Endpoint:
    """ 
        Attributes:
            name (str): Lowercase letters, digits and single hyphens; starts with a letter; at most 32. Example:
                glm-4-9b-chat.
            status (EndpointStatus):
            failure_reason (None | str):
            variants (list[Variant]):
            enhanced_metrics (bool):
            tags (EndpointTags):
            created_at (datetime.datetime): RFC 3339, UTC. Example: 2026-11-22T01:02:03Z.
            updated_at (datetime.datetime): RFC 3339, UTC. Example: 2026-11-22T01:02:03Z.
     """

    name: str
    status: EndpointStatus
    failure_reason: None | str
    variants: list[Variant]
    enhanced_metrics: bool
    tags: EndpointTags
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.endpoint_tags import EndpointTags # noqa: PLC0415
        from ..models.variant import Variant # noqa: PLC0415
        name = self.name

        status = self.status.value

        failure_reason: None | str
        failure_reason = self.failure_reason

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)



        enhanced_metrics = self.enhanced_metrics

        tags = self.tags.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "status": status,
            "failure_reason": failure_reason,
            "variants": variants,
            "enhanced_metrics": enhanced_metrics,
            "tags": tags,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.endpoint_tags import EndpointTags # noqa: PLC0415
        from ..models.variant import Variant # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        status = EndpointStatus(d.pop("status"))




        def _parse_failure_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason"))


        variants = []
        _variants = d.pop("variants")
        for variants_item_data in (_variants):
            variants_item = Variant.from_dict(variants_item_data)



            variants.append(variants_item)


        enhanced_metrics = d.pop("enhanced_metrics")

        tags = EndpointTags.from_dict(d.pop("tags"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        endpoint = cls(
            name=name,
            status=status,
            failure_reason=failure_reason,
            variants=variants,
            enhanced_metrics=enhanced_metrics,
            tags=tags,
            created_at=created_at,
            updated_at=updated_at,
        )


        endpoint.additional_properties = d
        return endpoint

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
