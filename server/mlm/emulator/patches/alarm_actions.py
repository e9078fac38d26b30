"""CloudWatch alarms that act: evaluated when read, notifying their SNS topics on a change.

CloudWatch evaluates every metric alarm each period and, when its state changes, sends a
notification to the SNS topics in AlarmActions (into ALARM), OKActions (into OK) or
InsufficientDataActions, if ActionsEnabled (AWS: "Using Amazon CloudWatch alarms",
"Alarm actions"; the message is JSON with AlarmName, NewStateValue, NewStateReason,
OldStateValue, StateChangeTime, Region, AWSAccountId). moto 5.2.5 stores alarms and
never evaluates them. Statuses here are computed when read (like endpoints'), so
DescribeAlarms evaluates the alarms it is about to answer with (``alarms.evaluate``, the
rollouts' evaluator) and publishes what changed, through moto's SNS (which delivers to
SQS, HTTP and email subscriptions as moto does).
"""

from __future__ import annotations

import json
from typing import Any

from moto.cloudwatch.responses import CloudWatchResponse
from moto.sns.models import sns_backends

from mlm.emulator.patches import alarms, clock

_ORIGINAL_DESCRIBE = CloudWatchResponse.describe_alarms
_ACTIONS = {"ALARM": "alarm_actions", "OK": "ok_actions"}


def _selected(self: CloudWatchResponse) -> list[Any]:
    backend = self.cloudwatch_backend
    prefix = self._get_param("AlarmNamePrefix")
    names = self._get_param("AlarmNames", [])
    if prefix:
        return list(backend.get_alarms_by_alarm_name_prefix(prefix))
    if names:
        return list(backend.get_alarms_by_alarm_names(names))
    return list(backend.describe_alarms())


def evaluate_and_notify(account: str, region: str, alarm: Any) -> None:
    """Evaluate one metric alarm; on a state change, notify its actions' SNS topics."""
    before = alarm.state_value
    after = alarms.evaluate(account, region, alarm.name)
    if after is None or after == before or not alarm.actions_enabled:
        return
    message = {
        "AlarmName": alarm.name,
        "AlarmDescription": alarm.description,
        "AWSAccountId": account,
        "NewStateValue": after,
        "NewStateReason": alarm.state_reason,
        "StateChangeTime": clock.now().strftime("%Y-%m-%dT%H:%M:%S.000+0000"),
        "Region": region,
        "AlarmArn": alarm.alarm_arn,
        "OldStateValue": before,
    }
    topics = sns_backends[account][region].topics
    for arn in getattr(alarm, _ACTIONS.get(after, "insufficient_data_actions"), None) or []:
        topic = topics.get(arn)
        if topic is not None:
            subject = f'{after}: "{alarm.name}" in {region}'
            topic.publish(json.dumps(message), subject=subject[:100])


def describe_alarms(self: CloudWatchResponse) -> Any:
    account, region = self.current_account, self.region
    for alarm in _selected(self):
        if alarm.rule is None:  # metric alarms; composite ones follow their children
            evaluate_and_notify(account, region, alarm)
    return _ORIGINAL_DESCRIBE(self)


def install() -> None:
    setattr(CloudWatchResponse, "describe_alarms", describe_alarms)  # noqa: B010
