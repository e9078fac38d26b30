"""CloudWatch alarms act in the emulator (patch ``alarm_actions.py``).

AWS docs ("Using Amazon CloudWatch alarms"): an alarm is evaluated every period against
its threshold and "when an alarm changes state, CloudWatch can perform actions"; an SNS
action receives a JSON message with AlarmName, NewStateValue, NewStateReason and
OldStateValue. ``TreatMissingData: breaching`` makes a period without data breach.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from mlm.aws.clients import ClientFactory
from mlm.settings import Settings
from tests.conftest import Keys
from tests.metric_fixtures import SAGEMAKER, put


@pytest.fixture
def factory(emulator_settings: Settings) -> ClientFactory:
    return ClientFactory(emulator_settings)


@pytest.fixture
def queue(factory: ClientFactory, keys: Keys) -> tuple[str, str]:
    """An SNS topic with an SQS queue subscribed → (topic ARN, queue URL)."""
    sns, sqs = factory.client("sns"), factory.client("sqs")
    topic = sns.create_topic(Name=f"alerts-{keys.tenant}")["TopicArn"]
    url = sqs.create_queue(QueueName=f"alerts-{keys.tenant}")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    sns.subscribe(
        TopicArn=topic, Protocol="sqs", Endpoint=arn, Attributes={"RawMessageDelivery": "true"}
    )
    return topic, url


def _alarm(cw: Any, name: str, endpoint: str, topic: str, **extra: Any) -> None:
    args: dict[str, Any] = {
        "AlarmName": name,
        "Namespace": SAGEMAKER,
        "MetricName": "Invocation5XXErrors",
        "Dimensions": [
            {"Name": "EndpointName", "Value": endpoint},
            {"Name": "VariantName", "Value": "primary"},
        ],
        "Statistic": "Sum",
        "Period": 60,
        "EvaluationPeriods": 1,
        "Threshold": 1.0,
        "ComparisonOperator": "GreaterThanThreshold",
        "AlarmActions": [topic],
        "OKActions": [topic],
    }
    cw.put_metric_alarm(**(args | extra))


def _now() -> datetime:
    return datetime.now(UTC) - timedelta(seconds=1)


def _state(cw: Any, name: str) -> str:
    state: str = cw.describe_alarms(AlarmNames=[name])["MetricAlarms"][0]["StateValue"]
    return state


def test_an_alarm_over_its_threshold_is_in_alarm_when_read(
    factory: ClientFactory, keys: Keys, queue: tuple[str, str]
) -> None:
    cw = factory.cloudwatch()
    endpoint = f"ep-{keys.tenant}"
    _alarm(cw, f"a-{keys.tenant}", endpoint, queue[0])
    for _ in range(3):
        put(cw, endpoint, "Invocation5XXErrors", 1.0, namespace=SAGEMAKER, at=_now())
    assert _state(cw, f"a-{keys.tenant}") == "ALARM"


def test_a_state_change_notifies_the_alarms_sns_topic(
    factory: ClientFactory, keys: Keys, queue: tuple[str, str]
) -> None:
    cw, sqs = factory.cloudwatch(), factory.client("sqs")
    endpoint = f"ep-{keys.tenant}"
    _alarm(cw, f"n-{keys.tenant}", endpoint, queue[0])
    put(cw, endpoint, "Invocation5XXErrors", 5.0, namespace=SAGEMAKER, at=_now())
    _state(cw, f"n-{keys.tenant}")
    messages = sqs.receive_message(QueueUrl=queue[1], MaxNumberOfMessages=10)["Messages"]
    notice = json.loads(messages[0]["Body"])
    assert (notice["AlarmName"], notice["NewStateValue"]) == (f"n-{keys.tenant}", "ALARM")


def test_missing_data_treated_as_breaching_alarms_on_silence(
    factory: ClientFactory, keys: Keys, queue: tuple[str, str]
) -> None:
    cw = factory.cloudwatch()
    name = f"quiet-{keys.tenant}"
    _alarm(
        cw,
        name,
        f"ep-{keys.tenant}",
        queue[0],
        MetricName="Invocations",
        ComparisonOperator="LessThanThreshold",
        TreatMissingData="breaching",
    )
    assert _state(cw, name) == "ALARM"


def test_an_email_subscription_is_pending_confirmation(
    factory: ClientFactory, queue: tuple[str, str]
) -> None:
    """AWS Subscribe: "an ARN value of 'pending confirmation' for subscriptions that are
    not yet confirmed" (email and HTTP/S subscribers confirm first)."""
    answer = factory.client("sns").subscribe(
        TopicArn=queue[0], Protocol="email", Endpoint="oncall@example.com"
    )
    assert answer["SubscriptionArn"] == "pending confirmation"
