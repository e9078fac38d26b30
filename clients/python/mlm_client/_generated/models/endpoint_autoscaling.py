from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.scaling_activity import ScalingActivity
  from ..models.variant_autoscaling import VariantAutoscaling





T = TypeVar("T", bound="EndpointAutoscaling")



@_attrs_define
class EndpointAutoscaling:
    """ 
        Attributes:
            endpoint_name (str):
            variants (list[VariantAutoscaling]):
            activities (list[ScalingActivity]): The most recent scaling activities first (at most ten).
     """

    endpoint_name: str
    variants: list[VariantAutoscaling]
    activities: list[ScalingActivity]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.scaling_activity import ScalingActivity # noqa: PLC0415
        from ..models.variant_autoscaling import VariantAutoscaling # noqa: PLC0415
        endpoint_name = self.endpoint_name

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)



        activities = []
        for activities_item_data in self.activities:
            activities_item = activities_item_data.to_dict()
            activities.append(activities_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "endpoint_name": endpoint_name,
            "variants": variants,
            "activities": activities,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scaling_activity import ScalingActivity # noqa: PLC0415
        from ..models.variant_autoscaling import VariantAutoscaling # noqa: PLC0415
        d = dict(src_dict)
        endpoint_name = d.pop("endpoint_name")

        variants = []
        _variants = d.pop("variants")
        for variants_item_data in (_variants):
            variants_item = VariantAutoscaling.from_dict(variants_item_data)



            variants.append(variants_item)


        activities = []
        _activities = d.pop("activities")
        for activities_item_data in (_activities):
            activities_item = ScalingActivity.from_dict(activities_item_data)



            activities.append(activities_item)


        endpoint_autoscaling = cls(
            endpoint_name=endpoint_name,
            variants=variants,
            activities=activities,
        )


        endpoint_autoscaling.additional_properties = d
        return endpoint_autoscaling

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
