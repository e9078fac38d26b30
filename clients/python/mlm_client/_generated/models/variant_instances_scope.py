from enum import StrEnum

class VariantInstancesScope(StrEnum):
    INSTANCE = "instance"
    VARIANT = "variant"

    def __str__(self) -> str:
        return str(self.value)
