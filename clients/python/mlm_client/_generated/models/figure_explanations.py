from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="FigureExplanations")



@_attrs_define
class FigureExplanations:
    """ Why a whole family of figures is null (null when the family has data): `gpu`
    (gpu_utilization, gpu_memory_utilization), `host` (cpu_utilization,
    memory_utilization), `in_flight` (in_flight_requests). E.g. "no GPU metrics:
    ml.m5.large has no GPU", "no datapoints in the last 10 minutes".

        Attributes:
            gpu (None | str):
            in_flight (None | str):
            host (None | str | Unset):
     """

    gpu: None | str
    in_flight: None | str
    host: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        gpu: None | str
        gpu = self.gpu

        in_flight: None | str
        in_flight = self.in_flight

        host: None | str | Unset
        if isinstance(self.host, Unset):
            host = UNSET
        else:
            host = self.host


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "gpu": gpu,
            "in_flight": in_flight,
        })
        if host is not UNSET:
            field_dict["host"] = host

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_gpu(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        gpu = _parse_gpu(d.pop("gpu"))


        def _parse_in_flight(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        in_flight = _parse_in_flight(d.pop("in_flight"))


        def _parse_host(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        host = _parse_host(d.pop("host", UNSET))


        figure_explanations = cls(
            gpu=gpu,
            in_flight=in_flight,
            host=host,
        )


        figure_explanations.additional_properties = d
        return figure_explanations

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
