from enum import StrEnum

class MetricStatistic(StrEnum):
    AVERAGE = "average"
    MAXIMUM = "maximum"
    MINIMUM = "minimum"
    SAMPLE_COUNT = "sample_count"
    SUM = "sum"

    def __str__(self) -> str:
        return str(self.value)
