"""SNS: the topic an endpoint's alarms notify, and subscribing to it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from mlm.aws.errors import aws_errors


@dataclass(frozen=True)
class Subscription:
    arn: str  # "PendingConfirmation" until an email or HTTPS endpoint confirms
    protocol: str
    endpoint: str


class Notifications:
    def __init__(self, client: Any) -> None:
        self._sns = client

    def ensure_topic(self, name: str, tags: Mapping[str, str]) -> str:
        """CreateTopic is idempotent by name: the topic's ARN, made if missing."""
        with aws_errors():
            answer = self._sns.create_topic(
                Name=name, Tags=[{"Key": k, "Value": v} for k, v in tags.items()]
            )
        return str(answer["TopicArn"])

    def subscribe(self, topic_arn: str, protocol: str, endpoint: str) -> Subscription:
        with aws_errors():
            answer = self._sns.subscribe(
                TopicArn=topic_arn,
                Protocol=protocol,
                Endpoint=endpoint,
                ReturnSubscriptionArn=False,
            )
        return Subscription(str(answer.get("SubscriptionArn", "")), protocol, endpoint)

    def delete_topic(self, topic_arn: str) -> None:
        """Deletes the topic and its subscriptions (a missing topic is fine)."""
        with aws_errors():
            self._sns.delete_topic(TopicArn=topic_arn)
