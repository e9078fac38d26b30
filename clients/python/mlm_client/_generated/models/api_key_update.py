from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.key_limits_input import KeyLimitsInput





T = TypeVar("T", bound="ApiKeyUpdate")



@_attrs_define
class ApiKeyUpdate:
    """ 
        Attributes:
            expires_at (datetime.datetime | None | Unset):
            limits (KeyLimitsInput | Unset): A key's own limits; a missing (or null) field is the server's default; 0 turns
                one off.
     """

    expires_at: datetime.datetime | None | Unset = UNSET
    limits: KeyLimitsInput | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.key_limits_input import KeyLimitsInput # noqa: PLC0415
        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        limits: dict[str, Any] | Unset = UNSET
        if not isinstance(self.limits, Unset):
            limits = self.limits.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if limits is not UNSET:
            field_dict["limits"] = limits

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.key_limits_input import KeyLimitsInput # noqa: PLC0415
        d = dict(src_dict)
        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)



                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))


        _limits = d.pop("limits", UNSET)
        limits: KeyLimitsInput | Unset
        if isinstance(_limits,  Unset):
            limits = UNSET
        else:
            limits = KeyLimitsInput.from_dict(_limits)




        api_key_update = cls(
            expires_at=expires_at,
            limits=limits,
        )

        return api_key_update

