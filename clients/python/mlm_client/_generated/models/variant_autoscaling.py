from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.variant_autoscaling_metric import VariantAutoscalingMetric
from ..models.variant_autoscaling_state import VariantAutoscalingState
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.autoscaling_schedule import AutoscalingSchedule





T = TypeVar("T", bound="VariantAutoscaling")



@_attrs_define
class VariantAutoscaling:
    """ 
        Attributes:
            variant (str):
            state (VariantAutoscalingState): `set_aside_for_update` while an instance-type change runs (AWS requires it); it
                comes back by itself.
            min_instances (int):
            max_instances (int):
            schedules (list[AutoscalingSchedule]):
            current_instance_count (int | None): Instances serving now (null until the endpoint first runs).
            desired_instance_count (int | None): Instances the variant is moving to.
            metric (VariantAutoscalingMetric | Unset):
            target_value (float | Unset):
            unit (str | Unset):  Example: invocations per instance per minute.
            scale_in_cooldown_seconds (int | Unset):
            scale_out_cooldown_seconds (int | Unset):
            scale_in_enabled (bool | Unset):
     """

    variant: str
    state: VariantAutoscalingState
    min_instances: int
    max_instances: int
    schedules: list[AutoscalingSchedule]
    current_instance_count: int | None
    desired_instance_count: int | None
    metric: VariantAutoscalingMetric | Unset = UNSET
    target_value: float | Unset = UNSET
    unit: str | Unset = UNSET
    scale_in_cooldown_seconds: int | Unset = UNSET
    scale_out_cooldown_seconds: int | Unset = UNSET
    scale_in_enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.autoscaling_schedule import AutoscalingSchedule # noqa: PLC0415
        variant = self.variant

        state = self.state.value

        min_instances = self.min_instances

        max_instances = self.max_instances

        schedules = []
        for schedules_item_data in self.schedules:
            schedules_item = schedules_item_data.to_dict()
            schedules.append(schedules_item)



        current_instance_count: int | None
        current_instance_count = self.current_instance_count

        desired_instance_count: int | None
        desired_instance_count = self.desired_instance_count

        metric: str | Unset = UNSET
        if not isinstance(self.metric, Unset):
            metric = self.metric.value


        target_value = self.target_value

        unit = self.unit

        scale_in_cooldown_seconds = self.scale_in_cooldown_seconds

        scale_out_cooldown_seconds = self.scale_out_cooldown_seconds

        scale_in_enabled = self.scale_in_enabled


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "variant": variant,
            "state": state,
            "min_instances": min_instances,
            "max_instances": max_instances,
            "schedules": schedules,
            "current_instance_count": current_instance_count,
            "desired_instance_count": desired_instance_count,
        })
        if metric is not UNSET:
            field_dict["metric"] = metric
        if target_value is not UNSET:
            field_dict["target_value"] = target_value
        if unit is not UNSET:
            field_dict["unit"] = unit
        if scale_in_cooldown_seconds is not UNSET:
            field_dict["scale_in_cooldown_seconds"] = scale_in_cooldown_seconds
        if scale_out_cooldown_seconds is not UNSET:
            field_dict["scale_out_cooldown_seconds"] = scale_out_cooldown_seconds
        if scale_in_enabled is not UNSET:
            field_dict["scale_in_enabled"] = scale_in_enabled

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.autoscaling_schedule import AutoscalingSchedule # noqa: PLC0415
        d = dict(src_dict)
        variant = d.pop("variant")

        state = VariantAutoscalingState(d.pop("state"))




        min_instances = d.pop("min_instances")

        max_instances = d.pop("max_instances")

        schedules = []
        _schedules = d.pop("schedules")
        for schedules_item_data in (_schedules):
            schedules_item = AutoscalingSchedule.from_dict(schedules_item_data)



            schedules.append(schedules_item)


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


        _metric = d.pop("metric", UNSET)
        metric: VariantAutoscalingMetric | Unset
        if isinstance(_metric,  Unset):
            metric = UNSET
        else:
            metric = VariantAutoscalingMetric(_metric)




        target_value = d.pop("target_value", UNSET)

        unit = d.pop("unit", UNSET)

        scale_in_cooldown_seconds = d.pop("scale_in_cooldown_seconds", UNSET)

        scale_out_cooldown_seconds = d.pop("scale_out_cooldown_seconds", UNSET)

        scale_in_enabled = d.pop("scale_in_enabled", UNSET)

        variant_autoscaling = cls(
            variant=variant,
            state=state,
            min_instances=min_instances,
            max_instances=max_instances,
            schedules=schedules,
            current_instance_count=current_instance_count,
            desired_instance_count=desired_instance_count,
            metric=metric,
            target_value=target_value,
            unit=unit,
            scale_in_cooldown_seconds=scale_in_cooldown_seconds,
            scale_out_cooldown_seconds=scale_out_cooldown_seconds,
            scale_in_enabled=scale_in_enabled,
        )


        variant_autoscaling.additional_properties = d
        return variant_autoscaling

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
