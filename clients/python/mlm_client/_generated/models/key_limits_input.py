from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="KeyLimitsInput")



@_attrs_define
class KeyLimitsInput:
    """ A key's own limits; a missing (or null) field is the server's default; 0 turns one off.

        Attributes:
            per_second (float | None | Unset): Requests per second, sustained.
            burst (int | None | Unset): Requests at once before the per-second rate applies.
            writes_per_second (float | None | Unset): Changes (POST, PATCH, DELETE; not invocations) per second.
            writes_burst (int | None | Unset):
            per_day (int | None | Unset): Requests per UTC day.
     """

    per_second: float | None | Unset = UNSET
    burst: int | None | Unset = UNSET
    writes_per_second: float | None | Unset = UNSET
    writes_burst: int | None | Unset = UNSET
    per_day: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        per_second: float | None | Unset
        if isinstance(self.per_second, Unset):
            per_second = UNSET
        else:
            per_second = self.per_second

        burst: int | None | Unset
        if isinstance(self.burst, Unset):
            burst = UNSET
        else:
            burst = self.burst

        writes_per_second: float | None | Unset
        if isinstance(self.writes_per_second, Unset):
            writes_per_second = UNSET
        else:
            writes_per_second = self.writes_per_second

        writes_burst: int | None | Unset
        if isinstance(self.writes_burst, Unset):
            writes_burst = UNSET
        else:
            writes_burst = self.writes_burst

        per_day: int | None | Unset
        if isinstance(self.per_day, Unset):
            per_day = UNSET
        else:
            per_day = self.per_day


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if per_second is not UNSET:
            field_dict["per_second"] = per_second
        if burst is not UNSET:
            field_dict["burst"] = burst
        if writes_per_second is not UNSET:
            field_dict["writes_per_second"] = writes_per_second
        if writes_burst is not UNSET:
            field_dict["writes_burst"] = writes_burst
        if per_day is not UNSET:
            field_dict["per_day"] = per_day

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_per_second(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        per_second = _parse_per_second(d.pop("per_second", UNSET))


        def _parse_burst(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        burst = _parse_burst(d.pop("burst", UNSET))


        def _parse_writes_per_second(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        writes_per_second = _parse_writes_per_second(d.pop("writes_per_second", UNSET))


        def _parse_writes_burst(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        writes_burst = _parse_writes_burst(d.pop("writes_burst", UNSET))


        def _parse_per_day(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        per_day = _parse_per_day(d.pop("per_day", UNSET))


        key_limits_input = cls(
            per_second=per_second,
            burst=burst,
            writes_per_second=writes_per_second,
            writes_burst=writes_burst,
            per_day=per_day,
        )

        return key_limits_input

