"""Data capture through the endpoint service, and CaptureService reading the records."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from mlm.container import Container
from mlm.errors import BadRequest, NotFound, Unprocessable
from mlm.services.captures.service import CaptureService, CapturesRequest
from mlm.services.endpoints.data_capture import DataCaptureSpec
from mlm.services.endpoints.requests import NewEndpoint, VariantChange, VariantSpec
from mlm.services.invocations.requests import InvocationRequest
from mlm.services.registry.requests import ContainerSpec, NewModel, NewVersion
from tests.conftest import Keys
from tests.polling import poll

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"


@pytest.fixture
def service(container: Container) -> CaptureService:
    return container.captures


def _wait(container: Container, keys: Keys) -> None:
    poll(
        lambda: container.endpoints.get(keys.tenant, "ep").status,
        lambda status: status == "in_service",
        "ep to be in_service",
    )


def _deploy(container: Container, keys: Keys, capture: DataCaptureSpec | None) -> None:
    container.models.create(keys.tenant, NewModel(name="chat", metadata={"license": "mit"}))
    container.versions.create(keys.tenant, "chat", NewVersion(ContainerSpec(IMAGE)), actor="test")
    variant = VariantSpec(model_name="chat", model_version=1, instance_type="ml.g5.2xlarge")
    request = NewEndpoint(name="ep", variants=[variant], data_capture=capture)
    container.endpoints.create(keys.tenant, request)
    _wait(container, keys)


def _invoke(container: Container, keys: Keys, times: int) -> None:
    for n in range(times):
        body = json.dumps({"n": n}).encode()
        container.invocations.invoke(
            keys.tenant, "ep", InvocationRequest(body=body, content_type="application/json")
        )


def test_an_endpoint_created_with_data_capture_shows_it(container: Container, keys: Keys) -> None:
    _deploy(container, keys, DataCaptureSpec(sampling_percent=40, capture_output=False))
    capture = container.endpoints.get(keys.tenant, "ep").data_capture
    assert capture is not None
    assert (capture.sampling_percent, capture.capture_input, capture.capture_output) == (
        40,
        True,
        False,
    )
    assert capture.destination_s3_uri.endswith(f"/data-capture/{keys.tenant}")


def test_every_invocation_is_returned_when_all_are_captured(
    container: Container, keys: Keys, service: CaptureService
) -> None:
    _deploy(container, keys, DataCaptureSpec(sampling_percent=100))
    _invoke(container, keys, 12)
    page = service.list_captures(keys.tenant, "ep", CapturesRequest(page_size=100))
    assert len(page.items) == 12
    first = page.items[0]
    assert first.variant == "primary"
    assert first.input is not None
    assert json.loads(first.input.data) == {"n": 0}
    assert first.output is not None
    assert first.output.encoding == "JSON"


def test_nothing_is_captured_at_zero_percent(
    container: Container, keys: Keys, service: CaptureService
) -> None:
    _deploy(container, keys, DataCaptureSpec(sampling_percent=0))
    _invoke(container, keys, 3)
    assert service.list_captures(keys.tenant, "ep", CapturesRequest()).items == []


def test_captures_come_in_pages_without_repeats(
    container: Container, keys: Keys, service: CaptureService
) -> None:
    _deploy(container, keys, DataCaptureSpec())
    _invoke(container, keys, 7)
    seen: list[str] = []
    token: str | None = None
    while True:
        page = service.list_captures(
            keys.tenant, "ep", CapturesRequest(page_size=3, page_token=token)
        )
        seen += [record.event_id for record in page.items]
        token = page.next_page_token
        if token is None:
            break
    assert len(seen) == len(set(seen)) == 7


def test_another_tenant_sees_no_captures(
    container: Container, keys: Keys, service: CaptureService
) -> None:
    _deploy(container, keys, DataCaptureSpec())
    _invoke(container, keys, 2)
    with pytest.raises(NotFound):
        service.list_captures(keys.other_tenant, "ep", CapturesRequest())


def test_a_range_wider_than_a_day_is_refused(
    container: Container, keys: Keys, service: CaptureService
) -> None:
    _deploy(container, keys, None)
    end = datetime.now(UTC)
    request = CapturesRequest(start=end - timedelta(days=2), end=end)
    with pytest.raises(BadRequest) as raised:
        service.list_captures(keys.tenant, "ep", request)
    assert raised.value.code == "TIME_RANGE_TOO_WIDE"


def test_data_capture_can_be_turned_on_by_an_update(
    container: Container, keys: Keys, service: CaptureService
) -> None:
    _deploy(container, keys, None)
    container.endpoints.update(keys.tenant, "ep", [], data_capture=DataCaptureSpec())
    _wait(container, keys)
    assert container.endpoints.get(keys.tenant, "ep").data_capture is not None
    _invoke(container, keys, 2)
    assert len(service.list_captures(keys.tenant, "ep", CapturesRequest()).items) == 2


def test_a_blue_green_update_keeps_the_data_capture(container: Container, keys: Keys) -> None:
    _deploy(container, keys, DataCaptureSpec(sampling_percent=30))
    change = VariantChange(name="primary", instance_type="ml.g5.4xlarge")
    container.endpoints.update(keys.tenant, "ep", [change])
    _wait(container, keys)
    capture = container.endpoints.get(keys.tenant, "ep").data_capture
    assert capture is not None
    assert capture.sampling_percent == 30


def test_capturing_neither_input_nor_output_is_refused(container: Container, keys: Keys) -> None:
    with pytest.raises(Unprocessable) as raised:
        _deploy(container, keys, DataCaptureSpec(capture_input=False, capture_output=False))
    assert raised.value.code == "INVALID_DATA_CAPTURE"
