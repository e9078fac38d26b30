from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.api_key_source import ApiKeySource
from ..models.api_key_status import ApiKeyStatus
from ..models.role import Role
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.key_limits import KeyLimits





T = TypeVar("T", bound="ApiKey")



@_attrs_define
class ApiKey:
    """ 
        Attributes:
            name (str): Lowercase letters, digits and single hyphens; starts with a letter; at most 64. Example: ci-
                deployer.
            tenant (str):
            role (Role): What a key may do; each role includes the ones before it: `viewer` reads, `invoker`
                also invokes endpoints, `operator` also changes resources, `publisher` also adds
                model versions where the server reserves that for publishers (`MLM_PUBLISH_ROLE`;
                the default in AWS mode), `admin` also approves versions, manages keys and reads the
                audit trail.
            source (ApiKeySource): `data`: created through this API; `settings`: from MLM_API_KEYS (read-only here).
            status (ApiKeyStatus):
            limits (KeyLimits): The limits that apply to the key (its own or the server's defaults; 0 = off).
            created_at (datetime.datetime | Unset): RFC 3339, UTC. Example: 2026-11-22T01:02:03Z.
            created_by (str | Unset): The key that created (or last rotated) it, as `<tenant>/<key name>`.
            last_used_at (datetime.datetime | Unset): RFC 3339, UTC. Example: 2026-11-22T01:02:03Z.
            expires_at (datetime.datetime | Unset): RFC 3339, UTC. Example: 2026-11-22T01:02:03Z.
     """

    name: str
    tenant: str
    role: Role
    source: ApiKeySource
    status: ApiKeyStatus
    limits: KeyLimits
    created_at: datetime.datetime | Unset = UNSET
    created_by: str | Unset = UNSET
    last_used_at: datetime.datetime | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.key_limits import KeyLimits # noqa: PLC0415
        name = self.name

        tenant = self.tenant

        role = self.role.value

        source = self.source.value

        status = self.status.value

        limits = self.limits.to_dict()

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        created_by = self.created_by

        last_used_at: str | Unset = UNSET
        if not isinstance(self.last_used_at, Unset):
            last_used_at = self.last_used_at.isoformat()

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "tenant": tenant,
            "role": role,
            "source": source,
            "status": status,
            "limits": limits,
        })
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if last_used_at is not UNSET:
            field_dict["last_used_at"] = last_used_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.key_limits import KeyLimits # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        tenant = d.pop("tenant")

        role = Role(d.pop("role"))




        source = ApiKeySource(d.pop("source"))




        status = ApiKeyStatus(d.pop("status"))




        limits = KeyLimits.from_dict(d.pop("limits"))




        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at,  Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)




        created_by = d.pop("created_by", UNSET)

        _last_used_at = d.pop("last_used_at", UNSET)
        last_used_at: datetime.datetime | Unset
        if isinstance(_last_used_at,  Unset):
            last_used_at = UNSET
        else:
            last_used_at = datetime.datetime.fromisoformat(_last_used_at)




        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at,  Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)




        api_key = cls(
            name=name,
            tenant=tenant,
            role=role,
            source=source,
            status=status,
            limits=limits,
            created_at=created_at,
            created_by=created_by,
            last_used_at=last_used_at,
            expires_at=expires_at,
        )


        api_key.additional_properties = d
        return api_key

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
