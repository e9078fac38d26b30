from enum import StrEnum

class VariantAutoscalingState(StrEnum):
    ACTIVE = "active"
    SET_ASIDE_FOR_UPDATE = "set_aside_for_update"

    def __str__(self) -> str:
        return str(self.value)
