from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="DataCaptureState")



@_attrs_define
class DataCaptureState:
    """ The data capture of the endpoint's current config (null when none).

        Attributes:
            enabled (bool):
            sampling_percent (int):
            capture_input (bool):
            capture_output (bool):
            csv_content_types (list[str]):
            json_content_types (list[str]):
            kms_key_id (None | str):
            destination_s3_uri (str): Where SageMaker writes this endpoint's captures (the tenant's location).
     """

    enabled: bool
    sampling_percent: int
    capture_input: bool
    capture_output: bool
    csv_content_types: list[str]
    json_content_types: list[str]
    kms_key_id: None | str
    destination_s3_uri: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        sampling_percent = self.sampling_percent

        capture_input = self.capture_input

        capture_output = self.capture_output

        csv_content_types = self.csv_content_types



        json_content_types = self.json_content_types



        kms_key_id: None | str
        kms_key_id = self.kms_key_id

        destination_s3_uri = self.destination_s3_uri


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "enabled": enabled,
            "sampling_percent": sampling_percent,
            "capture_input": capture_input,
            "capture_output": capture_output,
            "csv_content_types": csv_content_types,
            "json_content_types": json_content_types,
            "kms_key_id": kms_key_id,
            "destination_s3_uri": destination_s3_uri,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enabled = d.pop("enabled")

        sampling_percent = d.pop("sampling_percent")

        capture_input = d.pop("capture_input")

        capture_output = d.pop("capture_output")

        csv_content_types = cast(list[str], d.pop("csv_content_types"))


        json_content_types = cast(list[str], d.pop("json_content_types"))


        def _parse_kms_key_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        kms_key_id = _parse_kms_key_id(d.pop("kms_key_id"))


        destination_s3_uri = d.pop("destination_s3_uri")

        data_capture_state = cls(
            enabled=enabled,
            sampling_percent=sampling_percent,
            capture_input=capture_input,
            capture_output=capture_output,
            csv_content_types=csv_content_types,
            json_content_types=json_content_types,
            kms_key_id=kms_key_id,
            destination_s3_uri=destination_s3_uri,
        )


        data_capture_state.additional_properties = d
        return data_capture_state

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
