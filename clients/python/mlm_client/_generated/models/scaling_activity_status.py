from enum import StrEnum

class ScalingActivityStatus(StrEnum):
    FAILED = "failed"
    IN_PROGRESS = "in_progress"
    OVERRIDDEN = "overridden"
    PENDING = "pending"
    SUCCESSFUL = "successful"
    UNFULFILLED = "unfulfilled"

    def __str__(self) -> str:
        return str(self.value)
