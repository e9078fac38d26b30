from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.variant_status import VariantStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="Variant")



@_attrs_define
class Variant:
    """ 
        Attributes:
            name (str): Lowercase letters, digits and single hyphens; starts with a letter; at most 16. Example: primary.
            model_name (None | str):
            model_version (int | None):
            instance_type (None | str):
            current_instance_count (int | None):
            desired_instance_count (int | None):
            current_weight (float | None):
            desired_weight (float | None):
            status (VariantStatus):
            status_message (None | str | Unset): SageMaker's words on the variant's status, when it gives any: during a
                blue/green update the step, the new fleet's share of traffic and until when it
                bakes (e.g. "Step 1 of 2: 50% of traffic on the new fleet; baking until …").
     """

    name: str
    model_name: None | str
    model_version: int | None
    instance_type: None | str
    current_instance_count: int | None
    desired_instance_count: int | None
    current_weight: float | None
    desired_weight: float | None
    status: VariantStatus
    status_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        model_name: None | str
        model_name = self.model_name

        model_version: int | None
        model_version = self.model_version

        instance_type: None | str
        instance_type = self.instance_type

        current_instance_count: int | None
        current_instance_count = self.current_instance_count

        desired_instance_count: int | None
        desired_instance_count = self.desired_instance_count

        current_weight: float | None
        current_weight = self.current_weight

        desired_weight: float | None
        desired_weight = self.desired_weight

        status = self.status.value

        status_message: None | str | Unset
        if isinstance(self.status_message, Unset):
            status_message = UNSET
        else:
            status_message = self.status_message


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "model_name": model_name,
            "model_version": model_version,
            "instance_type": instance_type,
            "current_instance_count": current_instance_count,
            "desired_instance_count": desired_instance_count,
            "current_weight": current_weight,
            "desired_weight": desired_weight,
            "status": status,
        })
        if status_message is not UNSET:
            field_dict["status_message"] = status_message

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_model_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        model_name = _parse_model_name(d.pop("model_name"))


        def _parse_model_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        model_version = _parse_model_version(d.pop("model_version"))


        def _parse_instance_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        instance_type = _parse_instance_type(d.pop("instance_type"))


        def _parse_current_instance_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        current_instance_count = _parse_current_instance_count(d.pop("current_instance_count"))


        def _parse_desired_instance_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        desired_instance_count = _parse_desired_instance_count(d.pop("desired_instance_count"))


        def _parse_current_weight(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        current_weight = _parse_current_weight(d.pop("current_weight"))


        def _parse_desired_weight(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        desired_weight = _parse_desired_weight(d.pop("desired_weight"))


        status = VariantStatus(d.pop("status"))




        def _parse_status_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status_message = _parse_status_message(d.pop("status_message", UNSET))


        variant = cls(
            name=name,
            model_name=model_name,
            model_version=model_version,
            instance_type=instance_type,
            current_instance_count=current_instance_count,
            desired_instance_count=desired_instance_count,
            current_weight=current_weight,
            desired_weight=desired_weight,
            status=status,
            status_message=status_message,
        )


        variant.additional_properties = d
        return variant

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
