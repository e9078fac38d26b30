from enum import StrEnum

class PackagingTargetFormat(StrEnum):
    S3_PREFIX = "s3_prefix"
    TAR_GZ = "tar_gz"

    def __str__(self) -> str:
        return str(self.value)
