"""The fault matrix (see matrix.py) of models, versions and packaging jobs; the
endpoint operations are in test_fault_matrix_endpoint*.py (one file each half, so xdist's
``--dist loadfile`` can run them side by side).
"""

from __future__ import annotations

import pytest

from tests.reliability.conftest import check_case
from tests.reliability.harness import Environment
from tests.reliability.matrix import Case

FAULT_MATRIX = (
    "create_model",
    "delete_model",
    "create_version",
    "delete_version",
    "create_packaging_job",
    "cancel_packaging_job",
)


def test_one_fault_leaves_no_orphans_and_a_retry_converges(
    fault_case: Case, env: Environment, request: pytest.FixtureRequest
) -> None:
    check_case(fault_case, env, request)
