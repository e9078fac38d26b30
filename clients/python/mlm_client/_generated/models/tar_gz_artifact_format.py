from enum import StrEnum

class TarGzArtifactFormat(StrEnum):
    TAR_GZ = "tar_gz"

    def __str__(self) -> str:
        return str(self.value)
