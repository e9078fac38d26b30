"""One change at a time per resource: every mutating operation holds a lease on it.

``ResourceLocks.hold(tenant, "endpoint", name)`` takes the lease (or answers 409 with
``Retry-After`` when another request of any replica holds it) and always gives it back.
A lease outlives a dead holder only by ``lease_seconds``. Fencing: before its
irreversible AWS write (the commit point) an operation calls ``Held.confirm()``, which
renews the lease only if it is still this request's, so a request that stalled past its
lease and was overtaken stops before it writes.
"""

from __future__ import annotations

import logging
import math
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from mlm.aws.leases import Holder, Lease, LeaseTable
from mlm.errors import ApiError, Conflict

log = logging.getLogger("mlm.locking")
_WAIT_STEP_SECONDS = 0.1


@dataclass
class Held:
    """A lease this request holds."""

    _table: LeaseTable
    lease: Lease
    _seconds: float
    _what: str

    def confirm(self) -> None:
        """Still ours (and renewed)? Otherwise 409: another request has taken over."""
        renewed = self._table.renew(self.lease, self._seconds)
        if renewed is None:
            raise Conflict(
                code="CHANGE_INTERRUPTED",
                detail=f"This change to {self._what} took too long and another request took "
                "over; nothing more was changed by this one. Read it and retry if needed.",
                headers={"Retry-After": "1"},
            )
        self.lease = renewed


class ResourceLocks:
    def __init__(
        self,
        table: LeaseTable,
        lease_seconds: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._table = table
        self._seconds = lease_seconds
        self._clock = clock

    @contextmanager
    def hold(self, tenant: str, kind: str, name: str, wait_seconds: float = 0.0) -> Iterator[Held]:
        """``wait_seconds``: how long to wait for a holder to finish (changes that take
        well under a second, such as registering a version, queue briefly instead of
        answering 409 at once)."""
        what = f"{kind} '{name}'"
        owner = secrets.token_hex(8)
        deadline = self._clock() + wait_seconds
        got = self._table.acquire(f"{tenant}/{kind}/{name}", owner, self._seconds)
        while isinstance(got, Holder) and self._clock() < deadline:
            time.sleep(_WAIT_STEP_SECONDS)
            got = self._table.acquire(f"{tenant}/{kind}/{name}", owner, self._seconds)
        if isinstance(got, Holder):
            wait = max(1, math.ceil(got.expires_at - self._clock()))
            raise Conflict(
                code="CHANGE_IN_PROGRESS",
                detail=f"Another change to {what} is in progress; retry when it is done "
                "(see Retry-After).",
                headers={"Retry-After": str(min(wait, math.ceil(self._seconds)))},
            )
        held = Held(self._table, got, self._seconds, what)
        try:
            yield held
        finally:
            self._release(held.lease, what)

    def _release(self, lease: Lease, what: str) -> None:
        # Twice: a lease left behind blocks the resource until it expires.
        for attempt in range(2):
            try:
                self._table.release(lease)
                return
            except ApiError as error:
                if attempt == 1:  # it expires by itself
                    log.warning("could not release the lease on %s: %s", what, error)
