from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.variant_observability import VariantObservability





T = TypeVar("T", bound="EndpointObservability")



@_attrs_define
class EndpointObservability:
    """ Latest per-GPU utilization (average over the variant's instances, 0-100 per GPU)
    and in-flight requests (maximum) per variant, as of `as_of`.

        Attributes:
            as_of (datetime.datetime): RFC 3339, UTC. Example: 2026-11-22T01:02:03Z.
            cache_age_seconds (float): How long ago CloudWatch was read for these figures (0 = this request).
            endpoint_as_of (datetime.datetime): RFC 3339, UTC. Example: 2026-11-22T01:02:03Z.
            endpoint_age_seconds (float): How long ago the endpoint itself (status, variants, counts) was read from AWS
                into the fleet index. MLM's own changes and SageMaker's state-change events
                refresh it within seconds; a periodic reconciliation catches anything missed.
            lookback_seconds (int):
            variants (list[VariantObservability]):
     """

    as_of: datetime.datetime
    cache_age_seconds: float
    endpoint_as_of: datetime.datetime
    endpoint_age_seconds: float
    lookback_seconds: int
    variants: list[VariantObservability]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.variant_observability import VariantObservability # noqa: PLC0415
        as_of = self.as_of.isoformat()

        cache_age_seconds = self.cache_age_seconds

        endpoint_as_of = self.endpoint_as_of.isoformat()

        endpoint_age_seconds = self.endpoint_age_seconds

        lookback_seconds = self.lookback_seconds

        variants = []
        for variants_item_data in self.variants:
            variants_item = variants_item_data.to_dict()
            variants.append(variants_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "as_of": as_of,
            "cache_age_seconds": cache_age_seconds,
            "endpoint_as_of": endpoint_as_of,
            "endpoint_age_seconds": endpoint_age_seconds,
            "lookback_seconds": lookback_seconds,
            "variants": variants,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.variant_observability import VariantObservability # noqa: PLC0415
        d = dict(src_dict)
        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))




        cache_age_seconds = d.pop("cache_age_seconds")

        endpoint_as_of = datetime.datetime.fromisoformat(d.pop("endpoint_as_of"))




        endpoint_age_seconds = d.pop("endpoint_age_seconds")

        lookback_seconds = d.pop("lookback_seconds")

        variants = []
        _variants = d.pop("variants")
        for variants_item_data in (_variants):
            variants_item = VariantObservability.from_dict(variants_item_data)



            variants.append(variants_item)


        endpoint_observability = cls(
            as_of=as_of,
            cache_age_seconds=cache_age_seconds,
            endpoint_as_of=endpoint_as_of,
            endpoint_age_seconds=endpoint_age_seconds,
            lookback_seconds=lookback_seconds,
            variants=variants,
        )


        endpoint_observability.additional_properties = d
        return endpoint_observability

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
