from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.variant_autoscaling_input import VariantAutoscalingInput





T = TypeVar("T", bound="EndpointAutoscalingUpdate")



@_attrs_define
class EndpointAutoscalingUpdate:
    """ 
        Attributes:
            variants (list[VariantAutoscalingInput]): The variants that scale; an empty list stops all autoscaling.
     """

    variants: list[VariantAutoscalingInput]





    def to_dict(self) -> dict[str, Any]:
        from ..models.variant_autoscaling_input import VariantAutoscalingInput # noqa: PLC0415
        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "variants": variants,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.variant_autoscaling_input import VariantAutoscalingInput # noqa: PLC0415
        d = dict(src_dict)
        variants = []
        _variants = d.pop("variants")
        for variants_item_data in (_variants):
            variants_item = VariantAutoscalingInput.from_dict(variants_item_data)



            variants.append(variants_item)


        endpoint_autoscaling_update = cls(
            variants=variants,
        )

        return endpoint_autoscaling_update

