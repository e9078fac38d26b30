"""The fault matrix (see matrix.py) of an endpoint's autoscaling: setting it, removing it,
and an instance-type change that must set it aside and put it back."""

from __future__ import annotations

import pytest

from tests.reliability.conftest import check_case
from tests.reliability.harness import Environment
from tests.reliability.matrix import Case

FAULT_MATRIX = (
    "put_autoscaling",
    "delete_autoscaling",
    "change_instance_type_of_an_autoscaled_endpoint",
)


def test_one_fault_leaves_no_orphans_and_a_retry_converges(
    fault_case: Case, env: Environment, request: pytest.FixtureRequest
) -> None:
    check_case(fault_case, env, request)
