from enum import StrEnum

class S3PrefixArtifactFormat(StrEnum):
    S3_PREFIX = "s3_prefix"

    def __str__(self) -> str:
        return str(self.value)
