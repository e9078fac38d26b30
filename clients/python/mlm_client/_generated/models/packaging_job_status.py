from enum import StrEnum

class PackagingJobStatus(StrEnum):
    CANCELLED = "cancelled"
    FAILED = "failed"
    PENDING = "pending"
    RUNNABLE = "runnable"
    RUNNING = "running"
    STARTING = "starting"
    SUBMITTED = "submitted"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)
