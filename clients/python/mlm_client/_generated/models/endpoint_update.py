from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.data_capture import DataCapture
  from ..models.deployment import Deployment
  from ..models.variant_update import VariantUpdate





T = TypeVar("T", bound="EndpointUpdate")



@_attrs_define
class EndpointUpdate:
    """ Variants to change, new data capture settings, or both.

        Attributes:
            variants (list[VariantUpdate] | Unset):
            deployment (Deployment | Unset): How an instance type or model version change moves to the new fleet. Blue/green
                (`all_at_once`, `canary`, `linear`) provisions the whole new fleet, shifts traffic to
                it and then removes the old one; `rolling` replaces each variant `batch_size` at a
                time (provision a batch, move its share of traffic, bake for `wait_seconds`, remove
                a batch of the old fleet), so it needs only one batch of extra instances: the
                choice for large GPU fleets. A rolling update needs at least 2 instances per variant.
            data_capture (DataCapture | Unset): Which invocations SageMaker records to S3 (request and/or response), under
                the
                tenant's capture location: `<destination_s3_uri>/<endpoint>/<variant>/yyyy/mm/dd/hh/`,
                JSON Lines in SageMaker's record format. Bodies of the CSV and JSON content types
                are kept as text, others base64. Changing it is a blue/green update.
     """

    variants: list[VariantUpdate] | Unset = UNSET
    deployment: Deployment | Unset = UNSET
    data_capture: DataCapture | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.data_capture import DataCapture # noqa: PLC0415
        from ..models.deployment import Deployment # noqa: PLC0415
        from ..models.variant_update import VariantUpdate # noqa: PLC0415
        variants: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.variants, Unset):
            variants = []
            for variants_item_data in self.variants:
                variants_item = variants_item_data.to_dict()
                variants.append(variants_item)



        deployment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.deployment, Unset):
            deployment = self.deployment.to_dict()

        data_capture: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data_capture, Unset):
            data_capture = self.data_capture.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if variants is not UNSET:
            field_dict["variants"] = variants
        if deployment is not UNSET:
            field_dict["deployment"] = deployment
        if data_capture is not UNSET:
            field_dict["data_capture"] = data_capture

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.data_capture import DataCapture # noqa: PLC0415
        from ..models.deployment import Deployment # noqa: PLC0415
        from ..models.variant_update import VariantUpdate # noqa: PLC0415
        d = dict(src_dict)
        _variants = d.pop("variants", UNSET)
        variants: list[VariantUpdate] | Unset = UNSET
        if _variants is not UNSET:
            variants = []
            for variants_item_data in _variants:
                variants_item = VariantUpdate.from_dict(variants_item_data)



                variants.append(variants_item)


        _deployment = d.pop("deployment", UNSET)
        deployment: Deployment | Unset
        if isinstance(_deployment,  Unset):
            deployment = UNSET
        else:
            deployment = Deployment.from_dict(_deployment)




        _data_capture = d.pop("data_capture", UNSET)
        data_capture: DataCapture | Unset
        if isinstance(_data_capture,  Unset):
            data_capture = UNSET
        else:
            data_capture = DataCapture.from_dict(_data_capture)




        endpoint_update = cls(
            variants=variants,
            deployment=deployment,
            data_capture=data_capture,
        )

        return endpoint_update

