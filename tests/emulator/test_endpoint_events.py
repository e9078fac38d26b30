"""SageMaker Endpoint State Change events, delivered by EventBridge rules.

Mimics "Events that Amazon SageMaker AI sends to Amazon EventBridge", section "SageMaker
endpoint state change" (https://docs.aws.amazon.com/sagemaker/latest/dg/
automating-sagemaker-with-eventbridge.html): source ``aws.sagemaker``, detail-type
"SageMaker Endpoint State Change", a detail with EndpointName, EndpointArn,
EndpointConfigName, ProductionVariants, EndpointStatus (``IN_SERVICE`` …), times and Tags.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from mlm.aws.clients import ClientFactory
from mlm.settings import Settings
from tests.conftest import Keys, Transitions
from tests.emulator.conftest import Hosting
from tests.polling import poll


@pytest.fixture
def statuses(emulator_settings: Settings, keys: Keys) -> Iterator[Any]:
    """A rule and a queue of this test's own; yields a function giving the statuses that
    arrived so far for one endpoint, in order."""
    clients = ClientFactory(emulator_settings)
    sqs, events = clients.sqs(), clients.events()
    name = f"events-{keys.tenant}"
    url = sqs.create_queue(QueueName=name)["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    events.put_rule(
        Name=name,
        EventPattern=json.dumps(
            {"source": ["aws.sagemaker"], "detail-type": ["SageMaker Endpoint State Change"]}
        ),
    )
    events.put_targets(Rule=name, Targets=[{"Id": "q", "Arn": arn}])
    seen: list[dict[str, Any]] = []

    def read(endpoint: str) -> list[str]:
        for message in sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get(
            "Messages", []
        ):
            seen.append(json.loads(message["Body"]))
        statuses = [
            e["detail"]["EndpointStatus"] for e in seen if e["detail"]["EndpointName"] == endpoint
        ]
        # "SageMaker AI may send multiple events to EventBridge for each state change."
        return [s for i, s in enumerate(statuses) if i == 0 or statuses[i - 1] != s]

    read.events = seen  # type: ignore[attr-defined]
    yield read
    events.remove_targets(Rule=name, Ids=["q"])
    events.delete_rule(Name=name)
    sqs.delete_queue(QueueUrl=url)


def test_a_new_endpoint_sends_creating_then_in_service(hosting: Hosting, statuses: Any) -> None:
    name = hosting.endpoint()
    got = poll(lambda: statuses(name), lambda s: "IN_SERVICE" in s, f"{name} events")
    assert got[:2] == ["CREATING", "IN_SERVICE"]


def test_the_event_carries_the_documented_detail(hosting: Hosting, statuses: Any) -> None:
    name = hosting.endpoint()
    poll(lambda: statuses(name), lambda s: "IN_SERVICE" in s, f"{name} events")
    event = next(e for e in statuses.events if e["detail"]["EndpointName"] == name)
    assert (event["source"], event["detail-type"]) == (
        "aws.sagemaker",
        "SageMaker Endpoint State Change",
    )
    assert set(event["detail"]) >= {
        "EndpointName",
        "EndpointArn",
        "EndpointConfigName",
        "ProductionVariants",
        "EndpointStatus",
        "CreationTime",
        "LastModifiedTime",
        "Tags",
    }
    assert event["resources"] == [event["detail"]["EndpointArn"]]


def test_a_deleted_endpoint_sends_deleting_then_a_last_event(
    sm: Any, hosting: Hosting, statuses: Any, transitions: Transitions
) -> None:
    # Deleting is held until its event is seen: the watcher ticks, and on a starved
    # machine a 0.2 s state could fall between two ticks.
    name = hosting.endpoint()
    hosting.wait(name, "InService")
    transitions.hold()
    sm.delete_endpoint(EndpointName=name)
    poll(lambda: statuses(name), lambda s: "DELETING" in s, f"{name}'s DELETING event")
    transitions.release()
    got = poll(lambda: statuses(name), lambda s: "DELETED" in s, f"{name} events")
    assert got[-2:] == ["DELETING", "DELETED"]
