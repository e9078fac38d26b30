from enum import StrEnum

class EndpointStatus(StrEnum):
    CREATING = "creating"
    DELETING = "deleting"
    FAILED = "failed"
    IN_SERVICE = "in_service"
    OUT_OF_SERVICE = "out_of_service"
    ROLLING_BACK = "rolling_back"
    SYSTEM_UPDATING = "system_updating"
    UPDATE_ROLLBACK_FAILED = "update_rollback_failed"
    UPDATING = "updating"

    def __str__(self) -> str:
        return str(self.value)
