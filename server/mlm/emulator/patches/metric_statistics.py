"""CloudWatch percentile statistics (moto 5.2.5 answers ``None`` for them).

GetMetricData's ``MetricStat.Stat`` and GetMetricStatistics' ``ExtendedStatistics``
accept percentiles ``p0.0`` … ``p100`` (AWS: "Percentiles: p99 …, any percentile up to
two decimal places"). moto computed only Sum, Average, Minimum, Maximum and SampleCount,
so a ``p99`` query came back with null values. Here a percentile is computed from the
period's raw values by nearest rank (the value below which that share of the samples
lie), which for the emulator's one-datum-per-request metrics is what CloudWatch reports.
"""

from __future__ import annotations

import math
import re
from typing import Any, SupportsFloat

from moto.cloudwatch.models import Statistics

_PERCENTILE = re.compile(r"^p(\d{1,3}(?:\.\d{1,2})?)$")
_ORIGINAL = Statistics.get_statistics_for_type


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile of ``values`` (``share`` 0-100)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(share / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def _get_statistics_for_type(self: Statistics, stat: str) -> SupportsFloat | None:
    match = _PERCENTILE.match(stat)
    if match is None or float(match.group(1)) > 100:
        return _ORIGINAL(self, stat)
    values: list[Any] = self.metric_single_values_list
    return percentile([float(v) for v in values], float(match.group(1)))


def install() -> None:
    setattr(Statistics, "get_statistics_for_type", _get_statistics_for_type)  # noqa: B010
