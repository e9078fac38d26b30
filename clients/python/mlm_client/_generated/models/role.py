from enum import StrEnum

class Role(StrEnum):
    ADMIN = "admin"
    INVOKER = "invoker"
    OPERATOR = "operator"
    PUBLISHER = "publisher"
    VIEWER = "viewer"

    def __str__(self) -> str:
        return str(self.value)
