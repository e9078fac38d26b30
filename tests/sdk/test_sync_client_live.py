"""`MLM` (sync) against a live `mlm serve`: the lifecycle, typed errors, pages, waiters."""

from __future__ import annotations

import pytest
from mlm_client import (
    MLM,
    Conflict,
    NotFound,
    PreconditionFailed,
    ResourceFailed,
    Unauthorized,
    ValidationFailed,
)

from tests.live_server import LiveServer
from tests.sdk.conftest import WAIT_TIMEOUT_SECONDS
from tests.sdk.payloads import endpoint_body, model_body, version_body

pytestmark = pytest.mark.process


def test_lifecycle_from_model_to_deleted_endpoint(mlm: MLM, name: str) -> None:
    model = mlm.create_model(model_body(name))
    version = mlm.create_model_version(model.name, version_body())
    created = mlm.create_endpoint(endpoint_body(name, model.name))
    assert (version.version, created.status) == (1, "creating")

    ready = mlm.wait_for_endpoint(name, timeout=WAIT_TIMEOUT_SECONDS)
    assert ready.status == "in_service"

    mlm.update_endpoint(name, {"variants": [{"name": "primary", "instance_count": 2}]})
    scaled = mlm.wait_for_endpoint(name, timeout=WAIT_TIMEOUT_SECONDS)
    assert scaled.variants[0].current_instance_count == 2

    mlm.update_endpoint(name, {"variants": [{"name": "primary", "instance_type": "ml.g6e.xlarge"}]})
    moved = mlm.wait_for_endpoint(name, timeout=WAIT_TIMEOUT_SECONDS)
    assert (moved.variants[0].instance_type, moved.variants[0].current_instance_count) == (
        "ml.g6e.xlarge",
        2,
    )

    assert mlm.delete_endpoint(name).status == "deleting"
    mlm.wait_for_endpoint_deleted(name, timeout=WAIT_TIMEOUT_SECONDS)
    mlm.delete_model(model.name, force=True)
    with pytest.raises(NotFound):
        mlm.get_model(model.name)


def test_health_answers_ok(mlm: MLM) -> None:
    assert mlm.get_health().status == "ok"


def test_missing_endpoint_raises_not_found_with_code_and_request_id(mlm: MLM, name: str) -> None:
    with pytest.raises(NotFound) as raised:
        mlm.get_endpoint(name)
    assert (raised.value.status, raised.value.code) == (404, "ENDPOINT_NOT_FOUND")
    assert raised.value.request_id


def test_deleting_a_model_with_versions_raises_conflict(mlm: MLM, name: str) -> None:
    mlm.create_model(model_body(name))
    mlm.create_model_version(name, version_body())
    with pytest.raises(Conflict) as raised:
        mlm.delete_model(name)
    assert raised.value.code == "MODEL_HAS_VERSIONS"


def test_update_with_a_stale_etag_raises_precondition_failed(mlm: MLM, name: str) -> None:
    mlm.create_model(model_body(name))
    stale = mlm.get_model_with_etag(name).etag
    mlm.update_model(name, {"description": "first change"}, if_match=stale)
    with pytest.raises(PreconditionFailed) as raised:
        mlm.update_model(name, {"description": "second change"}, if_match=stale)
    assert raised.value.status == 412


def test_delete_with_the_current_etag_deletes(mlm: MLM, name: str) -> None:
    mlm.create_model(model_body(name))
    mlm.delete_model(name, if_match=mlm.get_model_with_etag(name).etag)
    with pytest.raises(NotFound):
        mlm.get_model(name)


def test_missing_mandatory_metadata_raises_validation_failed_naming_the_field(
    mlm: MLM, name: str
) -> None:
    with pytest.raises(ValidationFailed) as raised:
        mlm.create_model({"name": name})
    assert "metadata.license" in [error.field for error in raised.value.errors]


def test_a_wrong_api_key_raises_unauthorized(server: LiveServer) -> None:
    with MLM(server.base_url, "not-a-key") as stranger, pytest.raises(Unauthorized):
        stranger.list_models()


def test_iter_models_follows_next_page_token_past_one_page(mlm: MLM, name: str) -> None:
    names = [f"{name}-{index}" for index in range(5)]
    for model_name in names:
        mlm.create_model(model_body(model_name))
    assert mlm.list_models(name_prefix=name, page_size=2).next_page_token
    listed = [model.name for model in mlm.iter_models(name_prefix=name, page_size=2)]
    assert sorted(listed) == names


def test_wait_for_endpoint_raises_resource_failed_with_the_failure_reason(
    mlm: MLM, name: str
) -> None:
    mlm.create_model(model_body(name))
    mlm.create_model_version(name, version_body({"MLM_EMULATOR_FAILURE_REASON": "image crashed"}))
    mlm.create_endpoint(endpoint_body(name, name))
    with pytest.raises(ResourceFailed) as raised:
        mlm.wait_for_endpoint(name, timeout=WAIT_TIMEOUT_SECONDS)
    assert (raised.value.status, raised.value.failure_reason) == ("failed", "image crashed")


def test_a_create_repeated_with_its_idempotency_key_creates_once(mlm: MLM, name: str) -> None:
    first = mlm.create_model(model_body(name), idempotency_key=f"{name}-key")
    again = mlm.create_model(model_body(name), idempotency_key=f"{name}-key")
    assert again.to_dict() == first.to_dict()


def test_creates_without_a_key_are_not_deduplicated(mlm: MLM, name: str) -> None:
    mlm.create_model(model_body(name))
    with pytest.raises(Conflict):
        mlm.create_model(model_body(name))
