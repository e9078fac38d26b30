"""Updates with auto-rollback: MLM puts the alarms, SageMaker (emulated) watches them.

The emulator shifts traffic step by step and rolls a baking update back when a watched
alarm goes into ALARM (``tests/emulator/test_rollouts.py`` shows that part on its own);
these tests show what MLM adds: the alarms it creates, the checks of what it is asked to
watch, and what the endpoint's view says before, during and after a rollback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from mlm.container import Container
from mlm.emulator.patches import clock
from mlm.emulator.patches.failures import MODEL_ERROR_ENV
from mlm.errors import Unprocessable
from mlm.services.alarms.kinds import KINDS
from mlm.services.endpoints import names
from mlm.services.endpoints.requests import (
    AutoRollback,
    Deployment,
    RollbackAlarm,
    VariantChange,
)
from mlm.services.endpoints.service import EndpointService
from mlm.services.endpoints.views import Endpoint
from tests.conftest import Keys
from tests.polling import poll
from tests.services.endpoints.conftest import failed_invocations, wait_for

MakeVersion = Callable[..., int]
BAKE = 300


@pytest.fixture(autouse=True)
def wall_clock_after() -> Iterator[None]:
    yield
    clock.back_to_wall_clock()


@pytest.fixture
def faulty(make_version: MakeVersion) -> int:
    """Version 2 of chat: it deploys, then answers every invocation with a 500."""
    return make_version(environment={MODEL_ERROR_ENV: "500 CUDA out of memory"})


def _canary(guard: AutoRollback | None = None, wait_s: int = BAKE) -> Deployment:
    return Deployment(
        "canary", traffic_percent=50, wait_seconds=wait_s, auto_rollback=guard or AutoRollback()
    )


def _to_version(
    service: EndpointService, keys: Keys, version: int, deployment: Deployment
) -> Endpoint:
    return service.update(
        keys.tenant, "chat-ep", [VariantChange("primary", model_version=version)], deployment
    )


def _baking(service: EndpointService, keys: Keys) -> Endpoint:
    found: Endpoint = poll(
        lambda: service.get(keys.tenant, "chat-ep"),
        lambda e: e.variants[0].status == "baking",
        "chat-ep to bake",
    )
    return found


def _rolled_out(
    service: EndpointService,
    container: Container,
    keys: Keys,
    version: int,
    deployment: Deployment,
    bake_s: float,
) -> tuple[int, Endpoint]:
    """Update to ``version``, send 30 invocations while step 1 bakes, let ``bake_s`` AWS
    seconds pass; (how many failed, the endpoint once in service again)."""
    _to_version(service, keys, version, deployment)
    _baking(service, keys)
    failed = failed_invocations(container, keys.tenant, 30)
    clock.travel(bake_s)
    return failed, wait_for(service, keys.tenant, "chat-ep", "in_service")


def _alarms(container: Container, keys: Keys) -> dict[str, Any]:
    cw = container.clients.cloudwatch()
    prefix = names.endpoint_name(keys.tenant, "chat-ep")
    return {a["AlarmName"]: a for a in cw.describe_alarms(AlarmNamePrefix=prefix)["MetricAlarms"]}


def test_a_canary_to_a_faulty_version_rolls_back_by_itself(
    endpoint_service: EndpointService,
    container: Container,
    keys: Keys,
    live: Endpoint,
    faulty: int,
) -> None:
    failed, done = _rolled_out(endpoint_service, container, keys, faulty, _canary(), 60)
    assert failed > 0
    assert done.variants[0].model_version == 1
    assert done.failure_reason is not None
    assert done.failure_reason.startswith(
        f"Deployment rolled back: alarm {names.endpoint_name(keys.tenant, 'chat-ep')}"
        "--alarm-rollback-error_rate_5xx-primary went into ALARM while step 1 of 2 was baking"
    )
    assert failed_invocations(container, keys.tenant, 5) == 0


def test_a_canary_to_a_good_version_completes_under_its_alarms(
    endpoint_service: EndpointService,
    container: Container,
    keys: Keys,
    live: Endpoint,
    make_version: MakeVersion,
) -> None:
    good = make_version()
    failed, done = _rolled_out(endpoint_service, container, keys, good, _canary(), BAKE)
    assert failed == 0
    assert (done.variants[0].model_version, done.failure_reason) == (good, None)


def test_without_alarms_named_mlm_watches_a_5xx_rate_above_5_percent(
    endpoint_service: EndpointService, container: Container, keys: Keys, live: Endpoint, faulty: int
) -> None:
    _to_version(endpoint_service, keys, faulty, _canary())
    [alarm] = _alarms(container, keys).values()
    assert alarm["AlarmName"].endswith("--alarm-rollback-error_rate_5xx-primary")
    assert alarm["Threshold"] == KINDS["error_rate_5xx"].default_threshold == 5.0


def test_the_requested_alarms_are_made_with_their_thresholds(
    endpoint_service: EndpointService, container: Container, keys: Keys, live: Endpoint, faulty: int
) -> None:
    guard = AutoRollback(
        alarms=(RollbackAlarm("error_rate_5xx", 1.0), RollbackAlarm("latency_p99_ms", 250.0))
    )
    _to_version(endpoint_service, keys, faulty, _canary(guard))
    thresholds = {
        name.rsplit("rollback-", 1)[1]: a["Threshold"]
        for name, a in _alarms(container, keys).items()
    }
    assert thresholds == {"error_rate_5xx-primary": 1.0, "latency_p99_ms-primary": 250_000.0}


def test_the_next_guarded_update_replaces_the_alarms(
    endpoint_service: EndpointService,
    container: Container,
    keys: Keys,
    live: Endpoint,
    make_version: MakeVersion,
) -> None:
    latency = AutoRollback(alarms=(RollbackAlarm("latency_p99_ms", 250.0),))
    _to_version(endpoint_service, keys, make_version(), _canary(wait_s=60))
    clock.travel(60)
    wait_for(endpoint_service, keys.tenant, "chat-ep", "in_service")
    _to_version(endpoint_service, keys, make_version(), _canary(latency))
    assert [n.rsplit("rollback-", 1)[1] for n in _alarms(container, keys)] == [
        "latency_p99_ms-primary"
    ]


def test_a_callers_own_alarm_is_watched_by_name(
    endpoint_service: EndpointService, container: Container, keys: Keys, live: Endpoint, faulty: int
) -> None:
    own = f"{names.endpoint_name(keys.tenant, 'chat-ep')}-team-5xx"
    container.clients.cloudwatch().put_metric_alarm(
        AlarmName=own,
        Namespace="AWS/SageMaker",
        MetricName="Invocation5XXErrors",
        Dimensions=[
            {"Name": "EndpointName", "Value": names.endpoint_name(keys.tenant, "chat-ep")},
            {"Name": "VariantName", "Value": "primary"},
        ],
        Statistic="Sum",
        Period=60,
        EvaluationPeriods=1,
        Threshold=0,
        ComparisonOperator="GreaterThanThreshold",
    )
    guard = _canary(AutoRollback(alarm_names=(own,)))
    _, done = _rolled_out(endpoint_service, container, keys, faulty, guard, 60)
    assert done.failure_reason is not None
    assert f"alarm {own} went into ALARM" in done.failure_reason


@pytest.mark.parametrize(
    ("deployment", "field"),
    [
        (_canary(wait_s=30), "deployment.wait_seconds"),
        (
            _canary(AutoRollback(alarms=(RollbackAlarm("no_traffic"),))),
            "deployment.auto_rollback.alarms[0].kind",
        ),
        (
            _canary(AutoRollback(alarms=(RollbackAlarm("latency_p99_ms"),))),
            "deployment.auto_rollback.alarms[0].threshold",
        ),
        (
            _canary(
                AutoRollback(
                    alarms=(RollbackAlarm("error_rate_5xx"),),
                    alarm_names=tuple(f"a{i}" for i in range(10)),
                )
            ),
            "deployment.auto_rollback",
        ),
        (
            _canary(AutoRollback(alarm_names=("mlm-someoneelse-x",))),
            "deployment.auto_rollback.alarm_names",
        ),
        (
            Deployment("canary", 50, 300, maximum_execution_seconds=60),
            "deployment.maximum_execution_seconds",
        ),
    ],
    ids=[
        "bake-too-short",
        "no-traffic",
        "no-threshold",
        "too-many",
        "foreign",
        "timeout-too-short",
    ],
)
def test_a_guard_that_cannot_work_is_refused_before_anything_is_made(
    endpoint_service: EndpointService,
    container: Container,
    keys: Keys,
    live: Endpoint,
    faulty: int,
    deployment: Deployment,
    field: str,
) -> None:
    with pytest.raises(Unprocessable) as caught:
        _to_version(endpoint_service, keys, faulty, deployment)
    assert caught.value.errors[0].field == field
    assert _alarms(container, keys) == {}
    assert endpoint_service.get(keys.tenant, "chat-ep").status == "in_service"


def test_an_alarm_name_that_does_not_exist_is_unknown_alarm(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint, faulty: int
) -> None:
    guard = AutoRollback(alarm_names=(f"mlm-{keys.tenant}-nope",))
    with pytest.raises(Unprocessable) as caught:
        _to_version(endpoint_service, keys, faulty, _canary(guard))
    assert caught.value.code == "UNKNOWN_ALARM"
    assert f"mlm-{keys.tenant}-nope" in caught.value.detail


def test_the_view_shows_the_rollouts_step_and_what_it_watches(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint, faulty: int
) -> None:
    _to_version(endpoint_service, keys, faulty, _canary())
    baking = _baking(endpoint_service, keys).to_api()
    assert baking["variants"][0]["status_message"].startswith(
        "Step 1 of 2: 50% of traffic on the new fleet; baking until "
    )
    physical = names.endpoint_name(keys.tenant, "chat-ep")
    assert baking["deployment"] == {
        "strategy": "canary",
        "traffic_percent": 50,
        "wait_seconds": BAKE,
        "termination_wait_seconds": 0,
        "maximum_execution_seconds": None,
        "rollback_alarms": [f"{physical}--alarm-rollback-error_rate_5xx-primary"],
        "batch_size": None,
        "rollback_batch_size": None,
    }


def test_an_endpoint_never_updated_blue_green_has_no_deployment(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint
) -> None:
    assert endpoint_service.get(keys.tenant, "chat-ep").deployment is None


def test_repeating_a_guarded_change_that_was_made_changes_nothing(
    endpoint_service: EndpointService, keys: Keys, live: Endpoint, make_version: MakeVersion
) -> None:
    """A retry whose first attempt's reply was lost must converge, not answer 422."""
    good = make_version()
    _to_version(endpoint_service, keys, good, _canary(wait_s=60))
    clock.travel(60)
    wait_for(endpoint_service, keys.tenant, "chat-ep", "in_service")
    again = _to_version(endpoint_service, keys, good, _canary(wait_s=60))
    assert (again.status, again.variants[0].model_version) == ("in_service", good)
