"""A long audit trail written straight to the table, for the tests of bounded reads."""

from __future__ import annotations

from mlm.aws.audit_log import AuditLog, AuditRecord

EVENTS = 450  # more than 4 DynamoDB pages of 100 items
EXPIRATION = 2_000_000_000


def write_trail(log: AuditLog, tenant: str) -> None:
    """EVENTS events a second apart, oldest first; only the oldest (``r0000``) is the
    ``ci`` key's, the rest ``admin``'s."""
    for i in range(EVENTS):
        log.write(_event(tenant, i, "ci" if i == 0 else "admin"), EXPIRATION)


def _event(tenant: str, i: int, key_name: str) -> AuditRecord:
    moment = f"2026-01-01T00:{i // 60:02d}:{i % 60:02d}.000000Z"
    return AuditRecord(
        tenant=tenant,
        sort_key=f"{moment}#r{i:04d}",
        time=moment,
        request_id=f"r{i:04d}",
        method="POST",
        target="/v1/models",
        status=201,
        key_name=key_name,
    )
