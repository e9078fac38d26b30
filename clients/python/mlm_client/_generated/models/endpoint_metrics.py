from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.metric_series import MetricSeries





T = TypeVar("T", bound="EndpointMetrics")



@_attrs_define
class EndpointMetrics:
    """ 
        Attributes:
            name (str): Lowercase letters, digits and single hyphens; starts with a letter; at most 32. Example:
                glm-4-9b-chat.
            start_time (datetime.datetime): RFC 3339, UTC. Example: 2026-11-22T01:02:03Z.
            end_time (datetime.datetime): RFC 3339, UTC. Example: 2026-11-22T01:02:03Z.
            period (int):
            series (list[MetricSeries]):
     """

    name: str
    start_time: datetime.datetime
    end_time: datetime.datetime
    period: int
    series: list[MetricSeries]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.metric_series import MetricSeries # noqa: PLC0415
        name = self.name

        start_time = self.start_time.isoformat()

        end_time = self.end_time.isoformat()

        period = self.period

        series = []
        for series_item_data in self.series:
            series_item = series_item_data.to_dict()
            series.append(series_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "start_time": start_time,
            "end_time": end_time,
            "period": period,
            "series": series,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metric_series import MetricSeries # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        start_time = datetime.datetime.fromisoformat(d.pop("start_time"))




        end_time = datetime.datetime.fromisoformat(d.pop("end_time"))




        period = d.pop("period")

        series = []
        _series = d.pop("series")
        for series_item_data in (_series):
            series_item = MetricSeries.from_dict(series_item_data)



            series.append(series_item)


        endpoint_metrics = cls(
            name=name,
            start_time=start_time,
            end_time=end_time,
            period=period,
            series=series,
        )


        endpoint_metrics.additional_properties = d
        return endpoint_metrics

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
