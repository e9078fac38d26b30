from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.packaging_output_environment_type_0 import PackagingOutputEnvironmentType0





T = TypeVar("T", bound="PackagingOutput")



@_attrs_define
class PackagingOutput:
    """ 
        Attributes:
            artifact_uri (None | str):
            format_ (None | str):
            manifest_uri (None | str):
            container_image (None | str):
            environment (None | PackagingOutputEnvironmentType0):
            parameter_count (int | None):
            dtype (None | str):
            size_bytes (int | None):
            estimated_gpu_memory_gib (float | None):
            recommended_instance_types (list[str] | None):
     """

    artifact_uri: None | str
    format_: None | str
    manifest_uri: None | str
    container_image: None | str
    environment: None | PackagingOutputEnvironmentType0
    parameter_count: int | None
    dtype: None | str
    size_bytes: int | None
    estimated_gpu_memory_gib: float | None
    recommended_instance_types: list[str] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.packaging_output_environment_type_0 import PackagingOutputEnvironmentType0 # noqa: PLC0415
        artifact_uri: None | str
        artifact_uri = self.artifact_uri

        format_: None | str
        format_ = self.format_

        manifest_uri: None | str
        manifest_uri = self.manifest_uri

        container_image: None | str
        container_image = self.container_image

        environment: dict[str, Any] | None
        if isinstance(self.environment, PackagingOutputEnvironmentType0):
            environment = self.environment.to_dict()
        else:
            environment = self.environment

        parameter_count: int | None
        parameter_count = self.parameter_count

        dtype: None | str
        dtype = self.dtype

        size_bytes: int | None
        size_bytes = self.size_bytes

        estimated_gpu_memory_gib: float | None
        estimated_gpu_memory_gib = self.estimated_gpu_memory_gib

        recommended_instance_types: list[str] | None
        if isinstance(self.recommended_instance_types, list):
            recommended_instance_types = self.recommended_instance_types


        else:
            recommended_instance_types = self.recommended_instance_types


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "artifact_uri": artifact_uri,
            "format": format_,
            "manifest_uri": manifest_uri,
            "container_image": container_image,
            "environment": environment,
            "parameter_count": parameter_count,
            "dtype": dtype,
            "size_bytes": size_bytes,
            "estimated_gpu_memory_gib": estimated_gpu_memory_gib,
            "recommended_instance_types": recommended_instance_types,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.packaging_output_environment_type_0 import PackagingOutputEnvironmentType0 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_artifact_uri(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        artifact_uri = _parse_artifact_uri(d.pop("artifact_uri"))


        def _parse_format_(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        format_ = _parse_format_(d.pop("format"))


        def _parse_manifest_uri(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        manifest_uri = _parse_manifest_uri(d.pop("manifest_uri"))


        def _parse_container_image(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        container_image = _parse_container_image(d.pop("container_image"))


        def _parse_environment(data: object) -> None | PackagingOutputEnvironmentType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                environment_type_0 = PackagingOutputEnvironmentType0.from_dict(data)



                return environment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PackagingOutputEnvironmentType0, data)

        environment = _parse_environment(d.pop("environment"))


        def _parse_parameter_count(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        parameter_count = _parse_parameter_count(d.pop("parameter_count"))


        def _parse_dtype(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        dtype = _parse_dtype(d.pop("dtype"))


        def _parse_size_bytes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        size_bytes = _parse_size_bytes(d.pop("size_bytes"))


        def _parse_estimated_gpu_memory_gib(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        estimated_gpu_memory_gib = _parse_estimated_gpu_memory_gib(d.pop("estimated_gpu_memory_gib"))


        def _parse_recommended_instance_types(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                recommended_instance_types_type_0 = cast(list[str], data)

                return recommended_instance_types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        recommended_instance_types = _parse_recommended_instance_types(d.pop("recommended_instance_types"))


        packaging_output = cls(
            artifact_uri=artifact_uri,
            format_=format_,
            manifest_uri=manifest_uri,
            container_image=container_image,
            environment=environment,
            parameter_count=parameter_count,
            dtype=dtype,
            size_bytes=size_bytes,
            estimated_gpu_memory_gib=estimated_gpu_memory_gib,
            recommended_instance_types=recommended_instance_types,
        )


        packaging_output.additional_properties = d
        return packaging_output

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
