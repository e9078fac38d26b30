from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.last_deployment_strategy import LastDeploymentStrategy
from typing import cast

if TYPE_CHECKING:
  from ..models.deployed_batch_size import DeployedBatchSize





T = TypeVar("T", bound="LastDeployment")



@_attrs_define
class LastDeployment:
    """ The latest blue/green or rolling update's traffic shifting and the alarms that roll it back
    (SageMaker's LastDeploymentConfig); null before the first. While it runs, each
    variant's `status` and `status_message` say where it is; after a rollback, the
    endpoint's `failure_reason` says why.

        Attributes:
            strategy (LastDeploymentStrategy):
            traffic_percent (int | None):
            wait_seconds (int):
            termination_wait_seconds (int):
            maximum_execution_seconds (int | None):
            rollback_alarms (list[str]): CloudWatch alarm names watched while the new fleet bakes.
            batch_size (DeployedBatchSize | None):
            rollback_batch_size (DeployedBatchSize | None):
     """

    strategy: LastDeploymentStrategy
    traffic_percent: int | None
    wait_seconds: int
    termination_wait_seconds: int
    maximum_execution_seconds: int | None
    rollback_alarms: list[str]
    batch_size: DeployedBatchSize | None
    rollback_batch_size: DeployedBatchSize | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.deployed_batch_size import DeployedBatchSize # noqa: PLC0415
        strategy = self.strategy.value

        traffic_percent: int | None
        traffic_percent = self.traffic_percent

        wait_seconds = self.wait_seconds

        termination_wait_seconds = self.termination_wait_seconds

        maximum_execution_seconds: int | None
        maximum_execution_seconds = self.maximum_execution_seconds

        rollback_alarms = self.rollback_alarms



        batch_size: dict[str, Any] | None
        if isinstance(self.batch_size, DeployedBatchSize):
            batch_size = self.batch_size.to_dict()
        else:
            batch_size = self.batch_size

        rollback_batch_size: dict[str, Any] | None
        if isinstance(self.rollback_batch_size, DeployedBatchSize):
            rollback_batch_size = self.rollback_batch_size.to_dict()
        else:
            rollback_batch_size = self.rollback_batch_size


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "strategy": strategy,
            "traffic_percent": traffic_percent,
            "wait_seconds": wait_seconds,
            "termination_wait_seconds": termination_wait_seconds,
            "maximum_execution_seconds": maximum_execution_seconds,
            "rollback_alarms": rollback_alarms,
            "batch_size": batch_size,
            "rollback_batch_size": rollback_batch_size,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deployed_batch_size import DeployedBatchSize # noqa: PLC0415
        d = dict(src_dict)
        strategy = LastDeploymentStrategy(d.pop("strategy"))




        def _parse_traffic_percent(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        traffic_percent = _parse_traffic_percent(d.pop("traffic_percent"))


        wait_seconds = d.pop("wait_seconds")

        termination_wait_seconds = d.pop("termination_wait_seconds")

        def _parse_maximum_execution_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        maximum_execution_seconds = _parse_maximum_execution_seconds(d.pop("maximum_execution_seconds"))


        rollback_alarms = cast(list[str], d.pop("rollback_alarms"))


        def _parse_batch_size(data: object) -> DeployedBatchSize | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                batch_size_type_1 = DeployedBatchSize.from_dict(data)



                return batch_size_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeployedBatchSize | None, data)

        batch_size = _parse_batch_size(d.pop("batch_size"))


        def _parse_rollback_batch_size(data: object) -> DeployedBatchSize | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rollback_batch_size_type_1 = DeployedBatchSize.from_dict(data)



                return rollback_batch_size_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeployedBatchSize | None, data)

        rollback_batch_size = _parse_rollback_batch_size(d.pop("rollback_batch_size"))


        last_deployment = cls(
            strategy=strategy,
            traffic_percent=traffic_percent,
            wait_seconds=wait_seconds,
            termination_wait_seconds=termination_wait_seconds,
            maximum_execution_seconds=maximum_execution_seconds,
            rollback_alarms=rollback_alarms,
            batch_size=batch_size,
            rollback_batch_size=rollback_batch_size,
        )


        last_deployment.additional_properties = d
        return last_deployment

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
