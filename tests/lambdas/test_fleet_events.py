"""mlm.lambdas.fleet_events: SQS records of EventBridge events → the fleet index."""

from __future__ import annotations

import json

import pytest

from mlm.container import Container
from mlm.lambdas import fleet_events
from mlm.services.endpoints import names
from tests.conftest import Keys
from tests.services.fleet_index.conftest import chat, make_endpoint  # noqa: F401

DETAIL_TYPE = "SageMaker Endpoint State Change"


def record(body: object) -> dict[str, str]:
    return {"body": body if isinstance(body, str) else json.dumps(body)}


@pytest.fixture
def handler_container(container: Container, monkeypatch: pytest.MonkeyPatch) -> Container:
    monkeypatch.setattr(fleet_events, "_container", lambda: container)
    return container


def test_an_event_makes_the_function_index_that_endpoint(
    handler_container: Container,
    keys: Keys,
    chat: None,  # noqa: F811
) -> None:
    make_endpoint(handler_container, keys.tenant, "ep")
    table = handler_container.fleet_table
    table.delete(keys.tenant, "ep", observed_before=float("inf"))
    event = {
        "source": "aws.sagemaker",
        "detail-type": DETAIL_TYPE,
        "detail": {"EndpointName": names.endpoint_name(keys.tenant, "ep")},
    }
    answer = fleet_events.lambda_handler({"Records": [record(event), record(event)]}, None)
    assert answer == {"endpoints": 1}  # duplicates are one re-read
    assert [r.endpoint for r in table.tenant(keys.tenant)[0]] == ["ep"]


def test_other_events_and_bodies_that_are_not_json_are_ignored(
    handler_container: Container,
) -> None:
    other = {"source": "aws.sagemaker", "detail-type": "SageMaker Model State Change"}
    answer = fleet_events.lambda_handler({"Records": [record(other), record("not json")]}, None)
    assert answer == {"endpoints": 0}
