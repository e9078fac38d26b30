from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.metric_name import MetricName
from ..models.metric_series_unit import MetricSeriesUnit
from ..models.metric_statistic import MetricStatistic
from typing import cast

if TYPE_CHECKING:
  from ..models.metric_point import MetricPoint





T = TypeVar("T", bound="MetricSeries")



@_attrs_define
class MetricSeries:
    """ 
        Attributes:
            metric (MetricName): `invocation_error_rate_4xx` / `_5xx` are the percent of invocations that failed
                (the `average` of SageMaker's per-request 0/1 error metrics; other statistics give
                an empty series with a note); `model_latency_p99_ms` is the model latency's 99th
                percentile (the same as `model_latency_ms` with `statistic=p99`).
            variant (str): Lowercase letters, digits and single hyphens; starts with a letter; at most 16. Example: primary.
            instance_id (None | str): Null for the variant's series (all its instances).
            unit (MetricSeriesUnit): `percent` 0-100 (GPU figures per GPU, CPU per vCPU); latencies converted from
                CloudWatch's microseconds to `milliseconds`; `count` for counts and
                `sample_count`.
            statistic (MetricStatistic): `p50`, `p90`, `p99` are percentiles (CloudWatch extended statistics), e.g. the
                latency 99 % of requests stayed under.
            points (list[MetricPoint]): Periods with data only, oldest first.
            note (None | str): Why the series is empty by necessity (e.g. the instance type has no GPU).
     """

    metric: MetricName
    variant: str
    instance_id: None | str
    unit: MetricSeriesUnit
    statistic: MetricStatistic
    points: list[MetricPoint]
    note: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.metric_point import MetricPoint # noqa: PLC0415
        metric = self.metric.value

        variant = self.variant

        instance_id: None | str
        instance_id = self.instance_id

        unit = self.unit.value

        statistic = self.statistic.value

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)



        note: None | str
        note = self.note


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "metric": metric,
            "variant": variant,
            "instance_id": instance_id,
            "unit": unit,
            "statistic": statistic,
            "points": points,
            "note": note,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.metric_point import MetricPoint # noqa: PLC0415
        d = dict(src_dict)
        metric = MetricName(d.pop("metric"))




        variant = d.pop("variant")

        def _parse_instance_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        instance_id = _parse_instance_id(d.pop("instance_id"))


        unit = MetricSeriesUnit(d.pop("unit"))




        statistic = MetricStatistic(d.pop("statistic"))




        points = []
        _points = d.pop("points")
        for points_item_data in (_points):
            points_item = MetricPoint.from_dict(points_item_data)



            points.append(points_item)


        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))


        metric_series = cls(
            metric=metric,
            variant=variant,
            instance_id=instance_id,
            unit=unit,
            statistic=statistic,
            points=points,
            note=note,
        )


        metric_series.additional_properties = d
        return metric_series

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
