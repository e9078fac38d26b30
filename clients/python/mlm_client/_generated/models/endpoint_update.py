from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.deployment import Deployment
  from ..models.variant_update import VariantUpdate





T = TypeVar("T", bound="EndpointUpdate")



@_attrs_define
class EndpointUpdate:
    """ 
        Attributes:
            variants (list[VariantUpdate]):
            deployment (Deployment | Unset): How a blue/green update shifts traffic (instance type or model version
                changes).
     """

    variants: list[VariantUpdate]
    deployment: Deployment | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.deployment import Deployment # noqa: PLC0415
        from ..models.variant_update import VariantUpdate # noqa: PLC0415
        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)



        deployment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.deployment, Unset):
            deployment = self.deployment.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "variants": variants,
        })
        if deployment is not UNSET:
            field_dict["deployment"] = deployment

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deployment import Deployment # noqa: PLC0415
        from ..models.variant_update import VariantUpdate # noqa: PLC0415
        d = dict(src_dict)
        variants = []
        _variants = d.pop("variants")
        for variants_item_data in (_variants):
            variants_item = VariantUpdate.from_dict(variants_item_data)



            variants.append(variants_item)


        _deployment = d.pop("deployment", UNSET)
        deployment: Deployment | Unset
        if isinstance(_deployment,  Unset):
            deployment = UNSET
        else:
            deployment = Deployment.from_dict(_deployment)




        endpoint_update = cls(
            variants=variants,
            deployment=deployment,
        )

        return endpoint_update

