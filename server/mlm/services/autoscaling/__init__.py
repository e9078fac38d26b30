"""An endpoint's autoscaling: Application Auto Scaling targets, policies and schedules."""

from mlm.services.autoscaling.service import AutoscalingService

__all__ = ["AutoscalingService"]
