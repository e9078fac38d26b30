"""Per-endpoint alarms (CloudWatch) and their notifications (an SNS topic per endpoint)."""

from mlm.services.alarms.service import AlarmService

__all__ = ["AlarmService"]
