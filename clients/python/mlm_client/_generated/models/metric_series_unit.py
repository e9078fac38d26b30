from enum import StrEnum

class MetricSeriesUnit(StrEnum):
    COUNT = "count"
    MILLISECONDS = "milliseconds"
    PERCENT = "percent"

    def __str__(self) -> str:
        return str(self.value)
