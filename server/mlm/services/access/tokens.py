"""OIDC / JWT bearer tokens, verified with PyJWT against the issuer's JWKS.

The token must be signed by a key of the JWKS (fetched from MLM_OIDC_JWKS_URL and cached
by PyJWKClient; an unknown ``kid`` fetches it again, so the issuer's key rotation works),
name the configured issuer and audience, and be unexpired (with a small leeway for clock
skew). The tenant and role come from two claims (MLM_OIDC_TENANT_CLAIM, MLM_OIDC_ROLE_CLAIM).
"""

from __future__ import annotations

import re
from typing import Any

import jwt

from mlm.errors import ServiceUnavailable
from mlm.principal import Principal
from mlm.services.access.keys import Denial
from mlm.settings import TENANT_PATTERN, Role, Settings

_JWKS_CACHE_SECONDS = 300


class TokenVerifier:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._jwks = (
            None
            if settings.oidc_jwks_url is None
            else jwt.PyJWKClient(settings.oidc_jwks_url, lifespan=_JWKS_CACHE_SECONDS, timeout=5)
        )

    def verify(self, token: str) -> Principal | Denial:
        s = self._settings
        if self._jwks is None or s.oidc_issuer is None:
            return Denial("This server accepts no bearer tokens; send an X-Api-Key.")
        try:
            signing_key = self._jwks.get_signing_key_from_jwt(token)
            claims: dict[str, Any] = jwt.decode(
                token,
                signing_key.key,
                algorithms=s.oidc_algorithms,
                audience=s.oidc_audience,
                issuer=s.oidc_issuer,
                leeway=s.oidc_leeway_seconds,
                options={"require": ["exp", "iss", "aud", "sub"]},
            )
        except jwt.ExpiredSignatureError:
            return Denial("The bearer token has expired.")
        except jwt.InvalidAudienceError:
            return Denial(f"The bearer token is not for this service (audience {s.oidc_audience}).")
        except jwt.InvalidIssuerError:
            return Denial(f"The bearer token was not issued by {s.oidc_issuer}.")
        except jwt.InvalidSignatureError:
            return Denial("The bearer token's signature does not verify.")
        except jwt.MissingRequiredClaimError as missing:
            return Denial(f"The bearer token has no '{missing.claim}' claim.")
        except jwt.PyJWKClientConnectionError as unreachable:
            raise ServiceUnavailable(
                code="JWKS_UNREACHABLE",
                detail="The token issuer's signing keys (JWKS) could not be read; try again.",
                headers={"Retry-After": "5"},
            ) from unreachable
        except jwt.PyJWKClientError:
            return Denial("The bearer token is not signed by a key of the issuer's JWKS.")
        except jwt.PyJWTError:
            return Denial("The bearer token is not a valid JWT.")
        tenant = claims.get(s.oidc_tenant_claim)
        if not isinstance(tenant, str) or not re.match(TENANT_PATTERN, tenant):
            return Denial(
                f"The bearer token has no valid '{s.oidc_tenant_claim}' claim (a tenant)."
            )
        role = claims.get(s.oidc_role_claim)
        if role not in {r.value for r in Role}:
            return Denial(
                f"The bearer token has no valid '{s.oidc_role_claim}' claim (one of "
                f"{', '.join(r.value for r in Role)}).",
                tenant=tenant,
            )
        return Principal(
            tenant=tenant, role=Role(role), key_name=f"oidc:{claims['sub']}", auth="oidc"
        )
