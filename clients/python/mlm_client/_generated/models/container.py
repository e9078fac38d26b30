from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.container_environment import ContainerEnvironment





T = TypeVar("T", bound="Container")



@_attrs_define
class Container:
    """ 
        Attributes:
            image (str): The serving container image URI. Example: 763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-
                inference:0.33.0-lmi15.0.0-cu128.
            environment (ContainerEnvironment | Unset): Environment variables of the container (at most 50). Example:
                {'OPTION_ROLLING_BATCH': 'vllm'}.
     """

    image: str
    environment: ContainerEnvironment | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.container_environment import ContainerEnvironment # noqa: PLC0415
        image = self.image

        environment: dict[str, Any] | Unset = UNSET
        if not isinstance(self.environment, Unset):
            environment = self.environment.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "image": image,
        })
        if environment is not UNSET:
            field_dict["environment"] = environment

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.container_environment import ContainerEnvironment # noqa: PLC0415
        d = dict(src_dict)
        image = d.pop("image")

        _environment = d.pop("environment", UNSET)
        environment: ContainerEnvironment | Unset
        if isinstance(_environment,  Unset):
            environment = UNSET
        else:
            environment = ContainerEnvironment.from_dict(_environment)




        container = cls(
            image=image,
            environment=environment,
        )

        return container

