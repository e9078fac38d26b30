from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.variant_instances_scope import VariantInstancesScope
from ..models.variant_status import VariantStatus
from typing import cast

if TYPE_CHECKING:
  from ..models.figure_explanations import FigureExplanations
  from ..models.instance_figures import InstanceFigures
  from ..models.variant_aggregates import VariantAggregates





T = TypeVar("T", bound="VariantInstances")



@_attrs_define
class VariantInstances:
    """ 
        Attributes:
            name (str): Lowercase letters, digits and single hyphens; starts with a letter; at most 16. Example: primary.
            instance_type (None | str):
            gpu_count (int | None): GPUs per instance (null when unknown).
            current_instance_count (int | None):
            desired_instance_count (int | None):
            status (VariantStatus):
            scope (VariantInstancesScope): `instance`: figures are in `instances`; `variant`: in `aggregates`.
            scope_reason (None | str): Why figures are not per instance (null when they are).
            instances (list[InstanceFigures]):
            aggregates (None | VariantAggregates):
            explanations (FigureExplanations): Why a whole family of figures is null (null when the family has data): `gpu`
                (gpu_utilization, gpu_memory_utilization), `host` (cpu_utilization,
                memory_utilization), `in_flight` (in_flight_requests). E.g. "no GPU metrics:
                ml.m5.large has no GPU", "no datapoints in the last 10 minutes".
     """

    name: str
    instance_type: None | str
    gpu_count: int | None
    current_instance_count: int | None
    desired_instance_count: int | None
    status: VariantStatus
    scope: VariantInstancesScope
    scope_reason: None | str
    instances: list[InstanceFigures]
    aggregates: None | VariantAggregates
    explanations: FigureExplanations
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.figure_explanations import FigureExplanations # noqa: PLC0415
        from ..models.instance_figures import InstanceFigures # noqa: PLC0415
        from ..models.variant_aggregates import VariantAggregates # noqa: PLC0415
        name = self.name

        instance_type: None | str
        instance_type = self.instance_type

        gpu_count: int | None
        gpu_count = self.gpu_count

        current_instance_count: int | None
        current_instance_count = self.current_instance_count

        desired_instance_count: int | None
        desired_instance_count = self.desired_instance_count

        status = self.status.value

        scope = self.scope.value

        scope_reason: None | str
        scope_reason = self.scope_reason

        instances = []
        for instances_item_data in self.instances:
            instances_item = instances_item_data.to_dict()
            instances.append(instances_item)



        aggregates: dict[str, Any] | None
        if isinstance(self.aggregates, VariantAggregates):
            aggregates = self.aggregates.to_dict()
        else:
            aggregates = self.aggregates

        explanations = self.explanations.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "instance_type": instance_type,
            "gpu_count": gpu_count,
            "current_instance_count": current_instance_count,
            "desired_instance_count": desired_instance_count,
            "status": status,
            "scope": scope,
            "scope_reason": scope_reason,
            "instances": instances,
            "aggregates": aggregates,
            "explanations": explanations,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figure_explanations import FigureExplanations # noqa: PLC0415
        from ..models.instance_figures import InstanceFigures # noqa: PLC0415
        from ..models.variant_aggregates import VariantAggregates # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_instance_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        instance_type = _parse_instance_type(d.pop("instance_type"))


        def _parse_gpu_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        gpu_count = _parse_gpu_count(d.pop("gpu_count"))


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


        status = VariantStatus(d.pop("status"))




        scope = VariantInstancesScope(d.pop("scope"))




        def _parse_scope_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        scope_reason = _parse_scope_reason(d.pop("scope_reason"))


        instances = []
        _instances = d.pop("instances")
        for instances_item_data in (_instances):
            instances_item = InstanceFigures.from_dict(instances_item_data)



            instances.append(instances_item)


        def _parse_aggregates(data: object) -> None | VariantAggregates:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                aggregates_type_1 = VariantAggregates.from_dict(data)



                return aggregates_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | VariantAggregates, data)

        aggregates = _parse_aggregates(d.pop("aggregates"))


        explanations = FigureExplanations.from_dict(d.pop("explanations"))




        variant_instances = cls(
            name=name,
            instance_type=instance_type,
            gpu_count=gpu_count,
            current_instance_count=current_instance_count,
            desired_instance_count=desired_instance_count,
            status=status,
            scope=scope,
            scope_reason=scope_reason,
            instances=instances,
            aggregates=aggregates,
            explanations=explanations,
        )


        variant_instances.additional_properties = d
        return variant_instances

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
