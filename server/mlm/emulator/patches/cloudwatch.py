"""CloudWatch patches: ListMetrics lists each metric once."""

from __future__ import annotations

from moto.cloudwatch.models import CloudWatchBackend, Dimension, MetricDatumBase


def _identity(datum: MetricDatumBase) -> tuple[str, str, frozenset[tuple[str | None, str | None]]]:
    dimensions: list[Dimension] = datum.dimensions
    return (
        datum.namespace,
        datum.name,
        frozenset((dimension.name, dimension.value) for dimension in dimensions),
    )


def get_filtered_metrics(
    self: CloudWatchBackend, metric_name: str, namespace: str, dimensions: list[dict[str, str]]
) -> list[MetricDatumBase]:
    """AWS ListMetrics answers one entry per metric (namespace, name and dimension set),
    however many data points it has. moto's check of "already listed" compares every
    dimension with every other, so a metric with two dimensions (EndpointName +
    VariantName) was listed once per data point."""
    seen: set[tuple[str, str, frozenset[tuple[str | None, str | None]]]] = set()
    listed: list[MetricDatumBase] = []
    for datum in self.get_all_metrics():
        if not datum.filter(namespace=namespace, name=metric_name, dimensions=dimensions):
            continue
        identity = _identity(datum)
        if identity not in seen:
            seen.add(identity)
            listed.append(datum)
    return listed


def install() -> None:
    setattr(CloudWatchBackend, "get_filtered_metrics", get_filtered_metrics)  # noqa: B010
