"""Shared fixtures: one emulator per test process, one tenant (and key) per test."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from connexion.spec import Specification
from pydantic import SecretStr
from starlette.testclient import TestClient

from mlm.app import create_app
from mlm.container import Container, build_container
from mlm.emulator import patches
from mlm.emulator.server import start_emulator
from mlm.settings import ApiKeyEntry, Role, Settings, hash_api_key

# The reliability tests' session summary (tests/reliability/summary.py) and the record of
# the AWS actions MLM calls, checked against deploy/iam/actions.txt (tests/iam_actions.py).
pytest_plugins = ["tests.reliability.summary", "tests.iam_actions"]

_tenant_ids = itertools.count()


def _validate_the_contract_once() -> None:
    """connexion checks the spec against the OpenAPI schema for every app it builds, and
    again for each of its middlewares (~0.15 s an app); tests build an app per test from
    one unchanging file. Each distinct document is checked in full once per process."""
    validate = Specification._validate_spec.__func__  # type: ignore[attr-defined]
    checked: set[str] = set()

    def once(cls: type[Specification], spec: dict[str, object]) -> None:
        digest = hashlib.sha256(json.dumps(spec, sort_keys=True, default=str).encode()).hexdigest()
        if digest not in checked:
            validate(cls, spec)
            checked.add(digest)

    Specification._validate_spec = classmethod(once)  # type: ignore[method-assign,assignment]


_validate_the_contract_once()


@pytest.fixture(scope="session")
def emulator_settings() -> Iterator[Settings]:
    """Emulated AWS for the whole test process; transitions take 0.2 s, not minutes."""
    # AWS's own minute: the alarm tests place datapoints minutes apart.
    base = Settings(mode="emulator", emulator_transition_seconds=0.2, emulator_minute_seconds=60)
    emulator, settings = start_emulator(base)
    yield settings
    emulator.stop()


class Transitions:
    """Holds emulated transitions open, or lets them finish (the delay is per process, and
    a test process runs one test at a time)."""

    def hold(self) -> None:
        patches.configure(transition_seconds=3600)

    def release(self) -> None:
        patches.configure(transition_seconds=0)


@pytest.fixture
def transitions(emulator_settings: Settings) -> Iterator[Transitions]:
    yield Transitions()
    patches.configure(transition_seconds=emulator_settings.emulator_transition_seconds)


@dataclass(frozen=True)
class Keys:
    """API keys of one test's tenant (plus one key of another tenant)."""

    tenant: str
    admin: str
    operator: str
    viewer: str
    other_tenant: str
    other_tenant_admin: str


@pytest.fixture
def keys() -> Keys:
    return new_keys()


def new_keys() -> Keys:
    """Keys of a tenant (and another) no other test in any worker has."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    n = next(_tenant_ids)
    return Keys(
        tenant=f"t{worker}x{n}",
        admin=secrets.token_urlsafe(16),
        operator=secrets.token_urlsafe(16),
        viewer=secrets.token_urlsafe(16),
        other_tenant=f"o{worker}x{n}",
        other_tenant_admin=secrets.token_urlsafe(16),
    )


def settings_with_keys(settings: Settings, keys: Keys, **overrides: object) -> Settings:
    entries = [
        ApiKeyEntry(
            name="admin", sha256=hash_api_key(keys.admin), tenant=keys.tenant, role=Role.ADMIN
        ),
        ApiKeyEntry(
            name="operator",
            sha256=hash_api_key(keys.operator),
            tenant=keys.tenant,
            role=Role.OPERATOR,
        ),
        ApiKeyEntry(
            name="viewer", sha256=hash_api_key(keys.viewer), tenant=keys.tenant, role=Role.VIEWER
        ),
        ApiKeyEntry(
            name="admin",
            sha256=hash_api_key(keys.other_tenant_admin),
            tenant=keys.other_tenant,
            role=Role.ADMIN,
        ),
    ]
    return settings.model_copy(
        update={
            "api_keys": entries,
            "dev_api_key": None,
            "page_token_secret": SecretStr("test-secret"),
            **overrides,
        }
    )


@pytest.fixture
def settings(emulator_settings: Settings, keys: Keys) -> Settings:
    return settings_with_keys(emulator_settings, keys)


@pytest.fixture
def container(settings: Settings) -> Container:
    return build_container(settings)


@pytest.fixture
def client(container: Container, keys: Keys) -> Iterator[TestClient]:
    """The app in process, with response validation on; sends the tenant's admin key."""
    with admin_client(container, keys) as test_client:
        yield test_client


@contextmanager
def admin_client(container: Container, keys: Keys) -> Iterator[TestClient]:
    app = create_app(container, validate_responses=True)
    with app.test_client(headers={"X-Api-Key": keys.admin}) as test_client:
        yield test_client
