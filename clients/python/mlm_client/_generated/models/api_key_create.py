from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.role import Role
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.key_limits_input import KeyLimitsInput





T = TypeVar("T", bound="ApiKeyCreate")



@_attrs_define
class ApiKeyCreate:
    """ 
        Attributes:
            name (str): Lowercase letters, digits and single hyphens; starts with a letter; at most 64. Example: ci-
                deployer.
            role (Role): What a key may do; each role includes the ones before it: `viewer` reads, `invoker`
                also invokes endpoints, `operator` also changes resources, `publisher` also adds
                model versions where the server reserves that for publishers (`MLM_PUBLISH_ROLE`;
                the default in AWS mode), `admin` also approves versions, manages keys and reads the
                audit trail.
            expires_at (datetime.datetime | Unset): When the key stops working (none by default).
            limits (KeyLimitsInput | Unset): A key's own limits; a missing (or null) field is the server's default; 0 turns
                one off.
     """

    name: str
    role: Role
    expires_at: datetime.datetime | Unset = UNSET
    limits: KeyLimitsInput | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.key_limits_input import KeyLimitsInput # noqa: PLC0415
        name = self.name

        role = self.role.value

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        limits: dict[str, Any] | Unset = UNSET
        if not isinstance(self.limits, Unset):
            limits = self.limits.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "role": role,
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
        name = d.pop("name")

        role = Role(d.pop("role"))




        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at,  Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)




        _limits = d.pop("limits", UNSET)
        limits: KeyLimitsInput | Unset
        if isinstance(_limits,  Unset):
            limits = UNSET
        else:
            limits = KeyLimitsInput.from_dict(_limits)




        api_key_create = cls(
            name=name,
            role=role,
            expires_at=expires_at,
            limits=limits,
        )

        return api_key_create

