"""What endpoints' containers and packaging jobs printed, read from CloudWatch Logs."""

from mlm.services.logs.service import LogService

__all__ = ["LogService"]
