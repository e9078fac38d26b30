"""The contract gate: generated requests against every operation of the spec.

Checks: no 5xx, documented status codes, content types, headers and response schemas.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from mlm.app import create_app
from mlm.container import Container, build_container
from mlm.settings import ApiKeyEntry, Role, Settings, hash_api_key
from tests.conftest import Keys

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
    response_headers_conformance,
]
CONFIG = SchemathesisConfig.from_path(str(Path(__file__).parents[2] / "schemathesis.toml"))


@pytest.fixture
def api_schema(container: Container) -> Any:
    app = create_app(container, validate_responses=False)
    return schemathesis.openapi.from_asgi("/v1/openapi.json", app, config=CONFIG)


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck), max_examples=25)
def test_every_operation_conforms_to_the_contract(case: Any, keys: Keys) -> None:
    case.call_and_validate(headers={"X-Api-Key": keys.admin}, checks=CHECKS)


RUN_TENANTS = 200


@pytest.fixture
def stateful_schema(settings: Settings, keys: Keys) -> tuple[Any, list[str]]:
    """The app with one admin key per state-machine run: each run starts in an empty tenant,
    so replays see the same responses (Hypothesis requires that)."""
    run_keys = [f"run-{i}-{keys.admin}" for i in range(RUN_TENANTS)]
    entries = [
        ApiKeyEntry(
            name="admin", sha256=hash_api_key(key), tenant=f"{keys.tenant}r{i}", role=Role.ADMIN
        )
        for i, key in enumerate(run_keys)
    ]
    container = build_container(settings.model_copy(update={"api_keys": entries}))
    app = create_app(container, validate_responses=False)
    return schemathesis.openapi.from_asgi("/v1/openapi.json", app, config=CONFIG), run_keys


def test_linked_operations_conform_to_the_contract(stateful_schema: tuple[Any, list[str]]) -> None:
    """Stateful: follow the spec's links (create model → version → get; endpoint → get/…)."""
    schema, run_keys = stateful_schema
    unused = iter(run_keys)

    class Machine(schema.as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            self.key = next(unused)

        def get_call_kwargs(self, case: Any) -> dict[str, Any]:
            return {"headers": {"X-Api-Key": self.key}}

        def validate_response(self, response: Any, case: Any, **kwargs: Any) -> None:
            case.validate_response(response, checks=CHECKS)

    Machine.run(
        settings=settings(
            max_examples=15,
            stateful_step_count=6,
            deadline=None,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
    )
