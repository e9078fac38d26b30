"""The SQS queue EventBridge fills with SageMaker's endpoint events."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator

import pytest

from mlm.aws.event_queue import EventQueue
from mlm.container import Container

VISIBLE_AGAIN_AFTER = 2  # seconds a received message stays hidden, unless deleted


@pytest.fixture
def queue(container: Container) -> Iterator[EventQueue]:
    """A queue of this test's own (the shared one receives the emulator's events)."""
    sqs = container.clients.sqs()
    url = sqs.create_queue(
        QueueName=f"mlm-test-{uuid.uuid4().hex[:12]}",
        Attributes={"VisibilityTimeout": str(VISIBLE_AGAIN_AFTER)},
    )["QueueUrl"]
    name = url.rsplit("/", 1)[1]
    yield EventQueue(sqs, name)
    sqs.delete_queue(QueueUrl=url)


def _send(container: Container, queue: EventQueue, bodies: list[str]) -> None:
    sqs = container.clients.sqs()
    url = queue._queue_url()
    for body in bodies:
        sqs.send_message(QueueUrl=url, MessageBody=body)


def test_an_event_is_received_as_the_json_object_it_was_sent_as(
    container: Container, queue: EventQueue
) -> None:
    _send(container, queue, [json.dumps({"detail-type": "x", "detail": {"a": 1}})])
    [event] = queue.receive()
    assert event.event == {"detail-type": "x", "detail": {"a": 1}}


def test_a_body_that_is_not_a_json_object_is_received_as_none(
    container: Container, queue: EventQueue
) -> None:
    _send(container, queue, ["not json", "[1, 2]"])
    assert sorted(str(e.event) for e in queue.receive()) == ["None", "None"]


def test_deleted_events_are_not_received_again_even_past_ten(
    container: Container, queue: EventQueue
) -> None:
    """DeleteMessageBatch takes ten entries; more are deleted in several batches."""
    _send(container, queue, [json.dumps({"n": n}) for n in range(12)])
    received = queue.receive() + queue.receive()
    assert sorted(e.event["n"] for e in received if e.event) == list(range(12))
    queue.delete(received)
    time.sleep(VISIBLE_AGAIN_AFTER + 0.5)  # an undeleted message would be back by now
    assert queue.receive() == []
