"""What an endpoint's instances are doing: latest figures per instance or per variant, and
metric series over a time range. CloudWatch is read, never guessed: no data is ``None``.

Per-instance figures exist only when the endpoint's config enabled enhanced metrics
(an ``InstanceId`` dimension); the instance ids are whatever ListMetrics finds. Otherwise
figures are variant aggregates (average and maximum over the variant's instances) and
say ``scope: variant``. All of one request's series come from one batched GetMetricData.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Protocol

from mlm.aws.cloudwatch import CloudWatchMetrics, MetricQuery, MetricSeries
from mlm.services.endpoints import names
from mlm.services.endpoints.views import Endpoint, Variant
from mlm.services.observability import figures as fig
from mlm.services.observability import requests
from mlm.services.observability.requests import MetricsRequest
from mlm.services.observability.time_range import TimeRange, check_read_size, time_range
from mlm.timestamps import rfc3339

_AGGREGATE_STATS = ("Average", "Maximum")


class EndpointReads(Protocol):
    """What this service needs of the endpoint service (404 across tenants included)."""

    def get(self, tenant: str, name: str) -> Endpoint: ...


class HardwareLookup(Protocol):
    def get(self, name: str) -> fig.Hardware | None: ...


def _utc_now() -> datetime:
    return datetime.now(UTC)


# --- results --------------------------------------------------------------------------


@dataclass(frozen=True)
class Aggregate:
    """A variant-wide figure: average and maximum over its instances, newest period."""

    average: float | None
    maximum: float | None
    timestamp: datetime | None

    def to_api(self) -> dict[str, Any]:
        return {
            "average": self.average,
            "maximum": self.maximum,
            "timestamp": None if self.timestamp is None else rfc3339(self.timestamp),
        }


@dataclass(frozen=True)
class InstanceRow:
    instance_id: str
    figures: dict[str, fig.Figure]

    def to_api(self) -> dict[str, Any]:
        return {"instance_id": self.instance_id} | {
            name: figure.to_api() for name, figure in self.figures.items()
        }


@dataclass(frozen=True)
class VariantInstances:
    variant: Variant
    gpu_count: int | None
    scope: str  # "instance" | "variant"
    scope_reason: str | None
    instances: list[InstanceRow]
    aggregates: dict[str, Aggregate] | None
    explanations: dict[str, str | None]

    def to_api(self) -> dict[str, Any]:
        v = self.variant
        return {
            "name": v.name,
            "instance_type": v.instance_type,
            "gpu_count": self.gpu_count,
            "current_instance_count": v.current_instance_count,
            "desired_instance_count": v.desired_instance_count,
            "status": v.status,
            "scope": self.scope,
            "scope_reason": self.scope_reason,
            "instances": [row.to_api() for row in self.instances],
            "aggregates": None
            if self.aggregates is None
            else {name: a.to_api() for name, a in self.aggregates.items()},
            "explanations": self.explanations,
        }


@dataclass(frozen=True)
class EndpointInstances:
    name: str
    status: str
    as_of: datetime
    lookback_seconds: int
    variants: list[VariantInstances]

    def to_api(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "status": self.status,
            "as_of": rfc3339(self.as_of),
            "lookback_seconds": self.lookback_seconds,
            "variants": [v.to_api() for v in self.variants],
        }


@dataclass(frozen=True)
class Series:
    metric: str
    variant: str
    instance_id: str | None
    unit: str
    statistic: str
    points: list[tuple[datetime, float]]
    note: str | None = None

    def to_api(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "variant": self.variant,
            "instance_id": self.instance_id,
            "unit": self.unit,
            "statistic": self.statistic,
            "points": [{"timestamp": rfc3339(t), "value": v} for t, v in self.points],
            "note": self.note,
        }


@dataclass(frozen=True)
class EndpointMetrics:
    name: str
    time: TimeRange
    series: list[Series] = field(default_factory=list)

    def to_api(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "start_time": rfc3339(self.time.start),
            "end_time": rfc3339(self.time.end),
            "period": self.time.period,
            "series": [s.to_api() for s in self.series],
        }


# --- the service ----------------------------------------------------------------------


class ObservabilityService:
    def __init__(
        self,
        endpoints: EndpointReads,
        hardware: HardwareLookup,
        cloudwatch: CloudWatchMetrics,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._endpoints = endpoints
        self._hardware = hardware
        self._cw = cloudwatch
        self._clock = clock

    def instances(self, tenant: str, name: str) -> EndpointInstances:
        endpoint = self._endpoints.get(tenant, name)
        physical = names.endpoint_name(tenant, name)
        now = self._clock()
        found = self._instance_ids(physical) if endpoint.enhanced_metrics else {}
        plans = [
            _InstancesPlan(physical, v, self._hardware_of(v), found.get(v.name, []))
            for v in endpoint.variants
        ]
        queries = [q for plan in plans for q in plan.queries()]
        answers = iter(self._cw.get_metric_data(queries, *fig.latest_window(now)))
        variants = [plan.result(endpoint.enhanced_metrics, answers) for plan in plans]
        return EndpointInstances(
            name=endpoint.name,
            status=endpoint.status,
            as_of=now,
            lookback_seconds=int(fig.LATEST_WINDOW.total_seconds()),
            variants=variants,
        )

    def metrics(self, tenant: str, name: str, request: MetricsRequest) -> EndpointMetrics:
        requests.check(request)
        wanted = requests.wanted_metrics(request)
        time = time_range(request.start, request.end, request.period, self._clock())
        endpoint = self._endpoints.get(tenant, name)
        physical = names.endpoint_name(tenant, name)
        per_instance = self._series_per_instance(physical) if endpoint.enhanced_metrics else {}
        # Each series with the query that fills it (None: nothing to ask, the note says why).
        planned: list[tuple[Series, tuple[MetricQuery, fig.Conversion] | None]] = []
        for metric in wanted:
            spec = fig.METRICS[metric]
            statistic = request.statistic or spec.default_statistic
            for variant in endpoint.variants:
                convert = fig.conversion(
                    spec, statistic, variant.instance_type, self._hardware_of(variant)
                )
                dims = (("EndpointName", physical), ("VariantName", variant.name))
                ids = per_instance.get((spec.namespace, spec.aws_name, variant.name), [])
                for instance_id in [None, *ids]:
                    if isinstance(convert, str):
                        empty = Series(
                            metric, variant.name, instance_id, spec.unit, statistic, [], convert
                        )
                        planned.append((empty, None))
                        continue
                    extra = () if instance_id is None else (("InstanceId", instance_id),)
                    query = MetricQuery(
                        spec.namespace,
                        spec.aws_name,
                        dims + extra,
                        fig.STATISTICS[statistic],
                        time.period,
                    )
                    empty = Series(metric, variant.name, instance_id, convert.unit, statistic, [])
                    planned.append((empty, (query, convert)))
        queries = [ask[0] for _, ask in planned if ask is not None]
        check_read_size(time, len(queries))
        answers = iter(self._cw.get_metric_data(queries, time.start, time.end))
        series: list[Series] = []
        for empty, ask in planned:
            if ask is None:
                series.append(empty)
                continue
            raw, divisor = next(answers), ask[1].divisor
            points = [
                (t, round(v / divisor, 3)) for t, v in zip(raw.timestamps, raw.values, strict=True)
            ]
            series.append(replace(empty, points=points))
        return EndpointMetrics(name=endpoint.name, time=time, series=series)

    # --- helpers ------------------------------------------------------------------------

    def _hardware_of(self, variant: Variant) -> fig.Hardware | None:
        return None if variant.instance_type is None else self._hardware.get(variant.instance_type)

    def _series_per_instance(self, physical: str) -> dict[tuple[str, str, str], list[str]]:
        """(namespace, metric, variant) → instance ids CloudWatch has that series for."""
        found: dict[tuple[str, str, str], set[str]] = defaultdict(set)
        for namespace, metric, dims in self._cw.dimension_sets({"EndpointName": physical}):
            if "InstanceId" in dims and "VariantName" in dims and "AcceleratorId" not in dims:
                found[(namespace, metric, dims["VariantName"])].add(dims["InstanceId"])
        return {key: sorted(ids) for key, ids in found.items()}

    def _instance_ids(self, physical: str) -> dict[str, list[str]]:
        """Variant → the instance ids any per-instance series names."""
        found: dict[str, set[str]] = defaultdict(set)
        for (_, _, variant), ids in self._series_per_instance(physical).items():
            found[variant].update(ids)
        return {variant: sorted(ids) for variant, ids in found.items()}


@dataclass
class _InstancesPlan:
    """One variant's part of GET …/instances: which queries, then how to read answers."""

    physical: str
    variant: Variant
    hardware: fig.Hardware | None
    instance_ids: list[str]
    _converts: dict[str, fig.Conversion | str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for metric in fig.INSTANCE_FIGURES:
            spec = fig.METRICS[metric]
            self._converts[metric] = fig.conversion(
                spec, spec.default_statistic, self.variant.instance_type, self.hardware
            )

    def _queryable(self) -> list[str]:
        return [m for m in fig.INSTANCE_FIGURES if not isinstance(self._converts[m], str)]

    def queries(self) -> list[MetricQuery]:
        dims = (("EndpointName", self.physical), ("VariantName", self.variant.name))
        out: list[MetricQuery] = []
        for metric in self._queryable():
            spec = fig.METRICS[metric]
            if self.instance_ids:
                stat = fig.STATISTICS[spec.default_statistic]
                out += [
                    MetricQuery(
                        spec.namespace,
                        spec.aws_name,
                        (*dims, ("InstanceId", instance_id)),
                        stat,
                        fig.LATEST_PERIOD_SECONDS,
                    )
                    for instance_id in self.instance_ids
                ]
            else:
                out += [
                    MetricQuery(
                        spec.namespace, spec.aws_name, dims, stat, fig.LATEST_PERIOD_SECONDS
                    )
                    for stat in _AGGREGATE_STATS
                ]
        return out

    def result(self, enhanced: bool, answers: Any) -> VariantInstances:
        queryable = set(self._queryable())
        rows: list[InstanceRow] = []
        aggregates: dict[str, Aggregate] | None = None
        if self.instance_ids:
            by_metric: dict[str, list[MetricSeries | None]] = {}
            for metric in fig.INSTANCE_FIGURES:
                count = len(self.instance_ids)
                by_metric[metric] = (
                    [next(answers) for _ in range(count)] if metric in queryable else [None] * count
                )
            rows = [
                InstanceRow(
                    instance_id,
                    {
                        m: fig.Figure.latest(by_metric[m][i], self._converts[m])
                        for m in fig.INSTANCE_FIGURES
                    },
                )
                for i, instance_id in enumerate(self.instance_ids)
            ]
            present = {
                m for m in fig.INSTANCE_FIGURES if any(r.figures[m].value is not None for r in rows)
            }
        else:
            aggregates = {}
            for metric in fig.INSTANCE_FIGURES:
                if metric in queryable:
                    average, maximum = next(answers), next(answers)
                    aggregates[metric] = _aggregate(average, maximum, self._converts[metric])
                else:
                    aggregates[metric] = Aggregate(None, None, None)
            present = {m for m, a in aggregates.items() if a.timestamp is not None}
        return VariantInstances(
            variant=self.variant,
            gpu_count=None if self.hardware is None else self.hardware.gpu_count,
            scope="instance" if self.instance_ids else "variant",
            scope_reason=_scope_reason(enhanced, bool(self.instance_ids)),
            instances=rows,
            aggregates=aggregates,
            explanations=self._explanations(present),
        )

    def _explanations(self, present: set[str]) -> dict[str, str | None]:
        """Per family of figures: why all of them are null (None when any has a value)."""
        out: dict[str, str | None] = {}
        for family in (fig.GPU, fig.HOST, fig.IN_FLIGHT):
            members = [m for m in fig.INSTANCE_FIGURES if fig.METRICS[m].family == family]
            if any(m in present for m in members):
                out[family] = None
                continue
            reasons = [r for m in members if isinstance(r := self._converts[m], str)]
            out[family] = reasons[0] if reasons else fig.no_data_reason()
        return out


def _aggregate(
    average: MetricSeries, maximum: MetricSeries, convert: fig.Conversion | str
) -> Aggregate:
    newest = fig.Figure.latest(average, convert)
    if newest.timestamp is None or isinstance(convert, str):
        return Aggregate(None, None, None)
    at = dict(zip(maximum.timestamps, maximum.values, strict=True)).get(newest.timestamp)
    top = None if at is None else round(at / convert.divisor, 3)
    return Aggregate(newest.value, top, newest.timestamp)


def _scope_reason(enhanced: bool, per_instance: bool) -> str | None:
    if per_instance:
        return None
    if not enhanced:
        return (
            "enhanced metrics are off for this endpoint, so CloudWatch has variant aggregates only"
        )
    return "enhanced metrics are on, but CloudWatch has no per-instance series for this variant yet"
