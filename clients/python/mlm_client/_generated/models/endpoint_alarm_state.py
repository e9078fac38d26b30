from enum import StrEnum

class EndpointAlarmState(StrEnum):
    ALARM = "alarm"
    INSUFFICIENT_DATA = "insufficient_data"
    OK = "ok"

    def __str__(self) -> str:
        return str(self.value)
