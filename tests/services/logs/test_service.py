"""LogService against the emulator, without HTTP: endpoints' container lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from mlm.container import Container
from mlm.errors import BadRequest, NotFound
from mlm.services.endpoints.requests import NewEndpoint, VariantSpec
from mlm.services.invocations.requests import InvocationRequest
from mlm.services.logs.requests import LogsRequest
from mlm.services.logs.service import LogService, Source
from mlm.services.logs.views import LogLine
from mlm.services.registry.requests import ContainerSpec, NewModel, NewVersion
from tests.conftest import Keys
from tests.polling import poll

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"


@pytest.fixture
def service(container: Container) -> LogService:
    return container.logs


def _variant(name: str, count: int = 1) -> VariantSpec:
    return VariantSpec(
        name=name,
        model_name="chat",
        model_version=1,
        instance_type="ml.g5.2xlarge",
        instance_count=count,
        initial_weight=1.0,
    )


@pytest.fixture
def endpoint(container: Container, keys: Keys) -> str:
    """An in-service endpoint (variants a: 2 instances, b: 1) that served 12 requests."""
    container.models.create(keys.tenant, NewModel(name="chat", metadata={"license": "mit"}))
    container.versions.create(keys.tenant, "chat", NewVersion(ContainerSpec(IMAGE)), actor="test")
    request = NewEndpoint(
        name="ep", variants=[_variant("a", 2), _variant("b")], enhanced_metrics=False, tags={}
    )
    container.endpoints.create(keys.tenant, request)
    poll(
        lambda: container.endpoints.get(keys.tenant, "ep").status,
        lambda status: status == "in_service",
        "ep to be in_service",
    )
    for n in range(12):
        body = json.dumps({"inputs": n}).encode()
        call = InvocationRequest(body=body, content_type="application/json")
        container.invocations.invoke(keys.tenant, "ep", call)
    return "ep"


def _read(service: LogService, tenant: str, request: LogsRequest) -> list[str]:
    page = service.page(tenant, service.endpoint_source(tenant, "ep", request), request)
    return [line.message for line in page.items]


def test_the_endpoints_logs_show_every_invocation(
    service: LogService, keys: Keys, endpoint: str
) -> None:
    lines = _read(service, keys.tenant, LogsRequest(page_size=100))
    assert len([line for line in lines if "POST /invocations 200" in line]) == 12


def test_lines_come_oldest_first_with_their_variant_and_instance(
    service: LogService, keys: Keys, endpoint: str
) -> None:
    request = LogsRequest(page_size=100)
    page = service.page(keys.tenant, service.endpoint_source(keys.tenant, "ep", request), request)
    stamps = [line.timestamp for line in page.items]
    assert stamps == sorted(stamps)
    assert {(line.variant, line.stream.split("/")[1]) for line in page.items} == {
        (line.variant, line.instance_id) for line in page.items
    }
    assert {line.variant for line in page.items} == {"a", "b"}


def test_a_variant_narrows_the_lines_to_its_instances(
    service: LogService, keys: Keys, endpoint: str
) -> None:
    request = LogsRequest(variant="a", page_size=100)
    page = service.page(keys.tenant, service.endpoint_source(keys.tenant, "ep", request), request)
    assert {line.variant for line in page.items} == {"a"}
    assert len({line.instance_id for line in page.items}) == 2


def test_an_instance_narrows_the_lines_to_that_instance(
    service: LogService, keys: Keys, endpoint: str
) -> None:
    everything = LogsRequest(variant="a", page_size=100)
    source = service.endpoint_source(keys.tenant, "ep", everything)
    instance = service.page(keys.tenant, source, everything).items[0].instance_id
    request = LogsRequest(variant="a", instance_id=instance, page_size=100)
    page = service.page(keys.tenant, service.endpoint_source(keys.tenant, "ep", request), request)
    assert page.items
    assert {line.instance_id for line in page.items} == {instance}


def test_contains_keeps_only_the_lines_with_that_text(
    service: LogService, keys: Keys, endpoint: str
) -> None:
    lines = _read(service, keys.tenant, LogsRequest(text="Model server started", page_size=100))
    assert len(lines) == 3  # one per instance


def test_pages_follow_each_other_without_repeats(
    service: LogService, keys: Keys, endpoint: str
) -> None:
    request = LogsRequest(page_size=5)
    source = service.endpoint_source(keys.tenant, "ep", request)
    seen: list[str] = []
    token: str | None = None
    while True:
        page = service.page(keys.tenant, source, LogsRequest(page_size=5, page_token=token))
        seen += [line.event_id for line in page.items]
        token = page.next_page_token
        if token is None:
            break
    everything = service.page(keys.tenant, source, LogsRequest(page_size=100)).items
    assert seen == [line.event_id for line in everything]


def test_a_page_token_for_other_filters_is_refused(
    service: LogService, keys: Keys, endpoint: str
) -> None:
    request = LogsRequest(page_size=1)
    source = service.endpoint_source(keys.tenant, "ep", request)
    token = service.page(keys.tenant, source, request).next_page_token
    with pytest.raises(BadRequest) as raised:
        service.page(keys.tenant, source, LogsRequest(text="ERROR", page_token=token))
    assert raised.value.code == "INVALID_PAGE_TOKEN"


def test_a_range_before_the_endpoint_existed_has_no_lines(
    service: LogService, keys: Keys, endpoint: str
) -> None:
    end = datetime.now(UTC) - timedelta(hours=2)
    assert _read(service, keys.tenant, LogsRequest(start=end - timedelta(hours=1), end=end)) == []


def test_another_tenants_endpoint_is_not_found(
    service: LogService, keys: Keys, endpoint: str
) -> None:
    with pytest.raises(NotFound):
        service.endpoint_source(keys.other_tenant, "ep", LogsRequest())


def test_an_instance_without_its_variant_is_refused(service: LogService, keys: Keys) -> None:
    with pytest.raises(BadRequest) as raised:
        service.endpoint_source(keys.tenant, "ep", LogsRequest(instance_id="i-0123456789abcdef0"))
    assert raised.value.code == "INSTANCE_NEEDS_VARIANT"


def test_a_filter_with_a_double_quote_is_refused(
    service: LogService, keys: Keys, endpoint: str
) -> None:
    with pytest.raises(BadRequest) as raised:
        _read(service, keys.tenant, LogsRequest(text='say "hi"'))
    assert raised.value.code == "INVALID_LOG_FILTER"


def test_following_yields_lines_that_arrive_later_once_each(
    service: LogService, container: Container, keys: Keys, endpoint: str
) -> None:
    request = LogsRequest(text="/invocations 200", start=datetime.now(UTC))

    def source() -> Source:
        return service.endpoint_source(keys.tenant, "ep", request)

    lines = service.follow(keys.tenant, source, request, seconds=30, poll_seconds=0.05)
    assert next(lines) is None  # nothing new yet: a heartbeat
    call = InvocationRequest(body=b'{"late": true}', content_type="application/json")
    container.invocations.invoke(keys.tenant, "ep", call)
    container.invocations.invoke(keys.tenant, "ep", call)
    got = _take(lines, 2)
    assert len({line.event_id for line in got}) == 2


def _take(lines: Iterator[LogLine | None], count: int) -> list[LogLine]:
    found = []
    for line in lines:
        if line is not None:
            found.append(line)
            if len(found) == count:
                break
    return found
