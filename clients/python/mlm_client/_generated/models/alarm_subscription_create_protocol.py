from enum import StrEnum

class AlarmSubscriptionCreateProtocol(StrEnum):
    EMAIL = "email"
    HTTPS = "https"

    def __str__(self) -> str:
        return str(self.value)
