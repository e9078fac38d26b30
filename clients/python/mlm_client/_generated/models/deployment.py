from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.deployment_strategy import DeploymentStrategy
from ..types import UNSET, Unset






T = TypeVar("T", bound="Deployment")



@_attrs_define
class Deployment:
    """ How a blue/green update shifts traffic (instance type or model version changes).

        Attributes:
            strategy (DeploymentStrategy | Unset):  Default: DeploymentStrategy.ALL_AT_ONCE.
            traffic_percent (int | Unset): Canary size, or linear step, in percent of the fleet's capacity.
            wait_seconds (int | Unset): Time between traffic shifts.
            termination_wait_seconds (int | Unset): How long the old fleet stays after all traffic moved.
     """

    strategy: DeploymentStrategy | Unset = DeploymentStrategy.ALL_AT_ONCE
    traffic_percent: int | Unset = UNSET
    wait_seconds: int | Unset = UNSET
    termination_wait_seconds: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        strategy: str | Unset = UNSET
        if not isinstance(self.strategy, Unset):
            strategy = self.strategy.value


        traffic_percent = self.traffic_percent

        wait_seconds = self.wait_seconds

        termination_wait_seconds = self.termination_wait_seconds


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

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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

        deployment = cls(
            strategy=strategy,
            traffic_percent=traffic_percent,
            wait_seconds=wait_seconds,
            termination_wait_seconds=termination_wait_seconds,
        )

        return deployment

