"""Rolling updates: a model version or instance type change replaced a batch at a time.

The emulator provisions each batch, shifts its share of traffic and bakes it under the
alarms (``tests/emulator/test_rollouts.py``); these tests show what MLM adds: the checks of
the batch against the fleet before anything is made, the RollingUpdatePolicy it asks for,
and what the endpoint's view says while and after it runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from mlm.container import Container
from mlm.emulator.patches import clock
from mlm.emulator.patches.failures import MODEL_ERROR_ENV
from mlm.errors import Unprocessable
from mlm.services.endpoints import names
from mlm.services.endpoints.requests import AutoRollback, BatchSize, Deployment, VariantChange
from mlm.services.endpoints.service import EndpointService
from mlm.services.endpoints.views import Endpoint
from tests.conftest import Keys
from tests.polling import poll
from tests.services.endpoints.conftest import failed_invocations, leftovers, new, wait_for

MakeVersion = Callable[..., int]
BAKE = 300
ONE = BatchSize("instances", 1)


@pytest.fixture(autouse=True)
def wall_clock_after() -> Iterator[None]:
    yield
    clock.back_to_wall_clock()


@pytest.fixture
def fleet(endpoint_service: EndpointService, keys: Keys, make_version: MakeVersion) -> Endpoint:
    """'chat-ep' in service on chat v1, two ml.g5.2xlarge instances."""
    make_version()
    endpoint_service.create(keys.tenant, new(instance_count=2))
    return wait_for(endpoint_service, keys.tenant, "chat-ep", "in_service")


def _rolling(batch: BatchSize | None = ONE, guard: AutoRollback | None = None) -> Deployment:
    return Deployment(
        "rolling", wait_seconds=BAKE, batch_size=batch, auto_rollback=guard or AutoRollback()
    )


def _to_version(
    service: EndpointService, keys: Keys, version: int, deployment: Deployment
) -> Endpoint:
    return service.update(
        keys.tenant, "chat-ep", [VariantChange("primary", model_version=version)], deployment
    )


def _baking(service: EndpointService, keys: Keys, step: str) -> Endpoint:
    found: Endpoint = poll(
        lambda: service.get(keys.tenant, "chat-ep"),
        lambda e: (
            e.variants[0].status == "baking"
            and (e.variants[0].status_message or "").startswith(step)
        ),
        f"chat-ep to bake {step}",
    )
    return found


def test_a_rolling_update_goes_batch_by_batch_and_completes(
    endpoint_service: EndpointService,
    keys: Keys,
    fleet: Endpoint,
    make_version: MakeVersion,
) -> None:
    good = make_version()
    _to_version(endpoint_service, keys, good, _rolling())
    first = _baking(endpoint_service, keys, "Step 1 of 2: 50% of traffic on the new fleet")
    clock.travel(BAKE)
    _baking(endpoint_service, keys, "Step 2 of 2: 100% of traffic on the new fleet")
    clock.travel(BAKE)
    done = wait_for(endpoint_service, keys.tenant, "chat-ep", "in_service")
    assert (done.variants[0].model_version, done.failure_reason) == (good, None)
    assert first.to_api()["deployment"]["strategy"] == "rolling"


def test_a_rolling_update_to_a_faulty_version_rolls_back_by_itself(
    endpoint_service: EndpointService,
    container: Container,
    keys: Keys,
    fleet: Endpoint,
    make_version: MakeVersion,
) -> None:
    faulty = make_version(environment={MODEL_ERROR_ENV: "500 CUDA out of memory"})
    _to_version(endpoint_service, keys, faulty, _rolling())
    _baking(endpoint_service, keys, "Step 1 of 2")
    assert failed_invocations(container, keys.tenant, 30) > 0
    clock.travel(60)
    done = wait_for(endpoint_service, keys.tenant, "chat-ep", "in_service")
    assert done.variants[0].model_version == 1
    assert done.failure_reason is not None
    assert "went into ALARM while step 1 of 2 was baking" in done.failure_reason
    assert failed_invocations(container, keys.tenant, 5) == 0


def test_the_view_shows_the_rolling_policy(
    endpoint_service: EndpointService, keys: Keys, fleet: Endpoint, make_version: MakeVersion
) -> None:
    deployment = Deployment(
        "rolling",
        wait_seconds=BAKE,
        batch_size=BatchSize("percent", 50),
        rollback_batch_size=ONE,
        auto_rollback=AutoRollback(),
        maximum_execution_seconds=3600,
    )
    _to_version(endpoint_service, keys, make_version(), deployment)
    view = _baking(endpoint_service, keys, "Step 1 of 2").to_api()
    physical = names.endpoint_name(keys.tenant, "chat-ep")
    assert view["deployment"] == {
        "strategy": "rolling",
        "traffic_percent": None,
        "wait_seconds": BAKE,
        "termination_wait_seconds": 0,
        "maximum_execution_seconds": 3600,
        "rollback_alarms": [f"{physical}--alarm-rollback-error_rate_5xx-primary"],
        "batch_size": {"unit": "percent", "value": 50},
        "rollback_batch_size": {"unit": "instances", "value": 1},
    }


def test_a_one_instance_variant_cannot_roll_and_nothing_is_made(
    endpoint_service: EndpointService,
    container: Container,
    keys: Keys,
    make_version: MakeVersion,
) -> None:
    make_version()
    endpoint_service.create(keys.tenant, new())
    wait_for(endpoint_service, keys.tenant, "chat-ep", "in_service")
    before = leftovers(container, keys.tenant)
    with pytest.raises(Unprocessable) as caught:
        _to_version(endpoint_service, keys, make_version(), _rolling())
    assert caught.value.code == "INVALID_ENDPOINT_UPDATE"
    assert "needs at least 2 instances" in caught.value.detail
    assert leftovers(container, keys.tenant) == before
    assert endpoint_service.get(keys.tenant, "chat-ep").status == "in_service"


@pytest.mark.parametrize(
    ("deployment", "field"),
    [
        (Deployment("rolling", wait_seconds=BAKE), "deployment.batch_size"),
        (Deployment("rolling", batch_size=ONE, traffic_percent=20), "deployment.traffic_percent"),
        (
            Deployment("rolling", batch_size=ONE, termination_wait_seconds=60),
            "deployment.termination_wait_seconds",
        ),
        (Deployment("canary", traffic_percent=20, batch_size=ONE), "deployment.batch_size"),
        (
            Deployment("rolling", batch_size=BatchSize("percent", 60)),
            "deployment.batch_size.value",
        ),
        (
            Deployment("rolling", batch_size=ONE, rollback_batch_size=BatchSize("percent", 0)),
            "deployment.rollback_batch_size.value",
        ),
    ],
    ids=[
        "no-batch",
        "traffic-percent",
        "termination-wait",
        "batch-for-canary",
        "batch-over-half",
        "rollback-of-nothing",
    ],
)
def test_a_rolling_update_that_cannot_work_is_refused_naming_the_field(
    endpoint_service: EndpointService,
    keys: Keys,
    fleet: Endpoint,
    make_version: MakeVersion,
    deployment: Deployment,
    field: str,
) -> None:
    with pytest.raises(Unprocessable) as caught:
        _to_version(endpoint_service, keys, make_version(), deployment)
    assert caught.value.errors[0].field == field


def test_a_batch_larger_than_half_the_variant_names_the_instances_it_may_have(
    endpoint_service: EndpointService, keys: Keys, fleet: Endpoint, make_version: MakeVersion
) -> None:
    with pytest.raises(Unprocessable) as caught:
        _to_version(endpoint_service, keys, make_version(), _rolling(BatchSize("instances", 2)))
    assert caught.value.detail.endswith("of them: 1 instance")
