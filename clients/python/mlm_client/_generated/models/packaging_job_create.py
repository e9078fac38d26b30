from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.hugging_face_packaging_source import HuggingFacePackagingSource
  from ..models.packaging_options import PackagingOptions
  from ..models.packaging_target import PackagingTarget
  from ..models.s3_packaging_source import S3PackagingSource





T = TypeVar("T", bound="PackagingJobCreate")



@_attrs_define
class PackagingJobCreate:
    """ 
        Attributes:
            source (HuggingFacePackagingSource | S3PackagingSource): What to package, by `platform`: a Hugging Face repo
                (`model_id`, no `s3_uri`)
                or an S3 prefix (`s3_uri`, no `model_id`).
            target (PackagingTarget):
            series (str | Unset): The series recipe to apply (default detected from config.json).
            options (PackagingOptions | Unset):
            hf_token_secret_arn (str | Unset): A Secrets Manager secret holding a Hugging Face token (gated models). Its
                name must start with `mlm/hf-token/<tenant>/` (MLM_HF_TOKEN_SECRET_PREFIX):
                a tenant's jobs read only that tenant's tokens.
     """

    source: HuggingFacePackagingSource | S3PackagingSource
    target: PackagingTarget
    series: str | Unset = UNSET
    options: PackagingOptions | Unset = UNSET
    hf_token_secret_arn: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.hugging_face_packaging_source import HuggingFacePackagingSource # noqa: PLC0415
        from ..models.packaging_options import PackagingOptions # noqa: PLC0415
        from ..models.packaging_target import PackagingTarget # noqa: PLC0415
        from ..models.s3_packaging_source import S3PackagingSource # noqa: PLC0415
        source: dict[str, Any]
        if isinstance(self.source, HuggingFacePackagingSource):
            source = self.source.to_dict()
        else:
            source = self.source.to_dict()


        target = self.target.to_dict()

        series = self.series

        options: dict[str, Any] | Unset = UNSET
        if not isinstance(self.options, Unset):
            options = self.options.to_dict()

        hf_token_secret_arn = self.hf_token_secret_arn


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "source": source,
            "target": target,
        })
        if series is not UNSET:
            field_dict["series"] = series
        if options is not UNSET:
            field_dict["options"] = options
        if hf_token_secret_arn is not UNSET:
            field_dict["hf_token_secret_arn"] = hf_token_secret_arn

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hugging_face_packaging_source import HuggingFacePackagingSource # noqa: PLC0415
        from ..models.packaging_options import PackagingOptions # noqa: PLC0415
        from ..models.packaging_target import PackagingTarget # noqa: PLC0415
        from ..models.s3_packaging_source import S3PackagingSource # noqa: PLC0415
        d = dict(src_dict)
        def _parse_source(data: object) -> HuggingFacePackagingSource | S3PackagingSource:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_packaging_source_type_0 = HuggingFacePackagingSource.from_dict(data)



                return componentsschemas_packaging_source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_packaging_source_type_1 = S3PackagingSource.from_dict(data)



            return componentsschemas_packaging_source_type_1

        source = _parse_source(d.pop("source"))


        target = PackagingTarget.from_dict(d.pop("target"))




        series = d.pop("series", UNSET)

        _options = d.pop("options", UNSET)
        options: PackagingOptions | Unset
        if isinstance(_options,  Unset):
            options = UNSET
        else:
            options = PackagingOptions.from_dict(_options)




        hf_token_secret_arn = d.pop("hf_token_secret_arn", UNSET)

        packaging_job_create = cls(
            source=source,
            target=target,
            series=series,
            options=options,
            hf_token_secret_arn=hf_token_secret_arn,
        )

        return packaging_job_create

