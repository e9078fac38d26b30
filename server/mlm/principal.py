"""Who is calling: the tenant and role behind an API key."""

from __future__ import annotations

from dataclasses import dataclass

from mlm.errors import Forbidden
from mlm.settings import Role


@dataclass(frozen=True)
class Principal:
    tenant: str
    role: Role
    key_name: str

    def require(self, needed: Role) -> None:
        if not self.role.allows(needed):
            raise Forbidden(
                code="ROLE_TOO_WEAK",
                detail=f"This operation needs the '{needed.value}' role; "
                f"the API key has '{self.role.value}'.",
            )

    @property
    def actor(self) -> str:
        """How the service records who did something (key label within the tenant)."""
        return f"{self.tenant}/{self.key_name}"
