"""The SQS queue an EventBridge rule fills with SageMaker's endpoint state changes.

EventBridge delivers each event to the queue at least once; whoever reads a message
deletes it once it has acted on it, so one of several replicas handles each event (a
message not deleted comes back after the queue's visibility timeout).
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mlm.aws.errors import aws_errors

if TYPE_CHECKING:
    from mypy_boto3_sqs import SQSClient


@dataclass(frozen=True)
class QueuedEvent:
    receipt: str
    event: dict[str, Any] | None  # the EventBridge event; None when the body is not JSON


class EventQueue:
    def __init__(self, client: SQSClient, queue_name: str) -> None:
        self._sqs = client
        self._name = queue_name
        self._url: str | None = None
        self._lock = threading.Lock()

    def receive(self, wait_seconds: int = 0, max_messages: int = 10) -> list[QueuedEvent]:
        with aws_errors():
            answer = self._sqs.receive_message(
                QueueUrl=self._queue_url(),
                MaxNumberOfMessages=max_messages,
                WaitTimeSeconds=wait_seconds,
            )
        return [
            QueuedEvent(m["ReceiptHandle"], _event(m.get("Body", "")))
            for m in answer.get("Messages", [])
        ]

    def delete(self, events: list[QueuedEvent]) -> None:
        for start in range(0, len(events), 10):  # SQS takes ten per batch
            batch = events[start : start + 10]
            with aws_errors():
                self._sqs.delete_message_batch(
                    QueueUrl=self._queue_url(),
                    Entries=[
                        {"Id": str(i), "ReceiptHandle": e.receipt} for i, e in enumerate(batch)
                    ],
                )

    def _queue_url(self) -> str:
        with self._lock:
            if self._url is None:
                with aws_errors():
                    self._url = self._sqs.get_queue_url(QueueName=self._name)["QueueUrl"]
            return self._url


def _event(body: str) -> dict[str, Any] | None:
    try:
        event = json.loads(body)
    except ValueError:
        return None
    return event if isinstance(event, dict) else None
