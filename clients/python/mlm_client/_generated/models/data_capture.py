from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.data_capture_capture_item import DataCaptureCaptureItem
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="DataCapture")



@_attrs_define
class DataCapture:
    """ Which invocations SageMaker records to S3 (request and/or response), under the
    tenant's capture location: `<destination_s3_uri>/<endpoint>/<variant>/yyyy/mm/dd/hh/`,
    JSON Lines in SageMaker's record format. Bodies of the CSV and JSON content types
    are kept as text, others base64. Changing it is a blue/green update.

        Attributes:
            enabled (bool | Unset):  Default: True.
            sampling_percent (int | Unset): Share of invocations recorded. Default: 100.
            capture (list[DataCaptureCaptureItem] | Unset):
            csv_content_types (list[str] | Unset):
            json_content_types (list[str] | Unset):
            kms_key_id (None | str | Unset): The KMS key SageMaker encrypts the captured objects with.
     """

    enabled: bool | Unset = True
    sampling_percent: int | Unset = 100
    capture: list[DataCaptureCaptureItem] | Unset = UNSET
    csv_content_types: list[str] | Unset = UNSET
    json_content_types: list[str] | Unset = UNSET
    kms_key_id: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        sampling_percent = self.sampling_percent

        capture: list[str] | Unset = UNSET
        if not isinstance(self.capture, Unset):
            capture = []
            for capture_item_data in self.capture:
                capture_item = capture_item_data.value
                capture.append(capture_item)



        csv_content_types: list[str] | Unset = UNSET
        if not isinstance(self.csv_content_types, Unset):
            csv_content_types = self.csv_content_types



        json_content_types: list[str] | Unset = UNSET
        if not isinstance(self.json_content_types, Unset):
            json_content_types = self.json_content_types



        kms_key_id: None | str | Unset
        if isinstance(self.kms_key_id, Unset):
            kms_key_id = UNSET
        else:
            kms_key_id = self.kms_key_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if enabled is not UNSET:
            field_dict["enabled"] = enabled
        if sampling_percent is not UNSET:
            field_dict["sampling_percent"] = sampling_percent
        if capture is not UNSET:
            field_dict["capture"] = capture
        if csv_content_types is not UNSET:
            field_dict["csv_content_types"] = csv_content_types
        if json_content_types is not UNSET:
            field_dict["json_content_types"] = json_content_types
        if kms_key_id is not UNSET:
            field_dict["kms_key_id"] = kms_key_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enabled = d.pop("enabled", UNSET)

        sampling_percent = d.pop("sampling_percent", UNSET)

        _capture = d.pop("capture", UNSET)
        capture: list[DataCaptureCaptureItem] | Unset = UNSET
        if _capture is not UNSET:
            capture = []
            for capture_item_data in _capture:
                capture_item = DataCaptureCaptureItem(capture_item_data)



                capture.append(capture_item)


        csv_content_types = cast(list[str], d.pop("csv_content_types", UNSET))


        json_content_types = cast(list[str], d.pop("json_content_types", UNSET))


        def _parse_kms_key_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        kms_key_id = _parse_kms_key_id(d.pop("kms_key_id", UNSET))


        data_capture = cls(
            enabled=enabled,
            sampling_percent=sampling_percent,
            capture=capture,
            csv_content_types=csv_content_types,
            json_content_types=json_content_types,
            kms_key_id=kms_key_id,
        )

        return data_capture

