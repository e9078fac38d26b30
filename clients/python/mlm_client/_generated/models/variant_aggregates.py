from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.aggregate import Aggregate





T = TypeVar("T", bound="VariantAggregates")



@_attrs_define
class VariantAggregates:
    """ The variant's figures over all its instances (same units as InstanceFigures).

        Attributes:
            gpu_utilization (Aggregate): Average and maximum over a variant's instances, from the newest period.
            gpu_memory_utilization (Aggregate): Average and maximum over a variant's instances, from the newest period.
            cpu_utilization (Aggregate): Average and maximum over a variant's instances, from the newest period.
            memory_utilization (Aggregate): Average and maximum over a variant's instances, from the newest period.
            in_flight_requests (Aggregate): Average and maximum over a variant's instances, from the newest period.
     """

    gpu_utilization: Aggregate
    gpu_memory_utilization: Aggregate
    cpu_utilization: Aggregate
    memory_utilization: Aggregate
    in_flight_requests: Aggregate
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.aggregate import Aggregate # noqa: PLC0415
        gpu_utilization = self.gpu_utilization.to_dict()

        gpu_memory_utilization = self.gpu_memory_utilization.to_dict()

        cpu_utilization = self.cpu_utilization.to_dict()

        memory_utilization = self.memory_utilization.to_dict()

        in_flight_requests = self.in_flight_requests.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "gpu_utilization": gpu_utilization,
            "gpu_memory_utilization": gpu_memory_utilization,
            "cpu_utilization": cpu_utilization,
            "memory_utilization": memory_utilization,
            "in_flight_requests": in_flight_requests,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aggregate import Aggregate # noqa: PLC0415
        d = dict(src_dict)
        gpu_utilization = Aggregate.from_dict(d.pop("gpu_utilization"))




        gpu_memory_utilization = Aggregate.from_dict(d.pop("gpu_memory_utilization"))




        cpu_utilization = Aggregate.from_dict(d.pop("cpu_utilization"))




        memory_utilization = Aggregate.from_dict(d.pop("memory_utilization"))




        in_flight_requests = Aggregate.from_dict(d.pop("in_flight_requests"))




        variant_aggregates = cls(
            gpu_utilization=gpu_utilization,
            gpu_memory_utilization=gpu_memory_utilization,
            cpu_utilization=cpu_utilization,
            memory_utilization=memory_utilization,
            in_flight_requests=in_flight_requests,
        )


        variant_aggregates.additional_properties = d
        return variant_aggregates

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
