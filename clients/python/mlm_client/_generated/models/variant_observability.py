from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.figure import Figure
  from ..models.figure_explanations import FigureExplanations





T = TypeVar("T", bound="VariantObservability")



@_attrs_define
class VariantObservability:
    """ 
        Attributes:
            name (str): Lowercase letters, digits and single hyphens; starts with a letter; at most 16. Example: primary.
            gpu_utilization (Figure): The newest datapoint of one series; both null when there is none.
            in_flight_requests (Figure): The newest datapoint of one series; both null when there is none.
            explanations (FigureExplanations): Why a whole family of figures is null (null when the family has data): `gpu`
                (gpu_utilization, gpu_memory_utilization), `host` (cpu_utilization,
                memory_utilization), `in_flight` (in_flight_requests). E.g. "no GPU metrics:
                ml.m5.large has no GPU", "no datapoints in the last 10 minutes".
            model_latency_p99_ms (Figure | Unset): The newest datapoint of one series; both null when there is none.
     """

    name: str
    gpu_utilization: Figure
    in_flight_requests: Figure
    explanations: FigureExplanations
    model_latency_p99_ms: Figure | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.figure import Figure # noqa: PLC0415
        from ..models.figure_explanations import FigureExplanations # noqa: PLC0415
        name = self.name

        gpu_utilization = self.gpu_utilization.to_dict()

        in_flight_requests = self.in_flight_requests.to_dict()

        explanations = self.explanations.to_dict()

        model_latency_p99_ms: dict[str, Any] | Unset = UNSET
        if not isinstance(self.model_latency_p99_ms, Unset):
            model_latency_p99_ms = self.model_latency_p99_ms.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "gpu_utilization": gpu_utilization,
            "in_flight_requests": in_flight_requests,
            "explanations": explanations,
        })
        if model_latency_p99_ms is not UNSET:
            field_dict["model_latency_p99_ms"] = model_latency_p99_ms

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.figure import Figure # noqa: PLC0415
        from ..models.figure_explanations import FigureExplanations # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        gpu_utilization = Figure.from_dict(d.pop("gpu_utilization"))




        in_flight_requests = Figure.from_dict(d.pop("in_flight_requests"))




        explanations = FigureExplanations.from_dict(d.pop("explanations"))




        _model_latency_p99_ms = d.pop("model_latency_p99_ms", UNSET)
        model_latency_p99_ms: Figure | Unset
        if isinstance(_model_latency_p99_ms,  Unset):
            model_latency_p99_ms = UNSET
        else:
            model_latency_p99_ms = Figure.from_dict(_model_latency_p99_ms)




        variant_observability = cls(
            name=name,
            gpu_utilization=gpu_utilization,
            in_flight_requests=in_flight_requests,
            explanations=explanations,
            model_latency_p99_ms=model_latency_p99_ms,
        )


        variant_observability.additional_properties = d
        return variant_observability

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
