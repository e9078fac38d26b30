"""Recording audited requests and reading a tenant's trail back.

Recorded: every mutating request (POST, PATCH, PUT, DELETE; an invocation changes nothing
and is not, unless refused) and every refused one (401, 403, 429) whose tenant is known:
the time, key name, tenant, role, operationId, the path (the target), the status, the
request id and the AWS request ids of the calls it made. Never a header or a body: the
only secrets a request carries are there.

A 401 for a credential nobody issued has no tenant to file it under; it goes to the
access log only (writing it would let anyone without a key make the service write to
DynamoDB at will). A refused key that is known (revoked, expired) is filed under its tenant.

Failing open: the request has already been answered when its record is written (the change
happened in AWS), so a failed write cannot undo it; failing the answer would only make the
client retry a change that is done. The record is logged at ERROR, whole, so the log keeps
what the table missed.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from mlm.aws.audit_log import AuditLog, AuditQuery, AuditRecord
from mlm.errors import BadRequest
from mlm.pagination import Page, PageTokens

log = logging.getLogger("mlm.audit")
MUTATING = {"POST", "PATCH", "PUT", "DELETE"}
READ_ONLY_POSTS = {"invoke_endpoint"}
DENIED = {401, 403, 429}
_EARLIEST = "0000"
_LATEST = "9999"


@dataclass(frozen=True)
class AuditEvent:
    request_id: str
    method: str
    target: str
    status: int
    tenant: str | None
    operation_id: str | None = None
    key_name: str | None = None
    role: str | None = None
    auth: str | None = None
    reason: str | None = None
    aws_request_ids: list[str] = field(default_factory=list)

    @property
    def audited(self) -> bool:
        if self.status in DENIED:
            return True
        return self.method in MUTATING and self.operation_id not in READ_ONLY_POSTS


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(value: str, name: str) -> str:
    """An RFC 3339 time as the sort key's prefix (UTC, microseconds); 400 when it is not."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise BadRequest(
            code="INVALID_TIME",
            detail=f"{name} is not an RFC 3339 time (e.g. 2026-12-02T04:00:00Z).",
        ) from exc
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return _iso(moment)


class AuditTrail:
    def __init__(
        self,
        audit_log: AuditLog,
        page_tokens: PageTokens,
        retention_days: int,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._log = audit_log
        self._tokens = page_tokens
        self._retention_seconds = retention_days * 86400
        self._clock = clock

    def record(self, event: AuditEvent) -> None:
        """Write one event; never raises (see the module's note on failing open)."""
        if not event.audited:
            return
        if event.tenant is None:
            log.warning("refused request without a known tenant: %s", json.dumps(asdict(event)))
            return
        now = self._clock()
        moment = _iso(datetime.fromtimestamp(now, tz=UTC))
        record = AuditRecord(
            tenant=event.tenant,
            sort_key=f"{moment}#{event.request_id}",
            time=moment,
            request_id=event.request_id,
            method=event.method,
            target=event.target,
            status=event.status,
            operation_id=event.operation_id,
            key_name=event.key_name,
            role=event.role,
            auth=event.auth,
            reason=event.reason,
            aws_request_ids=list(event.aws_request_ids),
        )
        try:
            self._log.write(record, int(now) + self._retention_seconds)
        except Exception as error:  # failing open, loudly (an ApiError or anything else)
            log.error(
                "AUDIT RECORD NOT STORED (%s): %s", error, json.dumps(asdict(record)), exc_info=True
            )

    def events(
        self,
        query: AuditQuery,
        page_size: int,
        page_token: str | None,
    ) -> Page[dict[str, Any]]:
        fingerprint: dict[str, object] = {"audit": asdict(query)}
        after = None if page_token is None else self._tokens.decode(page_token, fingerprint)
        found = self._log.read(query, after, page_size + 1)
        page = found.records[:page_size]
        if len(found.records) > page_size:
            resume: str | None = page[-1].sort_key
        else:  # a short page when the read stopped early: go on from where it stopped
            resume = found.resume_after
        token = None if resume is None else self._tokens.encode(resume, fingerprint)
        return Page([_to_api(r) for r in page], token)


def query_of(
    tenant: str,
    since: str | None,
    until: str | None,
    key_name: str | None,
    operation_id: str | None,
    target: str | None,
) -> AuditQuery:
    low = _EARLIEST if since is None else parse_time(since, "since")
    # "until" is inclusive to the microsecond: every request id sorts after "#".
    high = _LATEST if until is None else parse_time(until, "until") + "#~"
    if low > high:
        raise BadRequest(code="INVALID_TIME_RANGE", detail="since is after until.")
    return AuditQuery(tenant, low, high, key_name, operation_id, target)


def _to_api(record: AuditRecord) -> dict[str, Any]:
    out: dict[str, Any] = {
        "time": record.time,
        "tenant": record.tenant,
        "request_id": record.request_id,
        "method": record.method,
        "target": record.target,
        "status": record.status,
        "aws_request_ids": record.aws_request_ids,
    }
    for name in ("operation_id", "key_name", "role", "auth", "reason"):
        value = getattr(record, name)
        if value:
            out[name] = value
    return out
