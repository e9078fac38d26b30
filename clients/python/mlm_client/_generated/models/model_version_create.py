from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.approval_status import ApprovalStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.container import Container
  from ..models.metadata import Metadata
  from ..models.requirements import Requirements
  from ..models.s3_prefix_artifact import S3PrefixArtifact
  from ..models.source import Source
  from ..models.tar_gz_artifact import TarGzArtifact





T = TypeVar("T", bound="ModelVersionCreate")



@_attrs_define
class ModelVersionCreate:
    """ 
        Attributes:
            container (Container):
            artifact (S3PrefixArtifact | TarGzArtifact | Unset): Where the weights are, by `format`: `s3_prefix`, every
                object under
                `s3://bucket/prefix/` (a missing final `/` is added), or `tar_gz`, one
                `s3://bucket/key.tar.gz` object (so its URI cannot end in `/`).
            framework (str | Unset):  Example: vllm.
            series (str | Unset):  Example: glm4.
            source (Source | Unset):
            metadata (Metadata | Unset): Free-form string properties: at most 20, keys of 1 to 128 characters, values of
                at most 256.
                 Example: {'license': 'apache-2.0'}.
            description (str | Unset):
            approval_status (ApprovalStatus | Unset):
            approval_note (str | Unset):
            requirements (Requirements | Unset):
     """

    container: Container
    artifact: S3PrefixArtifact | TarGzArtifact | Unset = UNSET
    framework: str | Unset = UNSET
    series: str | Unset = UNSET
    source: Source | Unset = UNSET
    metadata: Metadata | Unset = UNSET
    description: str | Unset = UNSET
    approval_status: ApprovalStatus | Unset = UNSET
    approval_note: str | Unset = UNSET
    requirements: Requirements | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.container import Container # noqa: PLC0415
        from ..models.metadata import Metadata # noqa: PLC0415
        from ..models.requirements import Requirements # noqa: PLC0415
        from ..models.s3_prefix_artifact import S3PrefixArtifact # noqa: PLC0415
        from ..models.source import Source # noqa: PLC0415
        from ..models.tar_gz_artifact import TarGzArtifact # noqa: PLC0415
        container = self.container.to_dict()

        artifact: dict[str, Any] | Unset
        if isinstance(self.artifact, Unset):
            artifact = UNSET
        elif isinstance(self.artifact, S3PrefixArtifact):
            artifact = self.artifact.to_dict()
        else:
            artifact = self.artifact.to_dict()


        framework = self.framework

        series = self.series

        source: dict[str, Any] | Unset = UNSET
        if not isinstance(self.source, Unset):
            source = self.source.to_dict()

        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()

        description = self.description

        approval_status: str | Unset = UNSET
        if not isinstance(self.approval_status, Unset):
            approval_status = self.approval_status.value


        approval_note = self.approval_note

        requirements: dict[str, Any] | Unset = UNSET
        if not isinstance(self.requirements, Unset):
            requirements = self.requirements.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "container": container,
        })
        if artifact is not UNSET:
            field_dict["artifact"] = artifact
        if framework is not UNSET:
            field_dict["framework"] = framework
        if series is not UNSET:
            field_dict["series"] = series
        if source is not UNSET:
            field_dict["source"] = source
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if description is not UNSET:
            field_dict["description"] = description
        if approval_status is not UNSET:
            field_dict["approval_status"] = approval_status
        if approval_note is not UNSET:
            field_dict["approval_note"] = approval_note
        if requirements is not UNSET:
            field_dict["requirements"] = requirements

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.container import Container # noqa: PLC0415
        from ..models.metadata import Metadata # noqa: PLC0415
        from ..models.requirements import Requirements # noqa: PLC0415
        from ..models.s3_prefix_artifact import S3PrefixArtifact # noqa: PLC0415
        from ..models.source import Source # noqa: PLC0415
        from ..models.tar_gz_artifact import TarGzArtifact # noqa: PLC0415
        d = dict(src_dict)
        container = Container.from_dict(d.pop("container"))




        def _parse_artifact(data: object) -> S3PrefixArtifact | TarGzArtifact | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_artifact_type_0 = S3PrefixArtifact.from_dict(data)



                return componentsschemas_artifact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_artifact_type_1 = TarGzArtifact.from_dict(data)



            return componentsschemas_artifact_type_1

        artifact = _parse_artifact(d.pop("artifact", UNSET))


        framework = d.pop("framework", UNSET)

        series = d.pop("series", UNSET)

        _source = d.pop("source", UNSET)
        source: Source | Unset
        if isinstance(_source,  Unset):
            source = UNSET
        else:
            source = Source.from_dict(_source)




        _metadata = d.pop("metadata", UNSET)
        metadata: Metadata | Unset
        if isinstance(_metadata,  Unset):
            metadata = UNSET
        else:
            metadata = Metadata.from_dict(_metadata)




        description = d.pop("description", UNSET)

        _approval_status = d.pop("approval_status", UNSET)
        approval_status: ApprovalStatus | Unset
        if isinstance(_approval_status,  Unset):
            approval_status = UNSET
        else:
            approval_status = ApprovalStatus(_approval_status)




        approval_note = d.pop("approval_note", UNSET)

        _requirements = d.pop("requirements", UNSET)
        requirements: Requirements | Unset
        if isinstance(_requirements,  Unset):
            requirements = UNSET
        else:
            requirements = Requirements.from_dict(_requirements)




        model_version_create = cls(
            container=container,
            artifact=artifact,
            framework=framework,
            series=series,
            source=source,
            metadata=metadata,
            description=description,
            approval_status=approval_status,
            approval_note=approval_note,
            requirements=requirements,
        )

        return model_version_create

