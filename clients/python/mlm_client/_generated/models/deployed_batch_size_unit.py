from enum import StrEnum

class DeployedBatchSizeUnit(StrEnum):
    INSTANCES = "instances"
    PERCENT = "percent"

    def __str__(self) -> str:
        return str(self.value)
