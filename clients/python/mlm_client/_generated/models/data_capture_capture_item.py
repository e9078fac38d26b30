from enum import StrEnum

class DataCaptureCaptureItem(StrEnum):
    INPUT = "input"
    OUTPUT = "output"

    def __str__(self) -> str:
        return str(self.value)
