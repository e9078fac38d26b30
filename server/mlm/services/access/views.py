"""How an API key is shown: never its secret, never its hash."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from mlm.aws.api_keys import KeyLimits, StoredKey
from mlm.settings import ApiKeyEntry, Settings
from mlm.timestamps import rfc3339


def _time(epoch: float) -> str:
    return rfc3339(datetime.fromtimestamp(epoch, tz=UTC))


def effective_limits(own: KeyLimits, settings: Settings) -> dict[str, Any]:
    """The limits that apply to a key: its own, else the server's defaults (0 = off)."""
    s = settings
    return {
        "per_second": own.per_second if own.per_second is not None else s.rate_limit_key_per_second,
        "burst": own.burst if own.burst is not None else s.rate_limit_key_burst,
        "writes_per_second": own.writes_per_second
        if own.writes_per_second is not None
        else s.rate_limit_key_writes_per_second,
        "writes_burst": own.writes_burst
        if own.writes_burst is not None
        else s.rate_limit_key_writes_burst,
        "per_day": own.per_day if own.per_day is not None else s.rate_limit_key_per_day,
    }


@dataclass(frozen=True)
class KeyView:
    name: str
    tenant: str
    role: str
    source: str
    status: str
    limits: dict[str, Any]
    created_at: str | None = None
    created_by: str | None = None
    last_used_at: str | None = None
    expires_at: str | None = None

    @classmethod
    def of_stored(cls, key: StoredKey, settings: Settings, now: float) -> KeyView:
        return cls(
            name=key.name,
            tenant=key.tenant,
            role=key.role,
            source="data",
            status="active" if key.usable_at(now) else "expired",
            limits=effective_limits(key.limits, settings),
            created_at=_time(key.created_at),
            created_by=key.created_by,
            last_used_at=None if key.last_used_at is None else _time(key.last_used_at),
            expires_at=None if key.expires_at is None else _time(key.expires_at),
        )

    @classmethod
    def of_settings(cls, entry: ApiKeyEntry, settings: Settings) -> KeyView:
        return cls(
            name=entry.name,
            tenant=entry.tenant,
            role=entry.role.value,
            source="settings",
            status="active",
            limits=effective_limits(KeyLimits(), settings),
        )

    def to_api(self) -> dict[str, Any]:
        """Fields MLM does not know (a settings key's creation, a key never used) are
        left out rather than sent as null."""
        out: dict[str, Any] = {
            "name": self.name,
            "tenant": self.tenant,
            "role": self.role,
            "source": self.source,
            "status": self.status,
            "limits": self.limits,
        }
        for name in ("created_at", "created_by", "last_used_at", "expires_at"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out
