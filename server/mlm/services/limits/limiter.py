"""Who may send a request now: per key (all requests, and a stricter bucket for changes),
per tenant (all its keys together), per UTC day for both.

Cost: one conditional DynamoDB ``UpdateItem`` per subject in the steady state, so two per
request (key and tenant); a request whose bucket state changed since this replica last saw
it pays one more. Health and the docs are not limited (they need no key).

When DynamoDB cannot be reached the request is let through and the failure logged at
ERROR: the limits protect the service from a runaway client, and refusing every request
while the table is unreachable would turn a DynamoDB hiccup into an outage of the API
(AWS's own throttling still protects SageMaker). Authentication never fails open.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from mlm.aws.rate_limits import Bucket, RateLimitTable
from mlm.errors import ApiError, TooManyRequests
from mlm.principal import Principal
from mlm.services.access.views import effective_limits
from mlm.services.fan_out import parallel
from mlm.settings import Settings

log = logging.getLogger("mlm.limits")
_WORDS = {
    "rate": "requests per second",
    "writes": "changes per second",
    "day": "requests per day",
}


class RateLimiter:
    def __init__(
        self, table: RateLimitTable, settings: Settings, clock: Callable[[], float] = time.time
    ) -> None:
        self._table = table
        self._settings = settings
        self._clock = clock

    def admit(self, principal: Principal, changes: bool) -> dict[str, str]:
        """The RateLimit-* headers for the answer; ``TooManyRequests`` (with them and
        ``Retry-After``) when a limit is spent. ``changes``: a mutating request."""
        now = self._clock()
        day = datetime.fromtimestamp(now, tz=UTC).date()
        day_ends = datetime.combine(day + timedelta(days=1), datetime.min.time(), UTC).timestamp()
        subjects = self._subjects(principal, changes)
        try:
            # Key and tenant side by side: one round trip, not two, before every request
            # (a request one bucket refuses still spends a token of the other).
            taken = parallel(
                lambda s: self._table.take(
                    f"{s[0]}#{day.isoformat()}", s[1], s[2], now, day_ends, self._clock
                ),
                subjects,
            )
            outcomes = [
                (subject.split("#")[0], outcome)
                for (subject, _, _), outcome in zip(subjects, taken, strict=True)
            ]
        except ApiError as error:
            log.error("rate limits not checked (request let through): %s", error)
            return {}
        if not outcomes:
            return {}
        refused = [(who, o) for who, o in outcomes if not o.allowed]
        who, tightest = refused[0] if refused else min(outcomes, key=lambda p: p[1].remaining)
        headers = {
            "RateLimit-Limit": str(tightest.limit),
            "RateLimit-Remaining": str(tightest.remaining),
            "RateLimit-Reset": str(max(0, math.ceil(tightest.reset_seconds))),
        }
        if refused:
            wait = max(1, math.ceil(tightest.retry_after_seconds))
            whose = "this API key's" if who == "key" else "the tenant's"
            raise TooManyRequests(
                code="RATE_LIMITED" if tightest.exceeded != "day" else "QUOTA_EXCEEDED",
                detail=f"Over {whose} limit of {tightest.limit} "
                f"{_WORDS[tightest.exceeded or 'rate']}; retry in {wait} s.",
                headers=headers | {"Retry-After": str(wait)},
            )
        return headers

    def _subjects(
        self, principal: Principal, changes: bool
    ) -> list[tuple[str, list[Bucket], int | None]]:
        s = self._settings
        own = effective_limits(principal.limits, s)
        key_buckets = _buckets("tat", own["per_second"], own["burst"])
        if changes:
            key_buckets += _buckets("wtat", own["writes_per_second"], own["writes_burst"])
        subjects = [
            (f"key#{principal.tenant}#{principal.key_name}", key_buckets, own["per_day"] or None),
            (
                f"tenant#{principal.tenant}",
                _buckets("tat", s.rate_limit_tenant_per_second, s.rate_limit_tenant_burst),
                s.rate_limit_tenant_per_day or None,
            ),
        ]
        return [(subject, b, day) for subject, b, day in subjects if b or day]


def _buckets(attribute: str, per_second: float, burst: int) -> list[Bucket]:
    if per_second <= 0:
        return []
    return [Bucket(attribute, 1.0 / per_second, max(1, int(burst)))]
