"""AlarmService against the emulator: alarms set on an endpoint's variants, their states
following the emulated model's failures, the SNS topic they notify."""

from __future__ import annotations

import json
from contextlib import suppress

import pytest

from mlm.aws.alarms import EndpointAlarmStore
from mlm.container import Container
from mlm.errors import ModelFailed, NotFound, Unprocessable
from mlm.services.alarms import RollbackAlarms
from mlm.services.alarms.service import AlarmRequest, AlarmService, rollback_prefix
from mlm.services.endpoints.requests import AutoRollback, NewEndpoint, VariantSpec
from mlm.services.invocations.requests import InvocationRequest
from mlm.services.registry.requests import ContainerSpec, NewModel, NewVersion
from tests.conftest import Keys
from tests.polling import poll

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"
FAIL = json.dumps({"mlm_emulator": {"model_error": {"status": 500}}}).encode()


@pytest.fixture
def service(container: Container) -> AlarmService:
    return container.alarms


@pytest.fixture
def endpoint(container: Container, keys: Keys) -> str:
    container.models.create(keys.tenant, NewModel(name="chat", metadata={"license": "mit"}))
    container.versions.create(keys.tenant, "chat", NewVersion(ContainerSpec(IMAGE)), actor="test")
    variant = VariantSpec(model_name="chat", model_version=1, instance_type="ml.g5.2xlarge")
    container.endpoints.create(keys.tenant, NewEndpoint(name="ep", variants=[variant]))
    poll(
        lambda: container.endpoints.get(keys.tenant, "ep").status,
        lambda status: status == "in_service",
        "ep to be in_service",
    )
    return "ep"


def _invoke(container: Container, keys: Keys, body: bytes) -> None:
    call = InvocationRequest(body=body, content_type="application/json")
    with suppress(ModelFailed):
        container.invocations.invoke(keys.tenant, "ep", call)


def test_set_alarms_are_listed_with_their_thresholds_and_topic(
    service: AlarmService, keys: Keys, endpoint: str
) -> None:
    wanted = [AlarmRequest("error_rate_5xx", 10), AlarmRequest("latency_p99_ms", 250)]
    alarms = service.put(keys.tenant, endpoint, wanted)
    assert [(a.kind, a.variant, a.threshold) for a in alarms.alarms] == [
        ("error_rate_5xx", "primary", 10.0),
        ("latency_p99_ms", "primary", 250.0),
    ]
    assert alarms.topic_arn is not None
    assert alarms.topic_arn.endswith("--alerts")


def test_a_5xx_rate_alarm_goes_to_alarm_when_the_model_fails(
    service: AlarmService, container: Container, keys: Keys, endpoint: str
) -> None:
    service.put(keys.tenant, endpoint, [AlarmRequest("error_rate_5xx", 5)])
    for _ in range(3):
        _invoke(container, keys, FAIL)
    _invoke(container, keys, b"{}")
    [alarm] = service.get(keys.tenant, endpoint).alarms
    assert alarm.state == "alarm"
    assert "greater than the threshold (5)" in alarm.reason


def test_a_healthy_endpoint_keeps_its_5xx_alarm_ok(
    service: AlarmService, container: Container, keys: Keys, endpoint: str
) -> None:
    service.put(keys.tenant, endpoint, [AlarmRequest("error_rate_5xx", 5)])
    for _ in range(3):
        _invoke(container, keys, b"{}")
    [alarm] = service.get(keys.tenant, endpoint).alarms
    assert alarm.state == "ok"


def test_setting_fewer_alarms_removes_the_others(
    service: AlarmService, keys: Keys, endpoint: str
) -> None:
    service.put(keys.tenant, endpoint, [AlarmRequest("no_traffic"), AlarmRequest("error_rate_5xx")])
    alarms = service.put(keys.tenant, endpoint, [AlarmRequest("no_traffic")])
    assert [a.kind for a in alarms.alarms] == ["no_traffic"]


def test_a_latency_alarm_without_a_threshold_is_refused(
    service: AlarmService, keys: Keys, endpoint: str
) -> None:
    with pytest.raises(Unprocessable) as raised:
        service.put(keys.tenant, endpoint, [AlarmRequest("latency_p99_ms")])
    assert raised.value.code == "INVALID_ALARMS"


def test_another_tenants_endpoint_alarms_are_not_found(
    service: AlarmService, keys: Keys, endpoint: str
) -> None:
    service.put(keys.tenant, endpoint, [AlarmRequest("no_traffic")])
    with pytest.raises(NotFound):
        service.get(keys.other_tenant, endpoint)


def test_an_email_subscription_waits_for_confirmation(
    service: AlarmService, keys: Keys, endpoint: str
) -> None:
    made = service.subscribe(keys.tenant, endpoint, "email", "oncall@example.com")
    assert (made.protocol, made.endpoint) == ("email", "oncall@example.com")
    assert made.arn == "pending confirmation"


def test_removing_them_all_leaves_no_alarm(
    service: AlarmService, keys: Keys, endpoint: str
) -> None:
    service.put(keys.tenant, endpoint, [AlarmRequest("no_traffic")])
    service.remove_all(keys.tenant, endpoint)
    assert service.get(keys.tenant, endpoint).alarms == []


def _guards(container: Container, keys: Keys) -> list[str]:
    cw = container.clients.cloudwatch()
    prefix = rollback_prefix(keys.tenant, "ep")
    return [a["AlarmName"] for a in cw.describe_alarms(AlarmNamePrefix=prefix)["MetricAlarms"]]


def test_the_endpoints_alarms_neither_list_nor_replace_its_rollout_guards(
    service: AlarmService, container: Container, keys: Keys, endpoint: str
) -> None:
    guards = RollbackAlarms(EndpointAlarmStore(container.clients.cloudwatch()), container.catalog)
    guards.prepare(keys.tenant, endpoint, [("primary", "ml.g5.2xlarge")], AutoRollback())
    alarms = service.put(keys.tenant, endpoint, [AlarmRequest("no_traffic")])
    assert [a.kind for a in alarms.alarms] == ["no_traffic"]
    assert len(_guards(container, keys)) == 1


def test_removing_them_all_removes_the_rollout_guards_too(
    service: AlarmService, container: Container, keys: Keys, endpoint: str
) -> None:
    guards = RollbackAlarms(EndpointAlarmStore(container.clients.cloudwatch()), container.catalog)
    guards.prepare(keys.tenant, endpoint, [("primary", "ml.g5.2xlarge")], AutoRollback())
    service.remove_all(keys.tenant, endpoint)
    assert _guards(container, keys) == []
