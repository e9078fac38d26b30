from enum import StrEnum

class MetricName(StrEnum):
    CPU_UTILIZATION = "cpu_utilization"
    GPU_MEMORY_UTILIZATION = "gpu_memory_utilization"
    GPU_UTILIZATION = "gpu_utilization"
    INVOCATIONS = "invocations"
    INVOCATION_ERRORS_4XX = "invocation_errors_4xx"
    INVOCATION_ERRORS_5XX = "invocation_errors_5xx"
    INVOCATION_ERROR_RATE_4XX = "invocation_error_rate_4xx"
    INVOCATION_ERROR_RATE_5XX = "invocation_error_rate_5xx"
    IN_FLIGHT_REQUESTS = "in_flight_requests"
    MEMORY_UTILIZATION = "memory_utilization"
    MODEL_LATENCY_MS = "model_latency_ms"
    MODEL_LATENCY_P99_MS = "model_latency_p99_ms"
    OVERHEAD_LATENCY_MS = "overhead_latency_ms"

    def __str__(self) -> str:
        return str(self.value)
