from enum import StrEnum

class LastDeploymentStrategy(StrEnum):
    ALL_AT_ONCE = "all_at_once"
    CANARY = "canary"
    LINEAR = "linear"
    ROLLING = "rolling"

    def __str__(self) -> str:
        return str(self.value)
