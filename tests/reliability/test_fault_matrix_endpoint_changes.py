"""The fault matrix (see matrix.py) of every kind of endpoint update, and of delete."""

from __future__ import annotations

import pytest

from tests.reliability.conftest import check_case
from tests.reliability.harness import Environment
from tests.reliability.matrix import Case

FAULT_MATRIX = (
    "scale_endpoint",
    "reweight_endpoint",
    "change_instance_type",
    "change_model_version",
    "change_model_version_guarded",
    "delete_endpoint",
)


def test_one_fault_leaves_no_orphans_and_a_retry_converges(
    fault_case: Case, env: Environment, request: pytest.FixtureRequest
) -> None:
    check_case(fault_case, env, request)
