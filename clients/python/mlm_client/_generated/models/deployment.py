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
  from ..models.batch_size import BatchSize





T = TypeVar("T", bound="Deployment")



@_attrs_define
class Deployment:
    """ How an instance type or model version change moves to the new fleet. Blue/green
    (`all_at_once`, `canary`, `linear`) provisions the whole new fleet, shifts traffic to
    it and then removes the old one; `rolling` replaces each variant `batch_size` at a
    time (provision a batch, move its share of traffic, bake for `wait_seconds`, remove
    a batch of the old fleet), so it needs only one batch of extra instances: the
    choice for large GPU fleets. A rolling update needs at least 2 instances per variant.

        Attributes:
            strategy (DeploymentStrategy | Unset):  Default: DeploymentStrategy.ALL_AT_ONCE.
            batch_size (BatchSize | Unset): A rolling update's step (`batch_size`, required for `rolling`: between 5 % and
                50 %
                of each variant's instances, and at least one), or how much of the old fleet comes
                back at a time in a rollback (`rollback_batch_size`: at least one instance or 1 %;
                without it, all at once).
            rollback_batch_size (BatchSize | Unset): A rolling update's step (`batch_size`, required for `rolling`: between
                5 % and 50 %
                of each variant's instances, and at least one), or how much of the old fleet comes
                back at a time in a rollback (`rollback_batch_size`: at least one instance or 1 %;
                without it, all at once).
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
    batch_size: BatchSize | Unset = UNSET
    rollback_batch_size: BatchSize | Unset = UNSET
    traffic_percent: int | Unset = UNSET
    wait_seconds: int | Unset = UNSET
    termination_wait_seconds: int | Unset = UNSET
    auto_rollback: AutoRollback | Unset = UNSET
    maximum_execution_seconds: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.auto_rollback import AutoRollback # noqa: PLC0415
        from ..models.batch_size import BatchSize # noqa: PLC0415
        strategy: str | Unset = UNSET
        if not isinstance(self.strategy, Unset):
            strategy = self.strategy.value


        batch_size: dict[str, Any] | Unset = UNSET
        if not isinstance(self.batch_size, Unset):
            batch_size = self.batch_size.to_dict()

        rollback_batch_size: dict[str, Any] | Unset = UNSET
        if not isinstance(self.rollback_batch_size, Unset):
            rollback_batch_size = self.rollback_batch_size.to_dict()

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
        if batch_size is not UNSET:
            field_dict["batch_size"] = batch_size
        if rollback_batch_size is not UNSET:
            field_dict["rollback_batch_size"] = rollback_batch_size
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
        from ..models.batch_size import BatchSize # noqa: PLC0415
        d = dict(src_dict)
        _strategy = d.pop("strategy", UNSET)
        strategy: DeploymentStrategy | Unset
        if isinstance(_strategy,  Unset):
            strategy = UNSET
        else:
            strategy = DeploymentStrategy(_strategy)




        _batch_size = d.pop("batch_size", UNSET)
        batch_size: BatchSize | Unset
        if isinstance(_batch_size,  Unset):
            batch_size = UNSET
        else:
            batch_size = BatchSize.from_dict(_batch_size)




        _rollback_batch_size = d.pop("rollback_batch_size", UNSET)
        rollback_batch_size: BatchSize | Unset
        if isinstance(_rollback_batch_size,  Unset):
            rollback_batch_size = UNSET
        else:
            rollback_batch_size = BatchSize.from_dict(_rollback_batch_size)




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
            batch_size=batch_size,
            rollback_batch_size=rollback_batch_size,
            traffic_percent=traffic_percent,
            wait_seconds=wait_seconds,
            termination_wait_seconds=termination_wait_seconds,
            auto_rollback=auto_rollback,
            maximum_execution_seconds=maximum_execution_seconds,
        )

        return deployment

