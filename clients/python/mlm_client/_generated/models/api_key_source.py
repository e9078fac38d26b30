from enum import StrEnum

class ApiKeySource(StrEnum):
    DATA = "data"
    SETTINGS = "settings"

    def __str__(self) -> str:
        return str(self.value)
