from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.health_status import HealthStatus
from typing import cast

if TYPE_CHECKING:
  from ..models.backend import Backend





T = TypeVar("T", bound="Health")



@_attrs_define
class Health:
    """ 
        Attributes:
            status (HealthStatus): `degraded` when the AWS backend does not answer.
            version (str):  Example: 0.1.0.
            backend (Backend):
     """

    status: HealthStatus
    version: str
    backend: Backend
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.backend import Backend # noqa: PLC0415
        status = self.status.value

        version = self.version

        backend = self.backend.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "status": status,
            "version": version,
            "backend": backend,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.backend import Backend # noqa: PLC0415
        d = dict(src_dict)
        status = HealthStatus(d.pop("status"))




        version = d.pop("version")

        backend = Backend.from_dict(d.pop("backend"))




        health = cls(
            status=status,
            version=version,
            backend=backend,
        )


        health.additional_properties = d
        return health

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
