"""API-key authentication (referenced from the spec's security scheme)."""

from __future__ import annotations

from typing import Any

from mlm import request_log
from mlm.container import Container
from mlm.principal import Principal
from mlm.settings import hash_api_key


def api_key_info(
    api_key: str, required_scopes: Any = None, request: Any = None
) -> dict[str, Any] | None:
    """Map a key to its principal; None makes connexion answer 401."""
    if request is None:
        return None
    container: Container = request.scope["mlm.container"]
    entry = container.settings.keys_by_hash.get(hash_api_key(api_key))
    if entry is None:
        return None
    principal = Principal(tenant=entry.tenant, role=entry.role, key_name=entry.name)
    request_log.note("tenant", entry.tenant)
    return {"sub": entry.name, "principal": principal}
