from enum import StrEnum

class HuggingFacePackagingSourcePlatform(StrEnum):
    HUGGINGFACE = "huggingface"

    def __str__(self) -> str:
        return str(self.value)
