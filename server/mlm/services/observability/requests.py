"""What a client asks of an endpoint's metrics, and the checks made before CloudWatch is
read (the time range is checked by time_range, which needs the clock)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from mlm.errors import BadRequest
from mlm.services.observability import figures as fig


@dataclass(frozen=True)
class MetricsRequest:
    metrics: Sequence[str] | None = None  # None: every metric
    start: datetime | None = None
    end: datetime | None = None
    period: int | None = None
    statistic: str | None = None  # None: each metric's own default


def wanted_metrics(request: MetricsRequest) -> list[str]:
    """The metrics to read, each once, in the order asked."""
    return list(dict.fromkeys(request.metrics or fig.METRICS))


def check(request: MetricsRequest) -> None:
    unknown = [m for m in wanted_metrics(request) if m not in fig.METRICS]
    if unknown:
        raise BadRequest(
            code="INVALID_METRIC",
            detail=f"Unknown metric(s) {', '.join(unknown)}; known: {', '.join(fig.METRICS)}.",
        )
    if request.statistic is not None and request.statistic not in fig.STATISTICS:
        raise BadRequest(
            code="INVALID_STATISTIC",
            detail=f"statistic must be one of {', '.join(fig.STATISTICS)}.",
        )
