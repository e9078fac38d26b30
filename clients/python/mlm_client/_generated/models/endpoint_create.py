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
  from ..models.tags import Tags
  from ..models.variant_create import VariantCreate





T = TypeVar("T", bound="EndpointCreate")



@_attrs_define
class EndpointCreate:
    """ 
        Attributes:
            name (str): Lowercase letters, digits and single hyphens; starts with a letter; at most 32. Example:
                glm-4-9b-chat.
            variants (list[VariantCreate]): 1 to 10 variants with distinct names; at least one must have an
                `initial_weight` above 0 (traffic has to go somewhere), else `400`.
            enhanced_metrics (bool | Unset): Per-instance metrics (CloudWatch `InstanceId` dimension), every 10 s. Default:
                False.
            tags (Tags | Unset): AWS tags put on every resource created for this one (at most 20). Keys starting with
                `mlm:` or `aws:` are reserved. AWS allows letters, digits, spaces and `_.:/=+-@`.
                 Example: {'team': 'support'}.
            data_capture (DataCapture | Unset): Which invocations SageMaker records to S3 (request and/or response), under
                the
                tenant's capture location: `<destination_s3_uri>/<endpoint>/<variant>/yyyy/mm/dd/hh/`,
                JSON Lines in SageMaker's record format. Bodies of the CSV and JSON content types
                are kept as text, others base64. Changing it is a blue/green update.
     """

    name: str
    variants: list[VariantCreate]
    enhanced_metrics: bool | Unset = False
    tags: Tags | Unset = UNSET
    data_capture: DataCapture | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.data_capture import DataCapture # noqa: PLC0415
        from ..models.tags import Tags # noqa: PLC0415
        from ..models.variant_create import VariantCreate # noqa: PLC0415
        name = self.name

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)



        enhanced_metrics = self.enhanced_metrics

        tags: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags.to_dict()

        data_capture: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data_capture, Unset):
            data_capture = self.data_capture.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "variants": variants,
        })
        if enhanced_metrics is not UNSET:
            field_dict["enhanced_metrics"] = enhanced_metrics
        if tags is not UNSET:
            field_dict["tags"] = tags
        if data_capture is not UNSET:
            field_dict["data_capture"] = data_capture

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.data_capture import DataCapture # noqa: PLC0415
        from ..models.tags import Tags # noqa: PLC0415
        from ..models.variant_create import VariantCreate # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        variants = []
        _variants = d.pop("variants")
        for variants_item_data in (_variants):
            variants_item = VariantCreate.from_dict(variants_item_data)



            variants.append(variants_item)


        enhanced_metrics = d.pop("enhanced_metrics", UNSET)

        _tags = d.pop("tags", UNSET)
        tags: Tags | Unset
        if isinstance(_tags,  Unset):
            tags = UNSET
        else:
            tags = Tags.from_dict(_tags)




        _data_capture = d.pop("data_capture", UNSET)
        data_capture: DataCapture | Unset
        if isinstance(_data_capture,  Unset):
            data_capture = UNSET
        else:
            data_capture = DataCapture.from_dict(_data_capture)




        endpoint_create = cls(
            name=name,
            variants=variants,
            enhanced_metrics=enhanced_metrics,
            tags=tags,
            data_capture=data_capture,
        )

        return endpoint_create

