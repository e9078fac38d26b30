from enum import StrEnum

class MetricStatistic(StrEnum):
    AVERAGE = "average"
    MAXIMUM = "maximum"
    MINIMUM = "minimum"
    P50 = "p50"
    P90 = "p90"
    P99 = "p99"
    SAMPLE_COUNT = "sample_count"
    SUM = "sum"

    def __str__(self) -> str:
        return str(self.value)
