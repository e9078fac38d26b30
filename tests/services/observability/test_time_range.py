"""Time ranges of metric reads: defaults and CloudWatch's limits (no AWS involved)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mlm.errors import BadRequest
from mlm.services.observability.time_range import (
    check_read_size,
    parse_time,
    time_range,
)

NOW = datetime(2026, 3, 1, 12, 0, 30, tzinfo=UTC)


def code_of(call: object) -> str:
    assert callable(call)
    with pytest.raises(BadRequest) as error:
        call()
    return error.value.code


def test_defaults_are_the_last_hour_at_60_seconds() -> None:
    time = time_range(None, None, None, NOW)
    assert (time.end, time.period) == (NOW, 60)
    assert time.start == datetime(2026, 3, 1, 11, 0, 0, tzinfo=UTC)  # aligned to a minute


def test_a_range_of_more_than_1440_points_is_refused_with_the_period_that_fits() -> None:
    end = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)
    with pytest.raises(BadRequest) as error:
        time_range(end - timedelta(days=2), end, 60, NOW)
    assert error.value.code == "TIME_RANGE_TOO_WIDE"
    assert "at most 1440" in error.value.detail
    assert "at least 120 s" in error.value.detail


def test_exactly_1440_points_are_allowed() -> None:
    end = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)
    assert time_range(end - timedelta(days=1), end, 60, NOW).points == 1440


def test_a_period_must_be_10_30_or_a_multiple_of_60() -> None:
    assert code_of(lambda: time_range(None, None, 45, NOW)) == "INVALID_PERIOD"
    assert time_range(None, None, 300, NOW).period == 300


def test_start_must_be_before_end() -> None:
    assert code_of(lambda: time_range(NOW, NOW, 60, NOW)) == "INVALID_TIME_RANGE"


def test_a_start_in_the_future_is_refused() -> None:
    later = NOW + timedelta(hours=1)
    assert code_of(lambda: time_range(later, later + timedelta(hours=1), 60, NOW)) == (
        "INVALID_TIME_RANGE"
    )


def test_a_start_older_than_cloudwatch_keeps_is_refused() -> None:
    old = NOW - timedelta(days=500)
    assert code_of(lambda: time_range(old, old + timedelta(hours=1), 60, NOW)) == (
        "INVALID_TIME_RANGE"
    )


def test_too_many_series_for_one_read_are_refused() -> None:
    end = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)
    time = time_range(None, end, 60, NOW)  # 60 points per series
    check_read_size(time, 1680)  # 100,800 points: one read
    assert code_of(lambda: check_read_size(time, 1681)) == "TOO_MANY_DATAPOINTS"


def test_times_without_offset_are_utc_and_offsets_are_converted() -> None:
    assert parse_time("2026-03-01T12:00:00", "t") == datetime(2026, 3, 1, 12, tzinfo=UTC)
    assert parse_time("2026-03-01T14:00:00+02:00", "t") == datetime(2026, 3, 1, 12, tzinfo=UTC)


def test_an_unreadable_time_is_a_400() -> None:
    assert code_of(lambda: parse_time("yesterday", "start_time")) == "INVALID_TIME"
