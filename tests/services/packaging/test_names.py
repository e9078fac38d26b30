"""A packaging job's id and its Batch job name."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from mlm.services.packaging import names
from tests.services.packaging.examples import MODEL, REQUEST


@pytest.mark.parametrize(
    "model_id", ["THUDM/glm-4-9b-chat", "org.name/Model_v2.5", "a" * 96 + "/" + "b" * 96]
)
def test_job_names_are_valid_for_batch_whatever_the_model_id(model_id: str) -> None:
    request = replace(REQUEST, model_id=model_id, revision=None)
    name = names.batch_job_name("tenant1", names.new_job_id(request))
    assert names.is_job_id(name.removeprefix("mlm-tenant1-"))
    assert re.match(names.BATCH_NAME_PATTERN, name)
    assert len(name) <= 128


def test_the_job_name_is_the_tenant_the_model_and_a_short_hash() -> None:
    job_id = names.new_job_id(REQUEST)
    assert names.batch_job_name("acme", job_id) == f"mlm-acme-{job_id}"
    assert job_id.startswith(f"{MODEL}-")
    assert len(job_id) == len(MODEL) + 11
