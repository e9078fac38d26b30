from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.packaging_job_status import PackagingJobStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.packaging_job_options import PackagingJobOptions
  from ..models.packaging_job_source import PackagingJobSource
  from ..models.packaging_job_target import PackagingJobTarget
  from ..models.packaging_output import PackagingOutput
  from ..models.packaging_progress import PackagingProgress





T = TypeVar("T", bound="PackagingJob")



@_attrs_define
class PackagingJob:
    """ 
        Attributes:
            job_id (str):  Example: glm-4-9b-chat-3f9a0c12de.
            model_name (str):
            status (PackagingJobStatus): AWS Batch's state of the job; `cancelled` is a job terminated through this API.
            phase (None | str): The packager's phase (resolving, downloading, uploading, registering,
                done); null until it has reported one. Each file is checked (sha256,
                safetensors header) as it is downloaded and, for an s3_prefix artifact,
                starts uploading at once, so `uploading` is what remains once every file
                has been downloaded: its `progress` may start part-way done.
            progress (None | PackagingProgress):
            source (PackagingJobSource):
            target (PackagingJobTarget):
            series (None | str): The series the request named or, once the job has succeeded, the one the
                packager detected from config.json; null before that.
            options (PackagingJobOptions):
            output (None | PackagingOutput):
            model_version (int | None): The version registered from this job's output.
            failure_reason (None | str):
            log_stream (None | str):
            created_at (datetime.datetime | None):
            started_at (datetime.datetime | None):
            stopped_at (datetime.datetime | None):
     """

    job_id: str
    model_name: str
    status: PackagingJobStatus
    phase: None | str
    progress: None | PackagingProgress
    source: PackagingJobSource
    target: PackagingJobTarget
    series: None | str
    options: PackagingJobOptions
    output: None | PackagingOutput
    model_version: int | None
    failure_reason: None | str
    log_stream: None | str
    created_at: datetime.datetime | None
    started_at: datetime.datetime | None
    stopped_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.packaging_job_options import PackagingJobOptions # noqa: PLC0415
        from ..models.packaging_job_source import PackagingJobSource # noqa: PLC0415
        from ..models.packaging_job_target import PackagingJobTarget # noqa: PLC0415
        from ..models.packaging_output import PackagingOutput # noqa: PLC0415
        from ..models.packaging_progress import PackagingProgress # noqa: PLC0415
        job_id = self.job_id

        model_name = self.model_name

        status = self.status.value

        phase: None | str
        phase = self.phase

        progress: dict[str, Any] | None
        if isinstance(self.progress, PackagingProgress):
            progress = self.progress.to_dict()
        else:
            progress = self.progress

        source = self.source.to_dict()

        target = self.target.to_dict()

        series: None | str
        series = self.series

        options = self.options.to_dict()

        output: dict[str, Any] | None
        if isinstance(self.output, PackagingOutput):
            output = self.output.to_dict()
        else:
            output = self.output

        model_version: int | None
        model_version = self.model_version

        failure_reason: None | str
        failure_reason = self.failure_reason

        log_stream: None | str
        log_stream = self.log_stream

        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        stopped_at: None | str
        if isinstance(self.stopped_at, datetime.datetime):
            stopped_at = self.stopped_at.isoformat()
        else:
            stopped_at = self.stopped_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "job_id": job_id,
            "model_name": model_name,
            "status": status,
            "phase": phase,
            "progress": progress,
            "source": source,
            "target": target,
            "series": series,
            "options": options,
            "output": output,
            "model_version": model_version,
            "failure_reason": failure_reason,
            "log_stream": log_stream,
            "created_at": created_at,
            "started_at": started_at,
            "stopped_at": stopped_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.packaging_job_options import PackagingJobOptions # noqa: PLC0415
        from ..models.packaging_job_source import PackagingJobSource # noqa: PLC0415
        from ..models.packaging_job_target import PackagingJobTarget # noqa: PLC0415
        from ..models.packaging_output import PackagingOutput # noqa: PLC0415
        from ..models.packaging_progress import PackagingProgress # noqa: PLC0415
        d = dict(src_dict)
        job_id = d.pop("job_id")

        model_name = d.pop("model_name")

        status = PackagingJobStatus(d.pop("status"))




        def _parse_phase(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phase = _parse_phase(d.pop("phase"))


        def _parse_progress(data: object) -> None | PackagingProgress:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                progress_type_1 = PackagingProgress.from_dict(data)



                return progress_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PackagingProgress, data)

        progress = _parse_progress(d.pop("progress"))


        source = PackagingJobSource.from_dict(d.pop("source"))




        target = PackagingJobTarget.from_dict(d.pop("target"))




        def _parse_series(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        series = _parse_series(d.pop("series"))


        options = PackagingJobOptions.from_dict(d.pop("options"))




        def _parse_output(data: object) -> None | PackagingOutput:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_type_1 = PackagingOutput.from_dict(data)



                return output_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PackagingOutput, data)

        output = _parse_output(d.pop("output"))


        def _parse_model_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        model_version = _parse_model_version(d.pop("model_version"))


        def _parse_failure_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason"))


        def _parse_log_stream(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        log_stream = _parse_log_stream(d.pop("log_stream"))


        def _parse_created_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)



                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        created_at = _parse_created_at(d.pop("created_at"))


        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)



                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))


        def _parse_stopped_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                stopped_at_type_0 = datetime.datetime.fromisoformat(data)



                return stopped_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        stopped_at = _parse_stopped_at(d.pop("stopped_at"))


        packaging_job = cls(
            job_id=job_id,
            model_name=model_name,
            status=status,
            phase=phase,
            progress=progress,
            source=source,
            target=target,
            series=series,
            options=options,
            output=output,
            model_version=model_version,
            failure_reason=failure_reason,
            log_stream=log_stream,
            created_at=created_at,
            started_at=started_at,
            stopped_at=stopped_at,
        )


        packaging_job.additional_properties = d
        return packaging_job

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
