"""…/instances, …/metrics and ?view=overview over HTTP (response validation on)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from starlette.testclient import TestClient

from mlm.container import Container
from tests.conftest import Keys
from tests.handlers.test_endpoints import live, version
from tests.metric_fixtures import put

__all__ = ["live", "version"]  # fixtures: an in-service 'chat-ep' on ml.g5.2xlarge


def test_instances_answer_variant_aggregates_with_null_figures_explained(
    client: TestClient, live: Any
) -> None:
    response = client.get("/v1/endpoints/chat-ep/instances")
    assert response.status_code == 200, response.text
    variant = response.json()["variants"][0]
    assert (variant["scope"], variant["gpu_count"], variant["instances"]) == ("variant", 1, [])
    assert variant["aggregates"]["gpu_utilization"] == {
        "average": None,
        "maximum": None,
        "timestamp": None,
    }
    assert variant["explanations"]["gpu"] == "no datapoints in the last 10 minutes"


def test_instances_show_per_gpu_figures_with_their_time(
    client: TestClient, live: Any, container: Container, keys: Keys
) -> None:
    put(container.clients.cloudwatch(), f"mlm-{keys.tenant}-chat-ep", "GPUUtilization", 80.0)
    body = client.get("/v1/endpoints/chat-ep/instances").json()
    figure = body["variants"][0]["aggregates"]["gpu_utilization"]
    assert figure["average"] == 80.0
    assert figure["timestamp"].endswith("Z")


def test_metrics_answer_named_series_with_units(client: TestClient, live: Any) -> None:
    response = client.get(
        "/v1/endpoints/chat-ep/metrics",
        params=[("metric", "model_latency_ms"), ("metric", "invocations")],
    )
    assert response.status_code == 200, response.text
    series = response.json()["series"]
    assert [(s["metric"], s["unit"], s["statistic"]) for s in series] == [
        ("model_latency_ms", "milliseconds", "average"),
        ("invocations", "count", "sum"),
    ]


def test_metrics_of_a_two_day_range_at_60_s_are_too_wide(client: TestClient, live: Any) -> None:
    response = client.get(
        "/v1/endpoints/chat-ep/metrics", params={"period": 60, "start_time": _days_ago(2)}
    )
    assert response.status_code == 400
    assert response.json()["code"] == "TIME_RANGE_TOO_WIDE"
    assert "1440" in response.json()["detail"]


def test_the_overview_view_adds_observability(client: TestClient, live: Any) -> None:
    response = client.get("/v1/endpoints", params={"view": "overview"})
    assert response.status_code == 200, response.text
    [item] = response.json()["items"]
    observed = item["observability"]["variants"][0]
    assert observed["name"] == "primary"
    assert observed["in_flight_requests"] == {"value": None, "timestamp": None}


def test_the_summary_view_has_no_observability(client: TestClient, live: Any) -> None:
    [item] = client.get("/v1/endpoints").json()["items"]
    assert "observability" not in item


def _days_ago(days: int) -> str:
    return (datetime.now(UTC) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")
