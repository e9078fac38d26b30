from enum import StrEnum

class VariantAutoscalingInputMetric(StrEnum):
    CONCURRENT_REQUESTS_PER_MODEL = "concurrent_requests_per_model"
    GPU_UTILIZATION = "gpu_utilization"
    INVOCATIONS_PER_INSTANCE = "invocations_per_instance"

    def __str__(self) -> str:
        return str(self.value)
