from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.figure import Figure





T = TypeVar("T", bound="InstanceFigures")



@_attrs_define
class InstanceFigures:
    """ One instance's latest figures. Utilizations are percent, 0-100: GPU figures per
    GPU (CloudWatch reports 0-100 x the GPU count; a 4-GPU instance reporting 200 is
    50 here), CPU per vCPU. In-flight requests: the maximum of
    ConcurrentRequestsPerModel (queued requests included).

        Attributes:
            instance_id (str):
            gpu_utilization (Figure): The newest datapoint of one series; both null when there is none.
            gpu_memory_utilization (Figure): The newest datapoint of one series; both null when there is none.
            cpu_utilization (Figure): The newest datapoint of one series; both null when there is none.
            memory_utilization (Figure): The newest datapoint of one series; both null when there is none.
            in_flight_requests (Figure): The newest datapoint of one series; both null when there is none.
     """

    instance_id: str
    gpu_utilization: Figure
    gpu_memory_utilization: Figure
    cpu_utilization: Figure
    memory_utilization: Figure
    in_flight_requests: Figure
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.figure import Figure # noqa: PLC0415
        instance_id = self.instance_id

        gpu_utilization = self.gpu_utilization.to_dict()

        gpu_memory_utilization = self.gpu_memory_utilization.to_dict()

        cpu_utilization = self.cpu_utilization.to_dict()

        memory_utilization = self.memory_utilization.to_dict()

        in_flight_requests = self.in_flight_requests.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "instance_id": instance_id,
            "gpu_utilization": gpu_utilization,
            "gpu_memory_utilization": gpu_memory_utilization,
            "cpu_utilization": cpu_utilization,
            "memory_utilization": memory_utilization,
            "in_flight_requests": in_flight_requests,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figure import Figure # noqa: PLC0415
        d = dict(src_dict)
        instance_id = d.pop("instance_id")

        gpu_utilization = Figure.from_dict(d.pop("gpu_utilization"))




        gpu_memory_utilization = Figure.from_dict(d.pop("gpu_memory_utilization"))




        cpu_utilization = Figure.from_dict(d.pop("cpu_utilization"))




        memory_utilization = Figure.from_dict(d.pop("memory_utilization"))




        in_flight_requests = Figure.from_dict(d.pop("in_flight_requests"))




        instance_figures = cls(
            instance_id=instance_id,
            gpu_utilization=gpu_utilization,
            gpu_memory_utilization=gpu_memory_utilization,
            cpu_utilization=cpu_utilization,
            memory_utilization=memory_utilization,
            in_flight_requests=in_flight_requests,
        )


        instance_figures.additional_properties = d
        return instance_figures

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
