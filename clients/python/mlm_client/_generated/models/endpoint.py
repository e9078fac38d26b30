from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.endpoint_status import EndpointStatus
from ..types import UNSET, Unset
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.data_capture_state import DataCaptureState
  from ..models.endpoint_alarm import EndpointAlarm
  from ..models.endpoint_autoscaling import EndpointAutoscaling
  from ..models.endpoint_observability import EndpointObservability
  from ..models.endpoint_tags import EndpointTags
  from ..models.last_deployment import LastDeployment
  from ..models.variant import Variant





T = TypeVar("T", bound="Endpoint")



@_attrs_define
class Endpoint:
    """ 
        Attributes:
            name (str): Lowercase letters, digits and single hyphens; starts with a letter; at most 32. Example:
                glm-4-9b-chat.
            status (EndpointStatus):
            failure_reason (None | str):
            variants (list[Variant]):
            enhanced_metrics (bool):
            tags (EndpointTags):
            created_at (datetime.datetime): RFC 3339, UTC. Example: 2026-11-22T01:02:03Z.
            updated_at (datetime.datetime): RFC 3339, UTC. Example: 2026-11-22T01:02:03Z.
            data_capture (DataCaptureState | None | Unset):
            deployment (LastDeployment | None | Unset):
            alarms (list[EndpointAlarm] | Unset): Only in `GET /v1/endpoints/{name}`; the alarms' states (may be 10 s old).
            autoscaling (EndpointAutoscaling | Unset):
            observability (EndpointObservability | None | Unset): Only in `GET /v1/endpoints?view=overview`.
     """

    name: str
    status: EndpointStatus
    failure_reason: None | str
    variants: list[Variant]
    enhanced_metrics: bool
    tags: EndpointTags
    created_at: datetime.datetime
    updated_at: datetime.datetime
    data_capture: DataCaptureState | None | Unset = UNSET
    deployment: LastDeployment | None | Unset = UNSET
    alarms: list[EndpointAlarm] | Unset = UNSET
    autoscaling: EndpointAutoscaling | Unset = UNSET
    observability: EndpointObservability | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.data_capture_state import DataCaptureState # noqa: PLC0415
        from ..models.endpoint_alarm import EndpointAlarm # noqa: PLC0415
        from ..models.endpoint_autoscaling import EndpointAutoscaling # noqa: PLC0415
        from ..models.endpoint_observability import EndpointObservability # noqa: PLC0415
        from ..models.endpoint_tags import EndpointTags # noqa: PLC0415
        from ..models.last_deployment import LastDeployment # noqa: PLC0415
        from ..models.variant import Variant # noqa: PLC0415
        name = self.name

        status = self.status.value

        failure_reason: None | str
        failure_reason = self.failure_reason

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)



        enhanced_metrics = self.enhanced_metrics

        tags = self.tags.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        data_capture: dict[str, Any] | None | Unset
        if isinstance(self.data_capture, Unset):
            data_capture = UNSET
        elif isinstance(self.data_capture, DataCaptureState):
            data_capture = self.data_capture.to_dict()
        else:
            data_capture = self.data_capture

        deployment: dict[str, Any] | None | Unset
        if isinstance(self.deployment, Unset):
            deployment = UNSET
        elif isinstance(self.deployment, LastDeployment):
            deployment = self.deployment.to_dict()
        else:
            deployment = self.deployment

        alarms: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.alarms, Unset):
            alarms = []
            for alarms_item_data in self.alarms:
                alarms_item = alarms_item_data.to_dict()
                alarms.append(alarms_item)



        autoscaling: dict[str, Any] | Unset = UNSET
        if not isinstance(self.autoscaling, Unset):
            autoscaling = self.autoscaling.to_dict()

        observability: dict[str, Any] | None | Unset
        if isinstance(self.observability, Unset):
            observability = UNSET
        elif isinstance(self.observability, EndpointObservability):
            observability = self.observability.to_dict()
        else:
            observability = self.observability


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "name": name,
            "status": status,
            "failure_reason": failure_reason,
            "variants": variants,
            "enhanced_metrics": enhanced_metrics,
            "tags": tags,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if data_capture is not UNSET:
            field_dict["data_capture"] = data_capture
        if deployment is not UNSET:
            field_dict["deployment"] = deployment
        if alarms is not UNSET:
            field_dict["alarms"] = alarms
        if autoscaling is not UNSET:
            field_dict["autoscaling"] = autoscaling
        if observability is not UNSET:
            field_dict["observability"] = observability

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.data_capture_state import DataCaptureState # noqa: PLC0415
        from ..models.endpoint_alarm import EndpointAlarm # noqa: PLC0415
        from ..models.endpoint_autoscaling import EndpointAutoscaling # noqa: PLC0415
        from ..models.endpoint_observability import EndpointObservability # noqa: PLC0415
        from ..models.endpoint_tags import EndpointTags # noqa: PLC0415
        from ..models.last_deployment import LastDeployment # noqa: PLC0415
        from ..models.variant import Variant # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        status = EndpointStatus(d.pop("status"))




        def _parse_failure_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason"))


        variants = []
        _variants = d.pop("variants")
        for variants_item_data in (_variants):
            variants_item = Variant.from_dict(variants_item_data)



            variants.append(variants_item)


        enhanced_metrics = d.pop("enhanced_metrics")

        tags = EndpointTags.from_dict(d.pop("tags"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_data_capture(data: object) -> DataCaptureState | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_capture_type_1 = DataCaptureState.from_dict(data)



                return data_capture_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DataCaptureState | None | Unset, data)

        data_capture = _parse_data_capture(d.pop("data_capture", UNSET))


        def _parse_deployment(data: object) -> LastDeployment | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                deployment_type_1 = LastDeployment.from_dict(data)



                return deployment_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LastDeployment | None | Unset, data)

        deployment = _parse_deployment(d.pop("deployment", UNSET))


        _alarms = d.pop("alarms", UNSET)
        alarms: list[EndpointAlarm] | Unset = UNSET
        if _alarms is not UNSET:
            alarms = []
            for alarms_item_data in _alarms:
                alarms_item = EndpointAlarm.from_dict(alarms_item_data)



                alarms.append(alarms_item)


        _autoscaling = d.pop("autoscaling", UNSET)
        autoscaling: EndpointAutoscaling | Unset
        if isinstance(_autoscaling,  Unset):
            autoscaling = UNSET
        else:
            autoscaling = EndpointAutoscaling.from_dict(_autoscaling)




        def _parse_observability(data: object) -> EndpointObservability | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                observability_type_1 = EndpointObservability.from_dict(data)



                return observability_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EndpointObservability | None | Unset, data)

        observability = _parse_observability(d.pop("observability", UNSET))


        endpoint = cls(
            name=name,
            status=status,
            failure_reason=failure_reason,
            variants=variants,
            enhanced_metrics=enhanced_metrics,
            tags=tags,
            created_at=created_at,
            updated_at=updated_at,
            data_capture=data_capture,
            deployment=deployment,
            alarms=alarms,
            autoscaling=autoscaling,
            observability=observability,
        )


        endpoint.additional_properties = d
        return endpoint

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
