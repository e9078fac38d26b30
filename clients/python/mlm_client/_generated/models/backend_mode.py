from enum import StrEnum

class BackendMode(StrEnum):
    AWS = "aws"
    EMULATOR = "emulator"

    def __str__(self) -> str:
        return str(self.value)
