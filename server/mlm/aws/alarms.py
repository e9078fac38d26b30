"""CloudWatch metric alarms: the ones guarded rollouts watch (create, read states, delete).

Rollouts create alarms on an endpoint variant's AWS/SageMaker metrics; the inference work
may add other kinds here (one CloudWatch alarms adapter for the service).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mlm.aws.errors import aws_errors

if TYPE_CHECKING:
    from mypy_boto3_cloudwatch import CloudWatchClient

SAGEMAKER_NAMESPACE = "AWS/SageMaker"
_DESCRIBE_BATCH = 100  # DescribeAlarms takes at most 100 names


@dataclass(frozen=True)
class AlarmState:
    name: str
    state: str  # OK | ALARM | INSUFFICIENT_DATA
    reason: str


@dataclass(frozen=True)
class VariantMetric:
    """An endpoint variant's metric (dimensions EndpointName + VariantName)."""

    endpoint: str
    variant: str
    metric_name: str

    def metric(self) -> dict[str, Any]:
        return {
            "Namespace": SAGEMAKER_NAMESPACE,
            "MetricName": self.metric_name,
            "Dimensions": [
                {"Name": "EndpointName", "Value": self.endpoint},
                {"Name": "VariantName", "Value": self.variant},
            ],
        }


class CloudWatchAlarms:
    def __init__(self, client: CloudWatchClient) -> None:
        self._cw = client

    def put_threshold_alarm(
        self,
        name: str,
        description: str,
        metric: VariantMetric,
        statistic: str,
        threshold: float,
        period_seconds: int = 60,
    ) -> None:
        """Above ``threshold`` for one period (``statistic``: Sum, Average… or p99)."""
        stat: dict[str, Any] = (
            {"ExtendedStatistic": statistic}
            if statistic.startswith("p")
            else {"Statistic": statistic}
        )
        with aws_errors():
            self._cw.put_metric_alarm(
                AlarmName=name,
                AlarmDescription=description,
                EvaluationPeriods=1,
                DatapointsToAlarm=1,
                Period=period_seconds,
                Threshold=threshold,
                ComparisonOperator="GreaterThanThreshold",
                TreatMissingData="notBreaching",
                **metric.metric(),
                **stat,
            )

    def put_ratio_alarm(
        self,
        name: str,
        description: str,
        part: VariantMetric,
        whole: VariantMetric,
        threshold_percent: float,
        period_seconds: int = 60,
    ) -> None:
        """100 * Sum(part) / Sum(whole) above ``threshold_percent`` for one period."""

        def query(query_id: str, metric: VariantMetric) -> Any:
            return {
                "Id": query_id,
                "ReturnData": False,
                "MetricStat": {"Metric": metric.metric(), "Period": period_seconds, "Stat": "Sum"},
            }

        with aws_errors():
            self._cw.put_metric_alarm(
                AlarmName=name,
                AlarmDescription=description,
                EvaluationPeriods=1,
                DatapointsToAlarm=1,
                Threshold=threshold_percent,
                ComparisonOperator="GreaterThanThreshold",
                TreatMissingData="notBreaching",
                Metrics=[
                    query("part", part),
                    query("whole", whole),
                    {"Id": "percent", "Expression": "100 * part / whole", "ReturnData": True},
                ],
            )

    def states(self, names: Sequence[str]) -> dict[str, AlarmState]:
        """The named alarms that exist, by name."""
        found: dict[str, AlarmState] = {}
        for i in range(0, len(names), _DESCRIBE_BATCH):
            with aws_errors():
                out = self._cw.describe_alarms(
                    AlarmNames=list(names[i : i + _DESCRIBE_BATCH]), AlarmTypes=["MetricAlarm"]
                )
            for alarm in out.get("MetricAlarms", []):
                found[alarm["AlarmName"]] = AlarmState(
                    alarm["AlarmName"], alarm["StateValue"], alarm.get("StateReason", "")
                )
        return found

    def names_with_prefix(self, prefix: str) -> list[str]:
        names: list[str] = []
        with aws_errors():
            pages = self._cw.get_paginator("describe_alarms").paginate(AlarmNamePrefix=prefix)
            for page in pages:
                names += [a["AlarmName"] for a in page.get("MetricAlarms", [])]
        return names

    def delete(self, names: Sequence[str]) -> None:
        for i in range(0, len(names), _DESCRIBE_BATCH):
            with aws_errors():
                self._cw.delete_alarms(AlarmNames=list(names[i : i + _DESCRIBE_BATCH]))


# --- endpoint alarms with notifications (issue 14) ----------------------------------------


@dataclass(frozen=True)
class AlarmSpec:
    """One metric alarm on a variant: a plain statistic, or ``100 * part / whole``."""

    name: str
    description: str
    namespace: str
    metric_name: str
    dimensions: tuple[tuple[str, str], ...]
    statistic: str  # Sum, Average… or a percentile such as p99
    threshold: float
    comparison: str  # GreaterThanThreshold | LessThanThreshold
    evaluation_periods: int
    treat_missing_data: str  # notBreaching | breaching
    actions: tuple[str, ...]  # SNS topic ARNs, told of ALARM and of OK
    ratio_of: str | None = None  # the whole's metric name, for "percent of" alarms
    period_seconds: int = 60


@dataclass(frozen=True)
class AlarmRecord:
    name: str
    state: str
    reason: str
    threshold: float
    updated_at: Any  # datetime of the last state change
    actions: tuple[str, ...] = ()


class EndpointAlarmStore(CloudWatchAlarms):
    """The endpoint alarms' side of the adapter: any shape of variant alarm, with actions."""

    def __init__(self, client: CloudWatchClient) -> None:
        super().__init__(client)
        self._client = client

    def put(self, spec: AlarmSpec) -> None:
        _put_alarm(self._client, spec)

    def with_prefix(self, prefix: str) -> list[AlarmRecord]:
        return _alarms_with_prefix(self._client, prefix)


def _put_alarm(client: CloudWatchClient, spec: AlarmSpec) -> None:
    """PutMetricAlarm (creates or replaces the alarm of that name)."""
    dims = [{"Name": k, "Value": v} for k, v in spec.dimensions]
    args: dict[str, Any] = {
        "AlarmName": spec.name,
        "AlarmDescription": spec.description,
        "EvaluationPeriods": spec.evaluation_periods,
        "DatapointsToAlarm": spec.evaluation_periods,
        "Threshold": spec.threshold,
        "ComparisonOperator": spec.comparison,
        "TreatMissingData": spec.treat_missing_data,
        "ActionsEnabled": True,
        "AlarmActions": list(spec.actions),
        "OKActions": list(spec.actions),
    }
    if spec.ratio_of is None:
        stat: dict[str, Any] = (
            {"ExtendedStatistic": spec.statistic}
            if spec.statistic.startswith("p")
            else {"Statistic": spec.statistic}
        )
        args |= {
            "Namespace": spec.namespace,
            "MetricName": spec.metric_name,
            "Dimensions": dims,
            "Period": spec.period_seconds,
            **stat,
        }
    else:

        def query(query_id: str, metric_name: str) -> dict[str, Any]:
            metric = {"Namespace": spec.namespace, "MetricName": metric_name, "Dimensions": dims}
            return {
                "Id": query_id,
                "ReturnData": False,
                "MetricStat": {"Metric": metric, "Period": spec.period_seconds, "Stat": "Sum"},
            }

        args["Metrics"] = [
            query("part", spec.metric_name),
            query("whole", spec.ratio_of),
            {"Id": "percent", "Expression": "100 * part / whole", "ReturnData": True},
        ]
    with aws_errors():
        client.put_metric_alarm(**args)


def _alarms_with_prefix(client: CloudWatchClient, prefix: str) -> list[AlarmRecord]:
    """Every metric alarm whose name starts with ``prefix`` (one DescribeAlarms pass)."""
    found: list[AlarmRecord] = []
    with aws_errors():
        pages = client.get_paginator("describe_alarms").paginate(
            AlarmNamePrefix=prefix, AlarmTypes=["MetricAlarm"]
        )
        for page in pages:
            found += [
                AlarmRecord(
                    name=a["AlarmName"],
                    state=a["StateValue"],
                    reason=a.get("StateReason", ""),
                    threshold=float(a.get("Threshold", 0.0)),
                    updated_at=a.get("StateUpdatedTimestamp"),
                    actions=tuple(a.get("AlarmActions", [])),
                )
                for a in page.get("MetricAlarms", [])
            ]
    return found
