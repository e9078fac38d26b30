"""Fixtures of the reliability tests, the fault matrix's parametrization and its summary.

A test module that names ``FAULT_MATRIX = (<operation>, …)`` and takes a ``fault_case``
argument gets one test per (operation, AWS call position, fault kind; which kinds at
which position: ``matrix.cases``); the positions come from a clean run of each operation
through the proxy, made while collecting. Each case's result travels in the test report
(``user_properties``, so it crosses xdist workers) and the session ends with a table of
them (``summary.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from botocore.retries import standard

from mlm.emulator.patches import clock
from tests.reliability import matrix
from tests.reliability.harness import CREDENTIALS_ENV, AwsCredentials, Environment, environment
from tests.reliability.summary import RESULT_PROPERTY


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "fault_case" not in metafunc.fixturenames:
        return
    operations = metafunc.module.FAULT_MATRIX
    credentials = AwsCredentials.install()
    delay = clock.transition().total_seconds()
    try:
        cases = matrix.cases(operations)
    finally:
        credentials.restore()
        clock.configure(delay)
        clock.back_to_wall_clock()
    metafunc.parametrize("fault_case", cases, ids=[case.id for case in cases])


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> Iterator[Environment]:
    """The process's emulator, proxy and replicas, with AWS-mode credentials set.

    botocore's retry backoff is shortened to milliseconds: which errors are retried and
    how many times stays botocore's own (standard mode, ``aws_max_attempts``), but a
    case whose retries run out should not sleep seconds of jitter.
    """
    for name, value in CREDENTIALS_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    monkeypatch.setattr(standard.ExponentialBackoff, "delay_amount", lambda self, ctx: 0.005)
    before = clock.transition().total_seconds()
    built = environment()
    yield built
    built.proxy.reset()
    clock.configure(before)
    clock.back_to_wall_clock()


def check_case(case: matrix.Case, env: Environment, request: pytest.FixtureRequest) -> None:
    """Run one fault case, put its result in the report, then fail on what it found."""
    result = matrix.run(case, env)
    request.node.user_properties.append((RESULT_PROPERTY, json.dumps(result.to_json())))
    assert not result.problems, "\n".join(result.problems)
