from enum import StrEnum

class PackagingSourcePlatform(StrEnum):
    HUGGINGFACE = "huggingface"
    S3 = "s3"

    def __str__(self) -> str:
        return str(self.value)
