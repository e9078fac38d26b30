from enum import StrEnum

class AuditEventAuth(StrEnum):
    API_KEY = "api_key"
    OIDC = "oidc"

    def __str__(self) -> str:
        return str(self.value)
