"""Access: API keys kept as data, and OIDC bearer tokens."""

from mlm.services.access.keys import ApiKeyService, Denial, KeyPatch, NewKey
from mlm.services.access.tokens import TokenVerifier

__all__ = ["ApiKeyService", "Denial", "KeyPatch", "NewKey", "TokenVerifier"]
