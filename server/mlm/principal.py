"""Who is calling: the tenant and role behind an API key or a bearer token."""

from __future__ import annotations

from dataclasses import dataclass, field

from mlm.aws.api_keys import KeyLimits
from mlm.errors import Forbidden
from mlm.settings import Role


@dataclass(frozen=True)
class Principal:
    tenant: str
    role: Role
    key_name: str
    # How the caller proved it: "api_key" (settings or data) or "oidc" (a bearer token).
    auth: str = "api_key"
    # The key's own rate limits (data keys only; None fields are the server's defaults).
    limits: KeyLimits = field(default_factory=KeyLimits)

    def require(self, needed: Role) -> None:
        if not self.role.allows(needed):
            raise Forbidden(
                code="ROLE_TOO_WEAK",
                detail=f"This operation needs the '{needed.value}' role; "
                f"the {'token' if self.auth == 'oidc' else 'API key'} has '{self.role.value}'.",
            )

    @property
    def actor(self) -> str:
        """How the service records who did something (key label within the tenant)."""
        return f"{self.tenant}/{self.key_name}"
