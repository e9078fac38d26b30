"""Which faults the matrix injects where (``matrix.cases``), on made-up call positions."""

from __future__ import annotations

import pytest

from tests.reliability import matrix
from tests.reliability.matrix import Position
from tests.reliability.proxy import FAULTS

CALLS = [
    Position("dynamodb:PutItem", 1),
    Position("dynamodb:Query", 1),
    Position("sagemaker:CreateModel", 1),
    Position("sagemaker:DescribeEndpoint", 1),
    Position("sagemaker:DescribeEndpoint", 2),
    Position("sagemaker:ListTags", 1),
    Position("sqs:ReceiveMessage", 1),
]


@pytest.fixture(autouse=True)
def made_up_calls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(matrix, "positions", lambda name: CALLS)
    monkeypatch.delenv("MLM_FAULT_MATRIX", raising=False)


def faults_at(cases: list[matrix.Case], action: str, occurrence: int = 1) -> list[str]:
    return [c.fault for c in cases if c.position == Position(action, occurrence)]


@pytest.mark.parametrize(
    "action", ["dynamodb:PutItem", "sagemaker:CreateModel", "sqs:ReceiveMessage"]
)
def test_a_call_that_changes_something_gets_a_lost_reply_and_one_fault_where_aws_did_nothing(
    action: str,
) -> None:
    faults = faults_at(matrix.cases(["op"]), action)
    assert faults[0] == matrix.REPLY_LOST
    assert len(faults) == 2
    assert faults[1] in matrix.NOTHING_DONE


@pytest.mark.parametrize(
    "action", ["dynamodb:Query", "sagemaker:DescribeEndpoint", "sagemaker:ListTags"]
)
def test_a_read_gets_one_fault(action: str) -> None:
    assert len(faults_at(matrix.cases(["op"]), action)) == 1


def test_the_reads_of_an_operation_take_every_fault_in_turn() -> None:
    reads = [c.fault for c in matrix.cases(["op"]) if matrix.is_read(c.position.action)]
    assert len(set(reads)) == len(reads) == 4
    assert set(reads) <= set(FAULTS)


def test_the_full_matrix_gives_every_call_every_fault(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLM_FAULT_MATRIX", "full")
    cases = matrix.cases(["op"])
    assert len(cases) == len(CALLS) * len(FAULTS)
    assert all(sorted(faults_at(cases, p.action, p.occurrence)) == sorted(FAULTS) for p in CALLS)


@pytest.mark.parametrize(
    ("action", "read"),
    [
        ("dynamodb:GetItem", True),
        ("dynamodb:BatchGetItem", True),
        ("dynamodb:Scan", True),
        ("application-autoscaling:DescribeScalingActivities", True),
        ("dynamodb:UpdateItem", False),
        ("sagemaker:DeleteModel", False),
        ("batch:SubmitJob", False),
        ("sagemaker:Listen", False),
    ],
)
def test_a_read_is_named_as_aws_names_reads(action: str, read: bool) -> None:
    assert matrix.is_read(action) is read
