"""BatchJobs against the emulator: a submission is made once, whatever its reply did."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.exceptions import ConnectionClosedError

from mlm.aws.batch import BatchJobs
from mlm.container import Container
from mlm.errors import ServiceUnavailable
from tests.botocore_hooks import hooked
from tests.conftest import Keys, Transitions


@pytest.fixture
def batch(container: Container) -> BatchJobs:
    s = container.settings
    return BatchJobs(
        container.clients.client("batch"),
        s.batch_job_queue,
        s.batch_job_definition,
        submit_client=container.clients.client_without_retries("batch"),
        sleep=lambda _: None,
    )


def submit(batch: BatchJobs, name: str) -> str:
    return batch.submit(name, {"a": "1"}, ["mlm", "--help"], {"mlm:tenant": "t"}, 2048, 1)


def test_a_submission_whose_reply_was_lost_is_not_made_twice(
    batch: BatchJobs, container: Container, keys: Keys, transitions: Transitions
) -> None:
    transitions.hold()  # the job stays queued: it is listed, not run
    client = container.clients.client_without_retries("batch")
    lost: list[str] = []

    def lose_the_reply(**_: Any) -> None:
        if not lost:
            lost.append("x")  # the job exists now; its caller never hears of it
            raise ConnectionClosedError(endpoint_url="emulator")

    name = f"mlm-{keys.tenant}-lost-reply"
    with hooked(client, "after-call.batch.SubmitJob", lose_the_reply):
        job_id = submit(batch, name)
    assert batch.ids_named(name) == [job_id]
    batch.terminate(job_id, "test")


def test_a_submission_of_an_existing_name_returns_that_job(
    batch: BatchJobs, keys: Keys, transitions: Transitions
) -> None:
    transitions.hold()
    name = f"mlm-{keys.tenant}-again"
    first = submit(batch, name)
    assert submit(batch, name) == first
    assert batch.ids_named(name) == [first]
    batch.terminate(first, "test")


def test_a_submission_that_keeps_failing_gives_up_with_a_503(
    batch: BatchJobs, container: Container, keys: Keys
) -> None:
    client = container.clients.client_without_retries("batch")
    sent: list[str] = []

    def refuse(**_: Any) -> None:
        sent.append("x")
        raise ConnectionClosedError(endpoint_url="emulator")

    with (
        hooked(client, "before-call.batch.SubmitJob", refuse),
        pytest.raises(ServiceUnavailable),
    ):
        submit(batch, f"mlm-{keys.tenant}-never")
    assert len(sent) == 4
