from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="AutoscalingSchedule")



@_attrs_define
class AutoscalingSchedule:
    """ At the schedule, set the variant's bounds (either or both).

        Attributes:
            name (str):  Example: business-hours.
            schedule (str): `at(yyyy-mm-ddThh:mm:ss)`, `rate(<n> <unit>)` or `cron(<fields>)`, as Application Auto Scaling
                takes them. Example: cron(0 8 ? * MON-FRI *).
            min_instances (int | Unset):
            max_instances (int | Unset):
            timezone (str | Unset): An IANA time zone for `cron` and `at` (UTC when left out). Example: Europe/Berlin.
     """

    name: str
    schedule: str
    min_instances: int | Unset = UNSET
    max_instances: int | Unset = UNSET
    timezone: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        schedule = self.schedule

        min_instances = self.min_instances

        max_instances = self.max_instances

        timezone = self.timezone


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "schedule": schedule,
        })
        if min_instances is not UNSET:
            field_dict["min_instances"] = min_instances
        if max_instances is not UNSET:
            field_dict["max_instances"] = max_instances
        if timezone is not UNSET:
            field_dict["timezone"] = timezone

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        schedule = d.pop("schedule")

        min_instances = d.pop("min_instances", UNSET)

        max_instances = d.pop("max_instances", UNSET)

        timezone = d.pop("timezone", UNSET)

        autoscaling_schedule = cls(
            name=name,
            schedule=schedule,
            min_instances=min_instances,
            max_instances=max_instances,
            timezone=timezone,
        )

        return autoscaling_schedule

