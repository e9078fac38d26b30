"""API keys: who a key is, and the admin operations on a tenant's keys.

A request's key is looked up on every request, strongly consistent, with no cache of
positive answers: a cache would have to ask DynamoDB whether the key was revoked anyway
(a revoked key must be refused at once on every replica), which is the same one read. Keys
from settings (MLM_API_KEYS, the dev key) are checked first and cost nothing.

"Last used" is written at most once per interval per key (a conditional update), not once
per request. Revoked and rotated-out keys stay as records (for the audit) until TTL.

Create is not replayable with ``Idempotency-Key``: its answer holds the secret, and the
secret is never stored anywhere. A client whose create reply was lost gets
``409 API_KEY_NAME_TAKEN`` on retry and rotates the key to get a new secret.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from mlm.aws.api_keys import ApiKeyTable, KeyChanged, KeyLimits, NameTaken, StoredKey
from mlm.errors import Conflict, NotFound, Unprocessable
from mlm.pagination import Page, PageTokens
from mlm.principal import Principal
from mlm.services.access.views import KeyView
from mlm.settings import ApiKeyEntry, Role, Settings, hash_api_key

SECRET_PREFIX = "mlm_"  # noqa: S105 - the marker of keys this service issues, not a key
_UNKNOWN = "The X-Api-Key is not a key this service knows."


@dataclass(frozen=True)
class Denial:
    """Why a credential was refused, in words for the caller; the tenant (and key) when
    the credential is known, so the refusal goes into that tenant's audit trail."""

    reason: str
    tenant: str | None = None
    key_name: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class NewKey:
    name: str
    role: Role
    expires_at: float | None = None
    limits: KeyLimits = field(default_factory=KeyLimits)


@dataclass(frozen=True)
class KeyPatch:
    """What a merge patch changes: the expiry when ``set_expiry``, and the named limits."""

    set_expiry: bool = False
    expires_at: float | None = None
    limits: dict[str, float | int | None] = field(default_factory=dict)


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


class ApiKeyService:
    def __init__(
        self,
        table: ApiKeyTable,
        settings: Settings,
        page_tokens: PageTokens,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._table = table
        self._settings = settings
        self._tokens = page_tokens
        self._clock = clock

    # Authentication ----------------------------------------------------------------------

    def authenticate(self, secret: str) -> Principal | Denial:
        digest = hash_api_key(secret)
        configured = self._settings.keys_by_hash.get(digest)
        if configured is not None:
            return Principal(
                tenant=configured.tenant, role=configured.role, key_name=configured.name
            )
        if not secret.startswith(SECRET_PREFIX):
            return Denial(_UNKNOWN)  # not of the form this service issues: no read needed
        stored = self._table.get(digest)
        if stored is None:
            return Denial(_UNKNOWN)
        now = self._clock()
        if not stored.usable_at(now):
            reason = (
                "This API key was revoked."
                if stored.revoked_at is not None
                else "This API key has expired."
            )
            return Denial(reason, stored.tenant, stored.name, stored.role)
        interval = self._settings.api_key_last_used_interval_seconds
        if stored.last_used_at is None or stored.last_used_at < now - interval:
            self._table.touch(digest, now, now - interval)
        return Principal(
            tenant=stored.tenant, role=Role(stored.role), key_name=stored.name, limits=stored.limits
        )

    # Admin operations (the caller's tenant only) ---------------------------------------

    def create(self, admin: Principal, request: NewKey) -> tuple[KeyView, str]:
        self._refuse_settings_name(admin.tenant, request.name)
        self._refuse_past(request.expires_at)
        secret = new_secret()
        stored = StoredKey(
            digest=hash_api_key(secret),
            tenant=admin.tenant,
            name=request.name,
            role=request.role.value,
            created_at=self._clock(),
            created_by=admin.actor,
            expires_at=request.expires_at,
            limits=request.limits,
        )
        try:
            self._table.create(stored)
        except NameTaken as taken:
            raise Conflict(
                code="API_KEY_NAME_TAKEN",
                detail=f"The tenant already has a key named '{request.name}'; choose another "
                "name, or rotate that key for a new secret.",
            ) from taken
        return self._view(stored), secret

    def list_keys(self, tenant: str, page_size: int, page_token: str | None) -> Page[KeyView]:
        now = self._clock()
        views = [
            self._view(key)
            for key in self._table.list_tenant(tenant)
            if key.current and (key.revoked_at is None or key.revoked_at > now)
        ]
        views += [self._settings_view(e) for e in self._configured(tenant)]
        return self._tokens.paginate(
            views, lambda v: v.name, page_size, page_token, {"tenant": tenant, "list": "api-keys"}
        )

    def get(self, tenant: str, name: str) -> KeyView:
        stored = self._table.current(tenant, name)
        if stored is not None:
            return self._view(stored)
        for entry in self._configured(tenant):
            if entry.name == name:
                return self._settings_view(entry)
        raise self._not_found(name)

    def rotate(self, admin: Principal, name: str, grace_seconds: float) -> tuple[KeyView, str]:
        old = self._current(admin.tenant, name)
        now = self._clock()
        secret = new_secret()
        new = replace(
            old,
            digest=hash_api_key(secret),
            created_at=now,
            created_by=admin.actor,
            last_used_at=None,
            revoked_at=None,
            current=True,
        )
        ends = now + grace_seconds
        try:
            self._table.rotate(old, new, ends, self._expiration(ends))
        except KeyChanged as changed:
            raise _changed_meanwhile(name) from changed
        return self._view(new), secret

    def revoke(self, tenant: str, name: str) -> None:
        key = self._current(tenant, name)
        now = self._clock()
        try:
            self._table.revoke(key, now, self._expiration(now))
        except KeyChanged as changed:
            raise _changed_meanwhile(name) from changed
        # Keys of this name rotated out but still in their grace period end now too.
        for retired in self._table.list_tenant(tenant):
            if retired.name == name and retired.digest != key.digest and retired.usable_at(now):
                self._table.revoke_retired(retired, now, self._expiration(now))

    def update(self, tenant: str, name: str, patch: KeyPatch) -> KeyView:
        key = self._current(tenant, name)
        if patch.set_expiry:
            self._refuse_past(patch.expires_at)
        expires_at = patch.expires_at if patch.set_expiry else key.expires_at
        limits = replace(key.limits, **patch.limits)  # type: ignore[arg-type]
        try:
            self._table.update(key, expires_at, limits)
        except KeyChanged as changed:
            raise _changed_meanwhile(name) from changed
        return self._view(replace(key, expires_at=expires_at, limits=limits))

    # Internals ----------------------------------------------------------------------------

    def _current(self, tenant: str, name: str) -> StoredKey:
        stored = self._table.current(tenant, name)
        if stored is not None:
            return stored
        if any(entry.name == name for entry in self._configured(tenant)):
            raise Conflict(
                code="API_KEY_FROM_SETTINGS",
                detail=f"Key '{name}' comes from the server's settings (MLM_API_KEYS); "
                "change it there, or create a data key and retire that one.",
            )
        raise self._not_found(name)

    def _refuse_past(self, expires_at: float | None) -> None:
        if expires_at is not None and expires_at <= self._clock():
            raise Unprocessable(
                code="EXPIRY_IN_PAST",
                detail="expires_at is in the past: a key must be usable when it is made; "
                "revoke a key to end it now.",
            )

    def _refuse_settings_name(self, tenant: str, name: str) -> None:
        if any(entry.name == name for entry in self._configured(tenant)):
            raise Conflict(
                code="API_KEY_NAME_TAKEN",
                detail=f"The server's settings already define a key named '{name}' for this "
                "tenant; choose another name.",
            )

    def _configured(self, tenant: str) -> list[ApiKeyEntry]:
        return [e for e in self._settings.keys_by_hash.values() if e.tenant == tenant]

    def _expiration(self, ends_at: float) -> int:
        return int(ends_at) + self._settings.api_key_retention_days * 86400

    def _not_found(self, name: str) -> NotFound:
        return NotFound(
            code="API_KEY_NOT_FOUND", detail=f"No API key named '{name}' in this tenant."
        )

    def _view(self, key: StoredKey) -> KeyView:
        return KeyView.of_stored(key, self._settings, self._clock())

    def _settings_view(self, entry: ApiKeyEntry) -> KeyView:
        return KeyView.of_settings(entry, self._settings)


def _changed_meanwhile(name: str) -> Conflict:
    return Conflict(
        code="API_KEY_CHANGED",
        detail=f"Key '{name}' was rotated or revoked by another request meanwhile; read it again.",
    )
