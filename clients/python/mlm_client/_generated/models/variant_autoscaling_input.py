from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.variant_autoscaling_input_metric import VariantAutoscalingInputMetric
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.autoscaling_schedule import AutoscalingSchedule





T = TypeVar("T", bound="VariantAutoscalingInput")



@_attrs_define
class VariantAutoscalingInput:
    """ 
        Attributes:
            variant (str):  Example: primary.
            min_instances (int):
            max_instances (int): At least `min_instances`.
            metric (VariantAutoscalingInputMetric | Unset):  Default:
                VariantAutoscalingInputMetric.INVOCATIONS_PER_INSTANCE.
            target_value (float | Unset): The value to keep the metric at (percent per GPU for `gpu_utilization`, at most
                100). Default: 70.0.
            scale_in_cooldown_seconds (int | Unset): How long after a scaling change before instances are removed. Default:
                300.
            scale_out_cooldown_seconds (int | Unset): How long after a scale-out before instances are added again. Default:
                300.
            scale_in_enabled (bool | Unset): false keeps the policy from removing instances (scale out only). Default: True.
            schedules (list[AutoscalingSchedule] | Unset):
     """

    variant: str
    min_instances: int
    max_instances: int
    metric: VariantAutoscalingInputMetric | Unset = VariantAutoscalingInputMetric.INVOCATIONS_PER_INSTANCE
    target_value: float | Unset = 70.0
    scale_in_cooldown_seconds: int | Unset = 300
    scale_out_cooldown_seconds: int | Unset = 300
    scale_in_enabled: bool | Unset = True
    schedules: list[AutoscalingSchedule] | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.autoscaling_schedule import AutoscalingSchedule # noqa: PLC0415
        variant = self.variant

        min_instances = self.min_instances

        max_instances = self.max_instances

        metric: str | Unset = UNSET
        if not isinstance(self.metric, Unset):
            metric = self.metric.value


        target_value = self.target_value

        scale_in_cooldown_seconds = self.scale_in_cooldown_seconds

        scale_out_cooldown_seconds = self.scale_out_cooldown_seconds

        scale_in_enabled = self.scale_in_enabled

        schedules: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.schedules, Unset):
            schedules = []
            for schedules_item_data in self.schedules:
                schedules_item = schedules_item_data.to_dict()
                schedules.append(schedules_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "variant": variant,
            "min_instances": min_instances,
            "max_instances": max_instances,
        })
        if metric is not UNSET:
            field_dict["metric"] = metric
        if target_value is not UNSET:
            field_dict["target_value"] = target_value
        if scale_in_cooldown_seconds is not UNSET:
            field_dict["scale_in_cooldown_seconds"] = scale_in_cooldown_seconds
        if scale_out_cooldown_seconds is not UNSET:
            field_dict["scale_out_cooldown_seconds"] = scale_out_cooldown_seconds
        if scale_in_enabled is not UNSET:
            field_dict["scale_in_enabled"] = scale_in_enabled
        if schedules is not UNSET:
            field_dict["schedules"] = schedules

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.autoscaling_schedule import AutoscalingSchedule # noqa: PLC0415
        d = dict(src_dict)
        variant = d.pop("variant")

        min_instances = d.pop("min_instances")

        max_instances = d.pop("max_instances")

        _metric = d.pop("metric", UNSET)
        metric: VariantAutoscalingInputMetric | Unset
        if isinstance(_metric,  Unset):
            metric = UNSET
        else:
            metric = VariantAutoscalingInputMetric(_metric)




        target_value = d.pop("target_value", UNSET)

        scale_in_cooldown_seconds = d.pop("scale_in_cooldown_seconds", UNSET)

        scale_out_cooldown_seconds = d.pop("scale_out_cooldown_seconds", UNSET)

        scale_in_enabled = d.pop("scale_in_enabled", UNSET)

        _schedules = d.pop("schedules", UNSET)
        schedules: list[AutoscalingSchedule] | Unset = UNSET
        if _schedules is not UNSET:
            schedules = []
            for schedules_item_data in _schedules:
                schedules_item = AutoscalingSchedule.from_dict(schedules_item_data)



                schedules.append(schedules_item)


        variant_autoscaling_input = cls(
            variant=variant,
            min_instances=min_instances,
            max_instances=max_instances,
            metric=metric,
            target_value=target_value,
            scale_in_cooldown_seconds=scale_in_cooldown_seconds,
            scale_out_cooldown_seconds=scale_out_cooldown_seconds,
            scale_in_enabled=scale_in_enabled,
            schedules=schedules,
        )

        return variant_autoscaling_input

