"""The fleet view a dashboard polls: every endpoint with its latest per-GPU utilization and
in-flight requests, at a cost that does not grow with one CloudWatch call per endpoint.

One page of endpoints comes from the fleet index (one DynamoDB query for the whole fleet,
reused for the read-cache TTL; no AWS call per endpoint); then every variant's figures
come from one GetMetricData per 500 queries (two queries per variant at most). Figures
read within the last ``ttl_seconds`` are reused, and each endpoint says how old its
figures are and when the endpoint itself was last read from AWS.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from mlm.aws.cloudwatch import CloudWatchMetrics, MetricQuery
from mlm.pagination import Page
from mlm.services.endpoints import names
from mlm.services.endpoints.views import Endpoint, Variant
from mlm.services.fleet_index.index import IndexedEndpoint
from mlm.services.observability import figures as fig
from mlm.timestamps import rfc3339

FIGURES = ("gpu_utilization", "in_flight_requests", "model_latency_p99_ms")
DEFAULT_TTL_SECONDS = 10.0
_CACHE_CAPACITY = 10_000


class EndpointListing(Protocol):
    def list_indexed(
        self,
        tenant: str,
        status: str | None = None,
        model_name: str | None = None,
        page_size: int = 50,
        page_token: str | None = None,
    ) -> Page[IndexedEndpoint]: ...


class HardwareLookup(Protocol):
    def get(self, name: str) -> fig.Hardware | None: ...


@dataclass(frozen=True)
class VariantOverview:
    name: str
    figures: dict[str, fig.Figure]
    explanations: dict[str, str | None]

    def to_api(self) -> dict[str, Any]:
        return (
            {"name": self.name}
            | {name: f.to_api() for name, f in self.figures.items()}
            | {"explanations": self.explanations}
        )


@dataclass(frozen=True)
class Observability:
    as_of: datetime  # when CloudWatch was read for the oldest of these figures
    cache_age_seconds: float
    variants: list[VariantOverview]
    endpoint_as_of: datetime  # when the endpoint itself was last read from AWS (the index)
    endpoint_age_seconds: float

    def to_api(self) -> dict[str, Any]:
        return {
            "as_of": rfc3339(self.as_of),
            "cache_age_seconds": self.cache_age_seconds,
            "endpoint_as_of": rfc3339(self.endpoint_as_of),
            "endpoint_age_seconds": self.endpoint_age_seconds,
            "lookback_seconds": int(fig.LATEST_WINDOW.total_seconds()),
            "variants": [v.to_api() for v in self.variants],
        }


@dataclass(frozen=True)
class _Cached:
    overview: VariantOverview
    read_at: datetime
    read_monotonic: float


class FleetOverview:
    def __init__(
        self,
        endpoints: EndpointListing,
        hardware: HardwareLookup,
        cloudwatch: CloudWatchMetrics,
        ttl_seconds: float = DEFAULT_TTL_SECONDS,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self._endpoints = endpoints
        self._hardware = hardware
        self._cw = cloudwatch
        self._ttl = ttl_seconds
        self._clock = clock
        self._cache: dict[tuple[str, str, str | None], _Cached] = {}
        self._lock = threading.Lock()

    def list_endpoints(
        self,
        tenant: str,
        status: str | None = None,
        model_name: str | None = None,
        page_size: int = 50,
        page_token: str | None = None,
    ) -> Page[tuple[Endpoint, Observability]]:
        indexed = self._endpoints.list_indexed(tenant, status, model_name, page_size, page_token)
        page = Page([i.endpoint for i in indexed.items], indexed.next_page_token)
        wanted = [(names.endpoint_name(tenant, e.name), v) for e in page.items for v in e.variants]
        cached = self._fresh(wanted)
        self._read([w for w in wanted if _key(*w) not in cached], cached)
        now = time.monotonic()
        items: list[tuple[Endpoint, Observability]] = []
        wall = self._clock()
        for endpoint, entry in zip(page.items, indexed.items, strict=True):
            physical = names.endpoint_name(tenant, endpoint.name)
            entries = [cached[_key(physical, v)] for v in endpoint.variants]
            oldest = min(entries, key=lambda c: c.read_monotonic, default=None)
            items.append(
                (
                    endpoint,
                    Observability(
                        as_of=oldest.read_at if oldest else self._clock(),
                        cache_age_seconds=round(now - oldest.read_monotonic, 3) if oldest else 0.0,
                        variants=[c.overview for c in entries],
                        endpoint_as_of=entry.observed_at,
                        endpoint_age_seconds=round(
                            max(0.0, (wall - entry.observed_at).total_seconds()), 3
                        ),
                    ),
                )
            )
        return Page(items, page.next_page_token)

    def _fresh(
        self, wanted: list[tuple[str, Variant]]
    ) -> dict[tuple[str, str, str | None], _Cached]:
        now = time.monotonic()
        with self._lock:
            found = {_key(*w): self._cache.get(_key(*w)) for w in wanted}
        return {k: c for k, c in found.items() if c and now - c.read_monotonic < self._ttl}

    def _read(
        self, wanted: list[tuple[str, Variant]], into: dict[tuple[str, str, str | None], _Cached]
    ) -> None:
        """Read ``wanted`` variants' figures in one batched GetMetricData; cache them."""
        if not wanted:
            return
        now = self._clock()
        plans = [(physical, v, self._conversions(v)) for physical, v in wanted]
        queries = [
            MetricQuery(
                fig.METRICS[m].namespace,
                fig.METRICS[m].aws_name,
                (("EndpointName", physical), ("VariantName", v.name)),
                fig.STATISTICS[fig.METRICS[m].default_statistic],
                fig.LATEST_PERIOD_SECONDS,
            )
            for physical, v, converts in plans
            for m in FIGURES
            if not isinstance(converts[m], str)
        ]
        answers = iter(self._cw.get_metric_data(queries, *fig.latest_window(now)))
        read_at = time.monotonic()
        fresh: dict[tuple[str, str, str | None], _Cached] = {}
        for physical, variant, converts in plans:
            figures = {
                m: fig.Figure.latest(
                    None if isinstance(converts[m], str) else next(answers), converts[m]
                )
                for m in FIGURES
            }
            explanations: dict[str, str | None] = {}
            for m, family in (("gpu_utilization", fig.GPU), ("in_flight_requests", fig.IN_FLIGHT)):
                reason = converts[m]
                explanations[family] = (
                    None
                    if figures[m].value is not None
                    else reason
                    if isinstance(reason, str)
                    else fig.no_data_reason()
                )
            overview = VariantOverview(variant.name, figures, explanations)
            fresh[_key(physical, variant)] = _Cached(overview, now, read_at)
        into.update(fresh)
        with self._lock:
            self._cache.update(fresh)
            while len(self._cache) > _CACHE_CAPACITY:
                self._cache.pop(next(iter(self._cache)))

    def _conversions(self, variant: Variant) -> dict[str, fig.Conversion | str]:
        hardware = (
            None if variant.instance_type is None else self._hardware.get(variant.instance_type)
        )
        return {
            m: fig.conversion(
                fig.METRICS[m], fig.METRICS[m].default_statistic, variant.instance_type, hardware
            )
            for m in FIGURES
        }


def _key(physical: str, variant: Variant) -> tuple[str, str, str | None]:
    # The instance type is part of the key: after a blue/green update the GPU count changes.
    return (physical, variant.name, variant.instance_type)
