from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PackagingJobOptions")



@_attrs_define
class PackagingJobOptions:
    """ 
        Attributes:
            dtype (None | str | Unset):
            trust_remote_code (bool | Unset):
            max_model_len (int | None | Unset):
            tensor_parallel_degree (int | None | Unset):
            quantization (None | str | Unset):
     """

    dtype: None | str | Unset = UNSET
    trust_remote_code: bool | Unset = UNSET
    max_model_len: int | None | Unset = UNSET
    tensor_parallel_degree: int | None | Unset = UNSET
    quantization: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        dtype: None | str | Unset
        if isinstance(self.dtype, Unset):
            dtype = UNSET
        else:
            dtype = self.dtype

        trust_remote_code = self.trust_remote_code

        max_model_len: int | None | Unset
        if isinstance(self.max_model_len, Unset):
            max_model_len = UNSET
        else:
            max_model_len = self.max_model_len

        tensor_parallel_degree: int | None | Unset
        if isinstance(self.tensor_parallel_degree, Unset):
            tensor_parallel_degree = UNSET
        else:
            tensor_parallel_degree = self.tensor_parallel_degree

        quantization: None | str | Unset
        if isinstance(self.quantization, Unset):
            quantization = UNSET
        else:
            quantization = self.quantization


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if dtype is not UNSET:
            field_dict["dtype"] = dtype
        if trust_remote_code is not UNSET:
            field_dict["trust_remote_code"] = trust_remote_code
        if max_model_len is not UNSET:
            field_dict["max_model_len"] = max_model_len
        if tensor_parallel_degree is not UNSET:
            field_dict["tensor_parallel_degree"] = tensor_parallel_degree
        if quantization is not UNSET:
            field_dict["quantization"] = quantization

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_dtype(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        dtype = _parse_dtype(d.pop("dtype", UNSET))


        trust_remote_code = d.pop("trust_remote_code", UNSET)

        def _parse_max_model_len(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_model_len = _parse_max_model_len(d.pop("max_model_len", UNSET))


        def _parse_tensor_parallel_degree(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        tensor_parallel_degree = _parse_tensor_parallel_degree(d.pop("tensor_parallel_degree", UNSET))


        def _parse_quantization(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quantization = _parse_quantization(d.pop("quantization", UNSET))


        packaging_job_options = cls(
            dtype=dtype,
            trust_remote_code=trust_remote_code,
            max_model_len=max_model_len,
            tensor_parallel_degree=tensor_parallel_degree,
            quantization=quantization,
        )


        packaging_job_options.additional_properties = d
        return packaging_job_options

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
