from enum import StrEnum

class VariantStatus(StrEnum):
    ACTIVATING_TRAFFIC = "activating_traffic"
    BAKING = "baking"
    CREATING = "creating"
    DELETING = "deleting"
    IN_SERVICE = "in_service"
    UPDATING = "updating"

    def __str__(self) -> str:
        return str(self.value)
