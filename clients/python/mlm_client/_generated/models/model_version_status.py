from enum import StrEnum

class ModelVersionStatus(StrEnum):
    COMPLETED = "completed"
    DELETING = "deleting"
    FAILED = "failed"
    IN_PROGRESS = "in_progress"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
