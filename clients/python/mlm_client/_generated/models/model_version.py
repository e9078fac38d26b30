from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.approval_status import ApprovalStatus
from ..models.model_version_status import ModelVersionStatus
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.container import Container
  from ..models.model_version_artifact_type_0 import ModelVersionArtifactType0
  from ..models.model_version_metadata import ModelVersionMetadata
  from ..models.model_version_requirements_type_0 import ModelVersionRequirementsType0
  from ..models.model_version_source_type_0 import ModelVersionSourceType0





T = TypeVar("T", bound="ModelVersion")



@_attrs_define
class ModelVersion:
    """ 
        Attributes:
            model_name (str): Lowercase letters, digits and single hyphens; starts with a letter; at most 32. Example:
                glm-4-9b-chat.
            version (int):  Example: 1.
            status (ModelVersionStatus):
            approval_status (ApprovalStatus):
            approval_note (None | str):
            approved_by (None | str): Who last set the approval status (tenant/key name).
            approved_at (datetime.datetime | None): When the approval status was last set (RFC 3339, UTC).
            description (None | str):
            container (Container):
            artifact (ModelVersionArtifactType0 | None): Where the weights are; null when the container loads the model
                itself.
            framework (None | str):
            series (None | str):
            source (ModelVersionSourceType0 | None): Where the model came from, if known.
            metadata (ModelVersionMetadata):
            requirements (ModelVersionRequirementsType0 | None): What the version needs to run, if given.
            recommended_instance_types (list[str]): Instance types whose GPUs fit `requirements`, smallest first. Example:
                ['ml.g6e.xlarge', 'ml.g5.12xlarge'].
            packaging_job_id (None | str): The packaging job that produced this version, if any.
            deployed_to (list[str]): Endpoints that serve this version now.
            created_at (datetime.datetime): RFC 3339, UTC. Example: 2026-11-22T01:02:03Z.
            updated_at (datetime.datetime | None): When the version last changed (RFC 3339, UTC).
     """

    model_name: str
    version: int
    status: ModelVersionStatus
    approval_status: ApprovalStatus
    approval_note: None | str
    approved_by: None | str
    approved_at: datetime.datetime | None
    description: None | str
    container: Container
    artifact: ModelVersionArtifactType0 | None
    framework: None | str
    series: None | str
    source: ModelVersionSourceType0 | None
    metadata: ModelVersionMetadata
    requirements: ModelVersionRequirementsType0 | None
    recommended_instance_types: list[str]
    packaging_job_id: None | str
    deployed_to: list[str]
    created_at: datetime.datetime
    updated_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.container import Container # noqa: PLC0415
        from ..models.model_version_artifact_type_0 import ModelVersionArtifactType0 # noqa: PLC0415
        from ..models.model_version_metadata import ModelVersionMetadata # noqa: PLC0415
        from ..models.model_version_requirements_type_0 import ModelVersionRequirementsType0 # noqa: PLC0415
        from ..models.model_version_source_type_0 import ModelVersionSourceType0 # noqa: PLC0415
        model_name = self.model_name

        version = self.version

        status = self.status.value

        approval_status = self.approval_status.value

        approval_note: None | str
        approval_note = self.approval_note

        approved_by: None | str
        approved_by = self.approved_by

        approved_at: None | str
        if isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        description: None | str
        description = self.description

        container = self.container.to_dict()

        artifact: dict[str, Any] | None
        if isinstance(self.artifact, ModelVersionArtifactType0):
            artifact = self.artifact.to_dict()
        else:
            artifact = self.artifact

        framework: None | str
        framework = self.framework

        series: None | str
        series = self.series

        source: dict[str, Any] | None
        if isinstance(self.source, ModelVersionSourceType0):
            source = self.source.to_dict()
        else:
            source = self.source

        metadata = self.metadata.to_dict()

        requirements: dict[str, Any] | None
        if isinstance(self.requirements, ModelVersionRequirementsType0):
            requirements = self.requirements.to_dict()
        else:
            requirements = self.requirements

        recommended_instance_types = self.recommended_instance_types



        packaging_job_id: None | str
        packaging_job_id = self.packaging_job_id

        deployed_to = self.deployed_to



        created_at = self.created_at.isoformat()

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "model_name": model_name,
            "version": version,
            "status": status,
            "approval_status": approval_status,
            "approval_note": approval_note,
            "approved_by": approved_by,
            "approved_at": approved_at,
            "description": description,
            "container": container,
            "artifact": artifact,
            "framework": framework,
            "series": series,
            "source": source,
            "metadata": metadata,
            "requirements": requirements,
            "recommended_instance_types": recommended_instance_types,
            "packaging_job_id": packaging_job_id,
            "deployed_to": deployed_to,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.container import Container # noqa: PLC0415
        from ..models.model_version_artifact_type_0 import ModelVersionArtifactType0 # noqa: PLC0415
        from ..models.model_version_metadata import ModelVersionMetadata # noqa: PLC0415
        from ..models.model_version_requirements_type_0 import ModelVersionRequirementsType0 # noqa: PLC0415
        from ..models.model_version_source_type_0 import ModelVersionSourceType0 # noqa: PLC0415
        d = dict(src_dict)
        model_name = d.pop("model_name")

        version = d.pop("version")

        status = ModelVersionStatus(d.pop("status"))




        approval_status = ApprovalStatus(d.pop("approval_status"))




        def _parse_approval_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approval_note = _parse_approval_note(d.pop("approval_note"))


        def _parse_approved_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        approved_by = _parse_approved_by(d.pop("approved_by"))


        def _parse_approved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)



                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        approved_at = _parse_approved_at(d.pop("approved_at"))


        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))


        container = Container.from_dict(d.pop("container"))




        def _parse_artifact(data: object) -> ModelVersionArtifactType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                artifact_type_0 = ModelVersionArtifactType0.from_dict(data)



                return artifact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelVersionArtifactType0 | None, data)

        artifact = _parse_artifact(d.pop("artifact"))


        def _parse_framework(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        framework = _parse_framework(d.pop("framework"))


        def _parse_series(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        series = _parse_series(d.pop("series"))


        def _parse_source(data: object) -> ModelVersionSourceType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                source_type_0 = ModelVersionSourceType0.from_dict(data)



                return source_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelVersionSourceType0 | None, data)

        source = _parse_source(d.pop("source"))


        metadata = ModelVersionMetadata.from_dict(d.pop("metadata"))




        def _parse_requirements(data: object) -> ModelVersionRequirementsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                requirements_type_0 = ModelVersionRequirementsType0.from_dict(data)



                return requirements_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ModelVersionRequirementsType0 | None, data)

        requirements = _parse_requirements(d.pop("requirements"))


        recommended_instance_types = cast(list[str], d.pop("recommended_instance_types"))


        def _parse_packaging_job_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        packaging_job_id = _parse_packaging_job_id(d.pop("packaging_job_id"))


        deployed_to = cast(list[str], d.pop("deployed_to"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)



                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))


        model_version = cls(
            model_name=model_name,
            version=version,
            status=status,
            approval_status=approval_status,
            approval_note=approval_note,
            approved_by=approved_by,
            approved_at=approved_at,
            description=description,
            container=container,
            artifact=artifact,
            framework=framework,
            series=series,
            source=source,
            metadata=metadata,
            requirements=requirements,
            recommended_instance_types=recommended_instance_types,
            packaging_job_id=packaging_job_id,
            deployed_to=deployed_to,
            created_at=created_at,
            updated_at=updated_at,
        )


        model_version.additional_properties = d
        return model_version

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
