"""InvocationService against the emulator, without HTTP."""

from __future__ import annotations

import json

import pytest

from mlm.container import Container
from mlm.errors import BadRequest, ModelFailed, NotFound, PayloadTooLarge
from mlm.services.endpoints.requests import NewEndpoint, VariantSpec
from mlm.services.invocations.requests import InvocationRequest
from mlm.services.invocations.service import InvocationService
from mlm.services.registry.requests import ContainerSpec, NewModel, NewVersion
from tests.conftest import Keys
from tests.polling import poll

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"


@pytest.fixture
def service(container: Container) -> InvocationService:
    return container.invocations


@pytest.fixture
def endpoint(container: Container, keys: Keys) -> str:
    container.models.create(keys.tenant, NewModel(name="chat", metadata={"license": "mit"}))
    container.versions.create(keys.tenant, "chat", NewVersion(ContainerSpec(IMAGE)), actor="test")
    spec = VariantSpec(
        name="primary",
        model_name="chat",
        model_version=1,
        instance_type="ml.g5.2xlarge",
        instance_count=1,
        initial_weight=1.0,
    )
    request = NewEndpoint(name="ep", variants=[spec], enhanced_metrics=False, tags={})
    container.endpoints.create(keys.tenant, request)
    poll(
        lambda: container.endpoints.get(keys.tenant, "ep").status,
        lambda status: status == "in_service",
        "ep to be in_service",
    )
    return "ep"


def _json(body: object) -> InvocationRequest:
    return InvocationRequest(body=json.dumps(body).encode(), content_type="application/json")


def test_invoke_returns_the_models_answer_and_variant(
    service: InvocationService, keys: Keys, endpoint: str
) -> None:
    answer = service.invoke(keys.tenant, endpoint, _json({"inputs": "hi"}))
    assert answer.variant == "primary"
    assert answer.content_type == "application/json"
    assert json.loads(answer.body)["request"]["json"] == {"inputs": "hi"}


def test_invoke_reaches_only_the_callers_tenant(
    service: InvocationService, keys: Keys, endpoint: str
) -> None:
    with pytest.raises(NotFound) as excinfo:
        service.invoke(keys.other_tenant, endpoint, _json({}))
    assert excinfo.value.code == "ENDPOINT_NOT_FOUND"


def test_a_name_that_is_no_api_name_is_not_found_without_calling_aws(
    service: InvocationService, keys: Keys
) -> None:
    with pytest.raises(NotFound):
        service.invoke(keys.tenant, "Not_A_Name", _json({}))


def test_a_payload_over_the_sagemaker_limit_is_refused(
    service: InvocationService, keys: Keys
) -> None:
    # Refused before AWS is asked: the endpoint does not even exist.
    with pytest.raises(PayloadTooLarge):
        service.invoke(keys.tenant, "ep", InvocationRequest(body=b"x" * (6 * 1024 * 1024 + 1)))


def test_a_payload_at_the_limit_is_sent(
    service: InvocationService, keys: Keys, endpoint: str
) -> None:
    answer = service.invoke(keys.tenant, endpoint, InvocationRequest(body=b"x" * 6 * 1024 * 1024))
    assert json.loads(answer.body)["request"]["size_bytes"] == 6 * 1024 * 1024


def test_a_model_error_keeps_the_models_status_and_message(
    service: InvocationService, keys: Keys, endpoint: str
) -> None:
    failing = {"mlm_emulator": {"model_error": {"status": 422, "message": "prompt too long"}}}
    with pytest.raises(ModelFailed) as excinfo:
        service.invoke(keys.tenant, endpoint, _json(failing))
    assert (excinfo.value.original_status_code, excinfo.value.original_message) == (
        422,
        "prompt too long",
    )


def test_an_unknown_target_variant_is_a_bad_request(
    service: InvocationService, keys: Keys, endpoint: str
) -> None:
    request = InvocationRequest(body=b"{}", content_type="application/json", target_variant="x")
    with pytest.raises(BadRequest) as excinfo:
        service.invoke(keys.tenant, endpoint, request)
    assert excinfo.value.code == "INVALID_INVOCATION"


def test_stream_yields_the_parts_as_they_come(
    service: InvocationService, keys: Keys, endpoint: str
) -> None:
    streamed = service.stream(keys.tenant, endpoint, _json({"mlm_emulator": {"chunks": 3}}))
    parts = list(streamed.parts)
    assert streamed.variant == "primary"
    assert len(parts) == 3
    assert all(isinstance(p, bytes) for p in parts)
    assert json.loads(b"".join(p for p in parts if isinstance(p, bytes)))["variant"] == "primary"
