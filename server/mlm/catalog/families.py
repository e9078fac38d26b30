"""Hardware facts about SageMaker instance types: the documented table behind the catalog.

Which instance types exist is not decided here (botocore's service model says that); this
module only knows what each one is made of. Sources: the AWS EC2/SageMaker instance-type
pages and AWS_FACTS.md's sizing table. Where a fact is not known for sure it is absent,
and the catalog reports ``None`` rather than a guess.

GPU memory is the nominal per-GPU figure AWS publishes (in GB, which for these GPUs is the
GiB the driver reports, give or take the driver's reserve).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class GpuFamily:
    """The GPU a family carries and how many each size has."""

    model: str | None
    memory_gib: float | None
    # GPUs per size; sizes not listed have ``default_count`` (None: unknown).
    counts: dict[str, int] = field(default_factory=dict)
    default_count: int | None = 1


GPU_FAMILIES: dict[str, GpuFamily] = {
    "g4dn": GpuFamily("NVIDIA T4", 16, {"12xlarge": 4}),
    "g5": GpuFamily("NVIDIA A10G", 24, {"12xlarge": 4, "24xlarge": 4, "48xlarge": 8}),
    "g6": GpuFamily("NVIDIA L4", 24, {"12xlarge": 4, "24xlarge": 4, "48xlarge": 8}),
    "g6e": GpuFamily("NVIDIA L40S", 48, {"12xlarge": 4, "24xlarge": 4, "48xlarge": 8}),
    "p2": GpuFamily("NVIDIA K80", 12, {"xlarge": 1, "8xlarge": 8, "16xlarge": 16}, None),
    "p3": GpuFamily("NVIDIA V100", 16, {"2xlarge": 1, "8xlarge": 4, "16xlarge": 8}, None),
    "p4d": GpuFamily("NVIDIA A100", 40, {"24xlarge": 8}, None),
    "p4de": GpuFamily("NVIDIA A100", 80, {"24xlarge": 8}, None),
    "p5": GpuFamily("NVIDIA H100", 80, {"4xlarge": 1, "48xlarge": 8}, None),
    "p5e": GpuFamily("NVIDIA H200", 141, {"48xlarge": 8}, None),
    "p5en": GpuFamily("NVIDIA H200", 141, {"48xlarge": 8}, None),
    "p6-b200": GpuFamily("NVIDIA B200", 180, {"48xlarge": 8}, None),
    # Newer Blackwell types: the GPU is known, per-GPU memory (and for g7/g7e the count
    # per size) not for sure, so those stay unknown.
    "p6-b300": GpuFamily("NVIDIA B300", None, {"48xlarge": 8}, None),
    "p6e-gb200": GpuFamily("NVIDIA GB200", None, {"36xlarge": 4}, None),
    "g7": GpuFamily(None, None, {}, None),
    "g7e": GpuFamily(None, None, {}, None),
}

# Accelerated, but not GPUs: AWS Inferentia / Trainium (Neuron) and Habana Gaudi. They have
# zero GPUs, and CUDA serving containers do not run on them.
NON_GPU_ACCELERATED_FAMILIES = frozenset({"inf1", "inf2", "trn1", "trn1n", "trn2", "dl1"})

# General purpose, compute and memory optimised: no accelerator.
CPU_FAMILIES = frozenset(
    {
        "t2",
        "m4",
        "m5",
        "m5d",
        "m6i",
        "m7i",
        "m6g",
        "m6gd",
        "m8g",
        "c4",
        "c5",
        "c5d",
        "c6i",
        "c6in",
        "c7i",
        "c6g",
        "c6gd",
        "c6gn",
        "c7g",
        "c8g",
        "r5",
        "r5d",
        "r6i",
        "r7i",
        "r6g",
        "r6gd",
        "r7gd",
        "r8g",
    }
)

# GiB of memory per vCPU, for families where that ratio holds for every size.
MEMORY_PER_VCPU_GIB: dict[str, float] = {
    **dict.fromkeys(["m5", "m5d", "m6i", "m7i", "m6g", "m6gd", "m8g", "m4"], 4.0),
    **dict.fromkeys(["c5", "c5d", "c6i", "c6in", "c7i", "c6g", "c6gd", "c6gn", "c7g"], 2.0),
    "c8g": 2.0,
    **dict.fromkeys(["r5", "r5d", "r6i", "r7i", "r6g", "r6gd", "r7gd", "r8g"], 8.0),
    **dict.fromkeys(["g4dn", "g5", "g6", "inf2", "trn1", "trn1n"], 4.0),
    "g6e": 8.0,
    "inf1": 2.0,
}

# Types whose vCPUs or memory do not follow their family's rule: (vcpus, memory GiB).
EXPLICIT_SIZES: dict[str, tuple[int, float]] = {
    "ml.t2.medium": (2, 4),
    "ml.t2.large": (2, 8),
    "ml.t2.xlarge": (4, 16),
    "ml.t2.2xlarge": (8, 32),
    "ml.c4.large": (2, 3.75),
    "ml.c4.xlarge": (4, 7.5),
    "ml.c4.2xlarge": (8, 15),
    "ml.c4.4xlarge": (16, 30),
    "ml.c4.8xlarge": (36, 60),
    "ml.p2.xlarge": (4, 61),
    "ml.p2.8xlarge": (32, 488),
    "ml.p2.16xlarge": (64, 732),
    "ml.p3.2xlarge": (8, 61),
    "ml.p3.8xlarge": (32, 244),
    "ml.p3.16xlarge": (64, 488),
    "ml.p4d.24xlarge": (96, 1152),
    "ml.p4de.24xlarge": (96, 1152),
    "ml.p5.4xlarge": (16, 256),
    "ml.p5.48xlarge": (192, 2048),
    "ml.p5e.48xlarge": (192, 2048),
    "ml.p5en.48xlarge": (192, 2048),
    "ml.p6-b200.48xlarge": (192, 2048),
    "ml.trn2.48xlarge": (192, 2048),
    "ml.dl1.24xlarge": (96, 768),
}

_SIZE = re.compile(r"^(\d*)xlarge$")
_NAMED_SIZES = {"medium": 1, "large": 2}


def split_name(name: str) -> tuple[str, str] | None:
    """``ml.g5.12xlarge`` → ``("g5", "12xlarge")``; None for anything else."""
    parts = name.split(".")
    if len(parts) != 3 or parts[0] != "ml" or not parts[1] or not parts[2]:
        return None
    return parts[1], parts[2]


def vcpus_for_size(size: str) -> int | None:
    """AWS's size naming: medium 1, large 2, xlarge 4, Nxlarge 4·N vCPUs."""
    if size in _NAMED_SIZES:
        return _NAMED_SIZES[size]
    match = _SIZE.match(size)
    if match is None:
        return None
    return 4 * int(match.group(1) or 1)


def is_accelerated_family(family: str) -> bool:
    return family in GPU_FAMILIES or family in NON_GPU_ACCELERATED_FAMILIES


def is_known_family(family: str) -> bool:
    return is_accelerated_family(family) or family in CPU_FAMILIES
