from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.audit_event_auth import AuditEventAuth
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="AuditEvent")



@_attrs_define
class AuditEvent:
    """ 
        Attributes:
            time (datetime.datetime): When the request was answered (UTC, microseconds).
            tenant (str):
            request_id (str):
            method (str):
            target (str): The request's path.
            status (int): The status the request was answered with.
            aws_request_ids (list[str]):
            operation_id (str | Unset):
            key_name (str | Unset):
            role (str | Unset):
            auth (AuditEventAuth | Unset):
            reason (str | Unset): Why a request was refused (401, 429), in words.
     """

    time: datetime.datetime
    tenant: str
    request_id: str
    method: str
    target: str
    status: int
    aws_request_ids: list[str]
    operation_id: str | Unset = UNSET
    key_name: str | Unset = UNSET
    role: str | Unset = UNSET
    auth: AuditEventAuth | Unset = UNSET
    reason: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        time = self.time.isoformat()

        tenant = self.tenant

        request_id = self.request_id

        method = self.method

        target = self.target

        status = self.status

        aws_request_ids = self.aws_request_ids



        operation_id = self.operation_id

        key_name = self.key_name

        role = self.role

        auth: str | Unset = UNSET
        if not isinstance(self.auth, Unset):
            auth = self.auth.value


        reason = self.reason


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "time": time,
            "tenant": tenant,
            "request_id": request_id,
            "method": method,
            "target": target,
            "status": status,
            "aws_request_ids": aws_request_ids,
        })
        if operation_id is not UNSET:
            field_dict["operation_id"] = operation_id
        if key_name is not UNSET:
            field_dict["key_name"] = key_name
        if role is not UNSET:
            field_dict["role"] = role
        if auth is not UNSET:
            field_dict["auth"] = auth
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        time = datetime.datetime.fromisoformat(d.pop("time"))




        tenant = d.pop("tenant")

        request_id = d.pop("request_id")

        method = d.pop("method")

        target = d.pop("target")

        status = d.pop("status")

        aws_request_ids = cast(list[str], d.pop("aws_request_ids"))


        operation_id = d.pop("operation_id", UNSET)

        key_name = d.pop("key_name", UNSET)

        role = d.pop("role", UNSET)

        _auth = d.pop("auth", UNSET)
        auth: AuditEventAuth | Unset
        if isinstance(_auth,  Unset):
            auth = UNSET
        else:
            auth = AuditEventAuth(_auth)




        reason = d.pop("reason", UNSET)

        audit_event = cls(
            time=time,
            tenant=tenant,
            request_id=request_id,
            method=method,
            target=target,
            status=status,
            aws_request_ids=aws_request_ids,
            operation_id=operation_id,
            key_name=key_name,
            role=role,
            auth=auth,
            reason=reason,
        )


        audit_event.additional_properties = d
        return audit_event

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
