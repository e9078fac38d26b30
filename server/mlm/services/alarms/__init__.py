"""Per-endpoint alarms (CloudWatch) and their notifications (an SNS topic per endpoint),
and the alarms guarded rollouts watch."""

from mlm.services.alarms.rollback import RollbackAlarms
from mlm.services.alarms.service import AlarmService

__all__ = ["AlarmService", "RollbackAlarms"]
