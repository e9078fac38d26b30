from enum import StrEnum

class ListEndpointsView(StrEnum):
    OVERVIEW = "overview"
    SUMMARY = "summary"

    def __str__(self) -> str:
        return str(self.value)
