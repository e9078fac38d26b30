from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.field_error import FieldError





T = TypeVar("T", bound="ModelErrorProblem")



@_attrs_define
class ModelErrorProblem:
    """ 
        Attributes:
            type_ (str): A relative URI naming the kind of problem. Example: /problems/not-found.
            title (str):  Example: Not found.
            status (int):  Example: 404.
            detail (str):  Example: No endpoint named 'support-chat' in this tenant..
            code (str): A stable UPPER_SNAKE reason clients can branch on. Example: ENDPOINT_NOT_FOUND.
            request_id (str):  Example: 6f1c2a0de3b04b8e9d1f0a7c5b2e4d19.
            instance (str | Unset):  Example: /v1/endpoints/support-chat.
            errors (list[FieldError] | Unset):
            original_status_code (int | None | Unset): The HTTP status the model answered (0 when it gave no answer).
                Example: 500.
            original_message (None | str | Unset): What the model said, unchanged. Example: CUDA out of memory.
     """

    type_: str
    title: str
    status: int
    detail: str
    code: str
    request_id: str
    instance: str | Unset = UNSET
    errors: list[FieldError] | Unset = UNSET
    original_status_code: int | None | Unset = UNSET
    original_message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.field_error import FieldError # noqa: PLC0415
        type_ = self.type_

        title = self.title

        status = self.status

        detail = self.detail

        code = self.code

        request_id = self.request_id

        instance = self.instance

        errors: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = []
            for errors_item_data in self.errors:
                errors_item = errors_item_data.to_dict()
                errors.append(errors_item)



        original_status_code: int | None | Unset
        if isinstance(self.original_status_code, Unset):
            original_status_code = UNSET
        else:
            original_status_code = self.original_status_code

        original_message: None | str | Unset
        if isinstance(self.original_message, Unset):
            original_message = UNSET
        else:
            original_message = self.original_message


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "type": type_,
            "title": title,
            "status": status,
            "detail": detail,
            "code": code,
            "request_id": request_id,
        })
        if instance is not UNSET:
            field_dict["instance"] = instance
        if errors is not UNSET:
            field_dict["errors"] = errors
        if original_status_code is not UNSET:
            field_dict["original_status_code"] = original_status_code
        if original_message is not UNSET:
            field_dict["original_message"] = original_message

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError # noqa: PLC0415
        d = dict(src_dict)
        type_ = d.pop("type")

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail")

        code = d.pop("code")

        request_id = d.pop("request_id")

        instance = d.pop("instance", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: list[FieldError] | Unset = UNSET
        if _errors is not UNSET:
            errors = []
            for errors_item_data in _errors:
                errors_item = FieldError.from_dict(errors_item_data)



                errors.append(errors_item)


        def _parse_original_status_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        original_status_code = _parse_original_status_code(d.pop("original_status_code", UNSET))


        def _parse_original_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        original_message = _parse_original_message(d.pop("original_message", UNSET))


        model_error_problem = cls(
            type_=type_,
            title=title,
            status=status,
            detail=detail,
            code=code,
            request_id=request_id,
            instance=instance,
            errors=errors,
            original_status_code=original_status_code,
            original_message=original_message,
        )


        model_error_problem.additional_properties = d
        return model_error_problem

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
