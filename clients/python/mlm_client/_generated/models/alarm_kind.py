from enum import StrEnum

class AlarmKind(StrEnum):
    ERROR_RATE_5XX = "error_rate_5xx"
    GPU_MEMORY_UTILIZATION = "gpu_memory_utilization"
    LATENCY_P99_MS = "latency_p99_ms"
    NO_TRAFFIC = "no_traffic"

    def __str__(self) -> str:
        return str(self.value)
