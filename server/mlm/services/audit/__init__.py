"""The audit trail: who changed what, and every refused request."""

from mlm.services.audit.trail import AuditEvent, AuditTrail

__all__ = ["AuditEvent", "AuditTrail"]
