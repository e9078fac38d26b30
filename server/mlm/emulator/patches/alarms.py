"""CloudWatch alarms evaluated from the emulator's metrics (moto 5.2.5 stores alarms only).

``evaluate(account, region, name)`` does what CloudWatch does each period: it reads the
alarm's metric (a MetricName/Namespace/Dimensions alarm with a Statistic or an
ExtendedStatistic such as ``p99``, or a metric math alarm whose expression combines
MetricStat queries with + - * / and numbers) over its last EvaluationPeriods periods,
compares each period with the threshold, and sets the alarm's state: ALARM when at least
DatapointsToAlarm (default EvaluationPeriods) periods breach, else OK; a period without
data counts as TreatMissingData says (``missing``, the default, and ``notBreaching`` do not
breach; ``breaching`` does). StateReason says which periods breached, in AWS's words
("Threshold Crossed: 1 out of the last 1 datapoints [12.5 (…)] was greater than the
threshold (1.0)"). Periods last ``clock.metric_time(Period)``. Alarms are evaluated when read
(``alarm_actions``) and while a deployment that watches them is baking (``rollouts``).
"""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable
from datetime import datetime
from typing import Any

from moto.cloudwatch.models import MetricDatum, cloudwatch_backends

from mlm.emulator.patches import clock

_COMPARE: dict[str, tuple[Callable[[float, float], bool], str]] = {
    "GreaterThanThreshold": (operator.gt, "greater than"),
    "GreaterThanOrEqualToThreshold": (operator.ge, "greater than or equal to"),
    "LessThanThreshold": (operator.lt, "less than"),
    "LessThanOrEqualToThreshold": (operator.le, "less than or equal to"),
}
_ARITHMETIC: dict[type, Callable[[float, float], float]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: lambda a, b: a / b if b else math.nan,
}


def values_of(
    account: str,
    region: str,
    namespace: str | None,
    name: str | None,
    dimensions: set[tuple[str, str]],
    start: datetime,
    end: datetime,
) -> list[float]:
    backend = cloudwatch_backends[account][region]
    return [
        d.value
        for d in backend.metric_data
        if isinstance(d, MetricDatum)
        and d.namespace == namespace
        and d.name == name
        and start <= d.timestamp.replace(tzinfo=None) < end
        and {(x.name, x.value) for x in d.dimensions} == dimensions
    ]


def statistic(values: list[float], stat: str) -> float | None:
    """CloudWatch's statistics of one period's values (None: no data)."""
    if not values:
        return None
    if stat == "Sum":
        return sum(values)
    if stat == "Maximum":
        return max(values)
    if stat == "Minimum":
        return min(values)
    if stat == "SampleCount":
        return float(len(values))
    if stat.startswith("p"):
        ordered = sorted(values)
        rank = math.ceil(float(stat[1:]) / 100 * len(ordered))
        return ordered[max(rank, 1) - 1]
    return sum(values) / len(values)


def _expression(text: str, known: dict[str, float | None]) -> float | None:
    def walk(node: ast.AST) -> float | None:
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
            return float(node.value)
        if isinstance(node, ast.Name):
            return known.get(node.id)
        if isinstance(node, ast.BinOp) and type(node.op) in _ARITHMETIC:
            left, right = walk(node.left), walk(node.right)
            if left is None or right is None:
                return None
            value = _ARITHMETIC[type(node.op)](left, right)
            return None if math.isnan(value) else value
        raise ValueError(f"unsupported metric math: {text}")

    return walk(ast.parse(text, mode="eval"))


def _period_value(
    alarm: Any, account: str, region: str, start: datetime, end: datetime
) -> float | None:
    if not alarm.metric_data_queries:
        dims = {(d.name, d.value) for d in alarm.dimensions}
        values = values_of(account, region, alarm.namespace, alarm.metric_name, dims, start, end)
        return statistic(values, alarm.extended_statistic or alarm.statistic or "Average")
    known: dict[str, float | None] = {}
    result: float | None = None
    for query in alarm.metric_data_queries:  # MetricStat queries first, as CloudWatch needs
        stat = query.metric_stat
        if stat is not None:
            dims = {(d.name, d.value) for d in stat.metric.dimensions}
            values = values_of(
                account, region, stat.metric.namespace, stat.metric.metric_name, dims, start, end
            )
            # An idle metric's Sum is 0, so "5xx / invocations" of a quiet minute is no data.
            known[query.id] = statistic(values, stat.stat)
    for query in alarm.metric_data_queries:
        if query.expression:
            known[query.id] = _expression(query.expression, known)
        if str(query.return_data).lower() in ("true", "none", "") and query.id in known:
            result = known[query.id]
    return result


def _period_seconds(alarm: Any) -> float:
    if alarm.period:
        return float(alarm.period)
    periods = [
        float(q.metric_stat.period or q.period or 60)
        for q in alarm.metric_data_queries
        if q.metric_stat is not None
    ]
    return periods[0] if periods else 60.0


def evaluate(account: str, region: str, name: str, at: datetime | None = None) -> str | None:
    """Evaluate the alarm now (or as CloudWatch did ``at`` a moment that has passed) and
    set its state; its new state (None: no such alarm)."""
    backend = cloudwatch_backends[account][region]
    alarm = backend.alarms.get(name)
    if alarm is None:
        return None
    period = clock.metric_time(_period_seconds(alarm))
    now = clock.now() if at is None else at
    evaluations = int(alarm.evaluation_periods or 1)
    needed = int(alarm.datapoints_to_alarm or evaluations)
    compare, words = _COMPARE.get(alarm.comparison_operator, _COMPARE["GreaterThanThreshold"])
    threshold = float(alarm.threshold or 0)
    values = [
        _period_value(alarm, account, region, now - period * (i + 1), now - period * i)
        for i in range(evaluations)
    ]
    missing_breaches = alarm.treat_missing_data == "breaching"
    breached = [
        v
        for v in values
        if (v is None and missing_breaches) or (v is not None and compare(v, threshold))
    ]
    state = "ALARM" if len(breached) >= needed else "OK"
    shown = ", ".join(f"{v:g}" for v in values if v is not None) or "no data"
    reason = (
        f"Threshold Crossed: {len(breached)} out of the last {evaluations} datapoints "
        f"[{shown}] was {words} the threshold ({threshold:g})."
    )
    if state != alarm.state_value or reason != alarm.state_reason:
        alarm.update_state(reason, "{}", state)
    return state


def reason(account: str, region: str, name: str) -> str:
    alarm = cloudwatch_backends[account][region].alarms.get(name)
    return "" if alarm is None else str(alarm.state_reason)
