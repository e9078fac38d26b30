"""OIDC bearer tokens: tokens the tests sign themselves, a JWKS served on loopback."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm
from starlette.testclient import TestClient

from mlm.app import create_app
from mlm.container import build_container
from mlm.errors import ServiceUnavailable
from mlm.principal import Principal
from mlm.services.access import Denial, TokenVerifier
from mlm.settings import Role, Settings
from tests.conftest import Keys, settings_with_keys

ISSUER = "https://issuer.example.test/"
AUDIENCE = "mlm-api"


@pytest.fixture(scope="module")
def signing_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="module")
def jwks_url(signing_key: rsa.RSAPrivateKey) -> Iterator[str]:
    """The issuer's JWKS, served on loopback as an identity provider serves it."""
    public = json.loads(RSAAlgorithm.to_jwk(signing_key.public_key()))
    body = json.dumps({"keys": [public | {"kid": "k1", "use": "sig", "alg": "RS256"}]}).encode()

    class Jwks(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Jwks)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/.well-known/jwks.json"
    server.shutdown()


@pytest.fixture
def oidc_settings(settings: Settings, jwks_url: str) -> Settings:
    return settings.model_copy(
        update={"oidc_issuer": ISSUER, "oidc_audience": AUDIENCE, "oidc_jwks_url": jwks_url}
    )


def _token(key: rsa.RSAPrivateKey, tenant: str = "acme", **overrides: Any) -> str:
    claims: dict[str, Any] = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": "alice",
        "exp": int(time.time()) + 300,
        "mlm_tenant": tenant,
        "mlm_role": "operator",
    }
    claims.update(overrides)
    claims = {k: v for k, v in claims.items() if v is not None}
    return jwt.encode(claims, key, algorithm="RS256", headers={"kid": "k1"})


def _denied(verifier: TokenVerifier, token: str) -> str:
    found = verifier.verify(token)
    assert isinstance(found, Denial)
    return found.reason


def test_a_valid_token_maps_to_its_tenant_and_role(
    oidc_settings: Settings, signing_key: rsa.RSAPrivateKey
) -> None:
    found = TokenVerifier(oidc_settings).verify(_token(signing_key))
    assert found == Principal(tenant="acme", role=Role.OPERATOR, key_name="oidc:alice", auth="oidc")


def test_an_expired_token_is_refused(
    oidc_settings: Settings, signing_key: rsa.RSAPrivateKey
) -> None:
    token = _token(signing_key, exp=int(time.time()) - 3600)
    assert _denied(TokenVerifier(oidc_settings), token) == "The bearer token has expired."


def test_a_token_for_another_audience_is_refused(
    oidc_settings: Settings, signing_key: rsa.RSAPrivateKey
) -> None:
    reason = _denied(TokenVerifier(oidc_settings), _token(signing_key, aud="someone-else"))
    assert "not for this service" in reason


def test_a_token_from_another_issuer_is_refused(
    oidc_settings: Settings, signing_key: rsa.RSAPrivateKey
) -> None:
    reason = _denied(TokenVerifier(oidc_settings), _token(signing_key, iss="https://evil.test/"))
    assert reason == f"The bearer token was not issued by {ISSUER}."


def test_a_token_signed_by_another_key_is_refused(oidc_settings: Settings) -> None:
    impostor = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    reason = _denied(TokenVerifier(oidc_settings), _token(impostor))
    assert reason == "The bearer token's signature does not verify."


def test_a_token_without_the_tenant_claim_is_refused(
    oidc_settings: Settings, signing_key: rsa.RSAPrivateKey
) -> None:
    reason = _denied(TokenVerifier(oidc_settings), _token(signing_key, mlm_tenant=None))
    assert "'mlm_tenant' claim" in reason


def test_a_token_with_an_unknown_role_is_refused(
    oidc_settings: Settings, signing_key: rsa.RSAPrivateKey
) -> None:
    reason = _denied(TokenVerifier(oidc_settings), _token(signing_key, mlm_role="root"))
    assert "'mlm_role' claim" in reason


def test_a_token_without_expiry_is_refused(
    oidc_settings: Settings, signing_key: rsa.RSAPrivateKey
) -> None:
    reason = _denied(TokenVerifier(oidc_settings), _token(signing_key, exp=None))
    assert reason == "The bearer token has no 'exp' claim."


def test_garbage_is_not_a_token(oidc_settings: Settings) -> None:
    assert (
        _denied(TokenVerifier(oidc_settings), "not.a.jwt") == "The bearer token is not a valid JWT."
    )


def test_without_oidc_settings_bearer_tokens_are_refused(
    settings: Settings, signing_key: rsa.RSAPrivateKey
) -> None:
    assert "accepts no bearer tokens" in _denied(TokenVerifier(settings), _token(signing_key))


def test_oidc_settings_must_be_complete() -> None:
    with pytest.raises(ValueError, match="MLM_OIDC_AUDIENCE"):
        Settings(oidc_issuer=ISSUER)


def test_the_jwks_url_must_be_https() -> None:
    with pytest.raises(ValueError, match="https"):
        Settings(oidc_issuer=ISSUER, oidc_audience=AUDIENCE, oidc_jwks_url="http://idp.test/jwks")


def test_an_unreachable_jwks_is_503_not_401(
    oidc_settings: Settings, signing_key: rsa.RSAPrivateKey
) -> None:
    gone = oidc_settings.model_copy(update={"oidc_jwks_url": "http://127.0.0.1:9/jwks.json"})
    with pytest.raises(ServiceUnavailable):
        TokenVerifier(gone).verify(_token(signing_key))


# --- through the API -----------------------------------------------------------------------


@pytest.fixture
def api(emulator_settings: Settings, keys: Keys, jwks_url: str) -> Iterator[TestClient]:
    settings = settings_with_keys(
        emulator_settings,
        keys,
        oidc_issuer=ISSUER,
        oidc_audience=AUDIENCE,
        oidc_jwks_url=jwks_url,
    )
    with create_app(build_container(settings), validate_responses=True).test_client() as client:
        yield client


def test_a_bearer_token_reaches_its_tenant(
    api: TestClient, keys: Keys, signing_key: rsa.RSAPrivateKey
) -> None:
    bearer = {"Authorization": f"Bearer {_token(signing_key, tenant=keys.tenant)}"}
    created = api.post(
        "/v1/models", json={"name": "jwt-model", "metadata": {"license": "mit"}}, headers=bearer
    )
    assert created.status_code == 201, created.text
    listed = api.get("/v1/models", headers={"X-Api-Key": keys.admin}).json()["items"]
    assert [m["name"] for m in listed] == ["jwt-model"]


def test_a_bad_bearer_token_is_401_in_plain_words(
    api: TestClient, signing_key: rsa.RSAPrivateKey
) -> None:
    token = _token(signing_key, exp=int(time.time()) - 3600)
    refused = api.get("/v1/models", headers={"Authorization": f"Bearer {token}"})
    assert refused.status_code == 401
    assert refused.json()["detail"] == "The bearer token has expired."


def test_a_tokens_role_is_enforced(
    api: TestClient, keys: Keys, signing_key: rsa.RSAPrivateKey
) -> None:
    token = _token(signing_key, tenant=keys.tenant, mlm_role="viewer")
    refused = api.delete("/v1/models/x", headers={"Authorization": f"Bearer {token}"})
    assert refused.status_code == 403
    assert "the token has 'viewer'" in refused.json()["detail"]
