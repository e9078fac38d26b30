"""The time range of a metrics read: defaults, and the limits CloudWatch itself sets.

One GetMetricData call returns at most 100,800 datapoints, and a dashboard series of more
than 1440 points (a day of minutes) is no longer readable; a range that needs more is a
400 that says how to ask instead. Periods are CloudWatch's: 10 or 30 s (high resolution),
or a multiple of 60 s.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from mlm.errors import BadRequest

DEFAULT_RANGE = timedelta(hours=1)
DEFAULT_PERIOD_SECONDS = 60
MAX_POINTS_PER_SERIES = 1440
MAX_POINTS_PER_READ = 100_800  # what one GetMetricData call returns
# CloudWatch keeps 1-minute data 15 days and hourly data 455 days; nothing is older.
RETENTION = timedelta(days=455)
HIGH_RESOLUTION_PERIODS = (10, 30)


@dataclass(frozen=True)
class TimeRange:
    start: datetime
    end: datetime
    period: int

    @property
    def points(self) -> int:
        """Datapoints one series can have over this range."""
        return math.ceil((self.end - self.start).total_seconds() / self.period)


def parse_time(value: str | datetime | None, field: str) -> datetime | None:
    """An RFC 3339 time (a time without offset is taken as UTC); 400 when unreadable."""
    if value is None or isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(value.strip().replace("z", "Z"))
        except ValueError as error:
            raise BadRequest(
                code="INVALID_TIME",
                detail=f"{field} is not an RFC 3339 time (e.g. 2026-01-31T12:00:00Z).",
            ) from error
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError as error:  # an offset that pushes it past year 1 or 9999
        raise BadRequest(code="INVALID_TIME", detail=f"{field} is out of range.") from error


def time_range(
    start: datetime | None, end: datetime | None, period: int | None, now: datetime
) -> TimeRange:
    """The range to read: defaults (the last hour, 60 s) filled in, limits checked."""
    period = DEFAULT_PERIOD_SECONDS if period is None else period
    if period <= 0 or (period not in HIGH_RESOLUTION_PERIODS and period % 60 != 0):
        raise BadRequest(
            code="INVALID_PERIOD",
            detail="period must be 10 or 30 seconds, or a multiple of 60 seconds.",
        )
    end = end or now
    if start is None:
        try:
            start = end - DEFAULT_RANGE
        except OverflowError as error:
            raise BadRequest(
                code="INVALID_TIME_RANGE", detail="end_time is out of range."
            ) from error
    if start >= end:
        raise BadRequest(code="INVALID_TIME_RANGE", detail="start_time must be before end_time.")
    if start > now:
        raise BadRequest(
            code="INVALID_TIME_RANGE",
            detail="start_time is in the future: there can be no datapoints yet.",
        )
    if now - start > RETENTION:
        raise BadRequest(
            code="INVALID_TIME_RANGE",
            detail=f"start_time is older than CloudWatch keeps metrics ({RETENTION.days} days).",
        )
    # Buckets start on whole periods, as CloudWatch aligns them.
    epoch = datetime(1970, 1, 1, tzinfo=UTC)
    offset = (start - epoch).total_seconds() % period
    aligned = TimeRange(start - timedelta(seconds=offset), end, period)
    if aligned.points > MAX_POINTS_PER_SERIES:
        raise BadRequest(
            code="TIME_RANGE_TOO_WIDE",
            detail=f"This range at a {period} s period needs {aligned.points} points per "
            f"series; at most {MAX_POINTS_PER_SERIES} are returned. Use a longer period "
            f"(at least {_period_for(aligned)} s) or a shorter range.",
        )
    return aligned


def check_read_size(time: TimeRange, series: int) -> None:
    """400 when ``series`` series over ``time`` exceed what one GetMetricData returns."""
    if series * time.points > MAX_POINTS_PER_READ:
        raise BadRequest(
            code="TOO_MANY_DATAPOINTS",
            detail=f"{series} series x {time.points} points is more than the "
            f"{MAX_POINTS_PER_READ} datapoints one CloudWatch read returns; ask for fewer "
            "metrics, a longer period or a shorter range.",
        )


def _period_for(time: TimeRange) -> int:
    """The smallest valid period that fits the range in MAX_POINTS_PER_SERIES points."""
    needed = (time.end - time.start).total_seconds() / MAX_POINTS_PER_SERIES
    return max(60, math.ceil(needed / 60) * 60)
