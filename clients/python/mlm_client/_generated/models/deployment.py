from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.deployment_strategy import DeploymentStrategy
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.auto_rollback import AutoRollback





T = TypeVar("T", bound="Deployment")



@_attrs_define
class Deployment:
    """ How a blue/green update shifts traffic (instance type or model version changes).

        Attributes:
            strategy (DeploymentStrategy | Unset):  Default: DeploymentStrategy.ALL_AT_ONCE.
            traffic_percent (int | Unset): Canary size, or linear step, in percent of the fleet's capacity.
            wait_seconds (int | Unset): Time between traffic shifts.
            termination_wait_seconds (int | Unset): How long the old fleet stays after all traffic moved.
            auto_rollback (AutoRollback | Unset): Roll the update back by itself when an alarm goes into ALARM while the new
                fleet
                bakes: after each traffic shift for `wait_seconds` (at least 60 with auto-rollback,
                one CloudWatch period). All traffic then returns to the old fleet, the endpoint is
                `rolling_back` and then `in_service` on it, and `failure_reason` names the alarm.
                MLM creates `alarms` on the changed variants (one-minute periods; replaced by the
                next guarded update, deleted with the endpoint); `alarm_names` are CloudWatch
                alarms of your own, watched as they are. With neither, MLM watches a 5xx rate
                above 5 %. At most 10 alarms in all (AWS's limit), counting one per alarm and
                changed variant.
            maximum_execution_seconds (int | Unset): Roll back if the update has not finished within this time
                (SageMaker's MaximumExecutionTimeoutInSeconds).
     """

    strategy: DeploymentStrategy | Unset = DeploymentStrategy.ALL_AT_ONCE
    traffic_percent: int | Unset = UNSET
    wait_seconds: int | Unset = UNSET
    termination_wait_seconds: int | Unset = UNSET
    auto_rollback: AutoRollback | Unset = UNSET
    maximum_execution_seconds: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.auto_rollback import AutoRollback # noqa: PLC0415
        strategy: str | Unset = UNSET
        if not isinstance(self.strategy, Unset):
            strategy = self.strategy.value


        traffic_percent = self.traffic_percent

        wait_seconds = self.wait_seconds

        termination_wait_seconds = self.termination_wait_seconds

        auto_rollback: dict[str, Any] | Unset = UNSET
        if not isinstance(self.auto_rollback, Unset):
            auto_rollback = self.auto_rollback.to_dict()

        maximum_execution_seconds = self.maximum_execution_seconds


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if strategy is not UNSET:
            field_dict["strategy"] = strategy
        if traffic_percent is not UNSET:
            field_dict["traffic_percent"] = traffic_percent
        if wait_seconds is not UNSET:
            field_dict["wait_seconds"] = wait_seconds
        if termination_wait_seconds is not UNSET:
            field_dict["termination_wait_seconds"] = termination_wait_seconds
        if auto_rollback is not UNSET:
            field_dict["auto_rollback"] = auto_rollback
        if maximum_execution_seconds is not UNSET:
            field_dict["maximum_execution_seconds"] = maximum_execution_seconds

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.auto_rollback import AutoRollback # noqa: PLC0415
        d = dict(src_dict)
        _strategy = d.pop("strategy", UNSET)
        strategy: DeploymentStrategy | Unset
        if isinstance(_strategy,  Unset):
            strategy = UNSET
        else:
            strategy = DeploymentStrategy(_strategy)




        traffic_percent = d.pop("traffic_percent", UNSET)

        wait_seconds = d.pop("wait_seconds", UNSET)

        termination_wait_seconds = d.pop("termination_wait_seconds", UNSET)

        _auto_rollback = d.pop("auto_rollback", UNSET)
        auto_rollback: AutoRollback | Unset
        if isinstance(_auto_rollback,  Unset):
            auto_rollback = UNSET
        else:
            auto_rollback = AutoRollback.from_dict(_auto_rollback)




        maximum_execution_seconds = d.pop("maximum_execution_seconds", UNSET)

        deployment = cls(
            strategy=strategy,
            traffic_percent=traffic_percent,
            wait_seconds=wait_seconds,
            termination_wait_seconds=termination_wait_seconds,
            auto_rollback=auto_rollback,
            maximum_execution_seconds=maximum_execution_seconds,
        )

        return deployment

