"""The instance types SageMaker real-time endpoints accept, with what each is made of.

The set of names is botocore's ``ProductionVariantInstanceType`` enum, read from the
installed service model (so a botocore upgrade brings new types without a code change);
the hardware facts come from :mod:`mlm.catalog.families`. Unknown facts are
``None``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

import botocore.session
from botocore.model import StringShape

from mlm.catalog import families

# recommend() takes the raw need (weights + KV cache); runtime buffers, CUDA context and
# fragmentation come on top. AWS_FACTS.md: add 10-20 %; we take the safe end.
MEMORY_OVERHEAD_FACTOR = 1.2


@dataclass(frozen=True)
class InstanceType:
    name: str
    family: str
    gpu_count: int | None
    gpu_model: str | None
    gpu_memory_gib: float | None  # per GPU
    vcpus: int | None
    memory_gib: float | None
    accelerated: bool

    @property
    def total_gpu_memory_gib(self) -> float | None:
        if self.gpu_count is None or self.gpu_memory_gib is None:
            return None
        return self.gpu_count * self.gpu_memory_gib

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@lru_cache(maxsize=1)
def production_variant_instance_types() -> tuple[str, ...]:
    """botocore's list of instance types a SageMaker production variant accepts."""
    model = botocore.session.get_session().get_service_model("sagemaker")
    shape = model.shape_for("ProductionVariantInstanceType")
    if not isinstance(shape, StringShape):
        raise TypeError("botocore's ProductionVariantInstanceType is no longer a string enum")
    return tuple(shape.enum)


def describe(name: str) -> InstanceType | None:
    """What the table knows about one instance type name (None if not an ``ml.*`` name)."""
    parts = families.split_name(name)
    if parts is None:
        return None
    family, size = parts
    gpu_count: int | None
    gpu_model: str | None = None
    gpu_memory: float | None = None
    gpu_family = families.GPU_FAMILIES.get(family)
    if gpu_family is not None:
        gpu_count = gpu_family.counts.get(size, gpu_family.default_count)
        gpu_model, gpu_memory = gpu_family.model, gpu_family.memory_gib
    elif family in families.CPU_FAMILIES or family in families.NON_GPU_ACCELERATED_FAMILIES:
        gpu_count = 0
    else:
        gpu_count = None  # a family this table has not met yet
    vcpus: int | None
    memory: float | None
    if name in families.EXPLICIT_SIZES:
        vcpus, memory = families.EXPLICIT_SIZES[name]
    else:
        vcpus = families.vcpus_for_size(size)
        ratio = families.MEMORY_PER_VCPU_GIB.get(family)
        memory = vcpus * ratio if vcpus is not None and ratio is not None else None
    return InstanceType(
        name=name,
        family=family,
        gpu_count=gpu_count,
        gpu_model=gpu_model,
        gpu_memory_gib=None if gpu_memory is None else float(gpu_memory),
        vcpus=vcpus,
        memory_gib=None if memory is None else float(memory),
        accelerated=families.is_accelerated_family(family),
    )


class InstanceTypeCatalog:
    """Read-only and the same for every tenant; built once per container."""

    def __init__(self, names: tuple[str, ...] | list[str]) -> None:
        types = (describe(name) for name in names)
        self._types = {t.name: t for t in types if t is not None}

    @classmethod
    def from_botocore(cls) -> InstanceTypeCatalog:
        """Every type real-time endpoints accept (botocore's model is local data)."""
        return cls(production_variant_instance_types())

    def all(self) -> list[InstanceType]:
        return sorted(self._types.values(), key=lambda t: t.name)

    def get(self, name: str) -> InstanceType | None:
        return self._types.get(name)

    def is_valid(self, name: str) -> bool:
        return name in self._types

    def filter(
        self,
        accelerated: bool | None = None,
        min_gpu_memory_gib: float | None = None,
        family: str | None = None,
    ) -> list[InstanceType]:
        """Types matching every given filter.

        ``min_gpu_memory_gib`` is the instance's total GPU memory (all its GPUs), the figure
        that decides whether a model fits; types with unknown GPU memory never match it.
        """
        return [
            t
            for t in self.all()
            if (accelerated is None or t.accelerated == accelerated)
            and (family is None or t.family == family)
            and (
                min_gpu_memory_gib is None
                or (
                    t.total_gpu_memory_gib is not None
                    and t.total_gpu_memory_gib >= min_gpu_memory_gib
                )
            )
        ]

    def recommend(
        self, gpu_memory_gib: float | None, gpu_count: int | None = None, limit: int = 5
    ) -> list[str]:
        """Instance types that can hold a model, best first.

        ``gpu_memory_gib`` is the raw estimate (weights + KV cache) for the whole model;
        20 % overhead is added here. A type fits when its total GPU memory
        (gpu_count x per-GPU memory) covers that and it has at least ``gpu_count`` GPUs.
        Order: fewest GPUs, then least total GPU memory, then the smallest host (fewest
        vCPUs, a proxy for price), then name. Types whose GPU facts are unknown are never
        recommended. With neither requirement given there is nothing to go on: ``[]``.
        """
        if gpu_memory_gib is None and gpu_count is None:
            return []
        need = None if gpu_memory_gib is None else gpu_memory_gib * MEMORY_OVERHEAD_FACTOR
        least_gpus = max(gpu_count or 1, 1)
        fitting = [
            t
            for t in self._types.values()
            if t.gpu_count is not None
            and t.total_gpu_memory_gib is not None
            and t.gpu_count >= least_gpus
            and (need is None or t.total_gpu_memory_gib >= need)
        ]
        fitting.sort(
            key=lambda t: (
                t.gpu_count,
                t.total_gpu_memory_gib,
                t.vcpus if t.vcpus is not None else 1 << 30,
                t.name,
            )
        )
        return [t.name for t in fitting[: max(limit, 0)]]
