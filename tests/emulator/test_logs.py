"""CloudWatch Logs FilterLogEvents as AWS answers it (emulator patch ``logs.py``).

AWS docs, FilterLogEvents: ``logStreamNamePrefix`` "Filters the results to include only
events from log streams that have names starting with this prefix"; ``interleaved`` "is
ignored and the value is assumed to be true. The response from this operation always
interleaves events from multiple log streams within a log group"; "If you specify a value
for both logStreamNamePrefix and logStreamNames, the action returns an
InvalidParameterException error".
"""

from __future__ import annotations

import time
from typing import Any

import pytest
from botocore.exceptions import ClientError

from mlm.aws.clients import ClientFactory
from mlm.settings import Settings
from tests.conftest import Keys


@pytest.fixture
def logs(emulator_settings: Settings) -> Any:
    return ClientFactory(emulator_settings).client("logs")


# CloudWatch Logs refuses events older than 14 days: stamps are recent, in this order.
BASE_MS = int(time.time() * 1000) - 60_000


@pytest.fixture
def group(logs: Any, keys: Keys) -> str:
    name = f"/test/{keys.tenant}"
    logs.create_log_group(logGroupName=name)
    streams = {"a/1": [1000, 3000], "a/2": [2000], "b/1": [1500]}
    for stream, offsets in streams.items():
        stamps = [BASE_MS + offset for offset in offsets]
        logs.create_log_stream(logGroupName=name, logStreamName=stream)
        logs.put_log_events(
            logGroupName=name,
            logStreamName=stream,
            logEvents=[{"timestamp": t, "message": f"{stream}@{t}"} for t in stamps],
        )
    return name


def test_a_stream_name_prefix_limits_the_search_to_those_streams(logs: Any, group: str) -> None:
    events = logs.filter_log_events(logGroupName=group, logStreamNamePrefix="a/")["events"]
    assert {e["logStreamName"] for e in events} == {"a/1", "a/2"}


def test_a_prefix_no_stream_has_finds_nothing(logs: Any, group: str) -> None:
    assert logs.filter_log_events(logGroupName=group, logStreamNamePrefix="c/")["events"] == []


def test_events_of_several_streams_come_interleaved_oldest_first(logs: Any, group: str) -> None:
    events = logs.filter_log_events(logGroupName=group)["events"]
    assert [e["timestamp"] - BASE_MS for e in events] == [1000, 1500, 2000, 3000]


def test_both_stream_names_and_a_prefix_are_refused(logs: Any, group: str) -> None:
    with pytest.raises(ClientError) as raised:
        logs.filter_log_events(logGroupName=group, logStreamNames=["a/1"], logStreamNamePrefix="a/")
    assert raised.value.response["Error"]["Code"] == "InvalidParameterException"
