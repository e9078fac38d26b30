"""The fleet index: fresh after MLM's changes, AWS's events and the reconciler."""

from __future__ import annotations

from typing import Any

from mlm.container import Container
from mlm.services.endpoints import names
from tests.botocore_hooks import aws_calls
from tests.conftest import Keys
from tests.polling import poll
from tests.services.fleet_index.conftest import make_endpoint


def indexed(container: Container, tenant: str) -> dict[str, Any]:
    container.fleet_index.forget_cached(tenant)
    return {e.endpoint.name: e for e in container.fleet_index.snapshot(tenant).entries}


def update_behind_mlms_back(container: Container, tenant: str, endpoint: str) -> None:
    """UpdateEndpointWeightsAndCapacities straight through boto3: MLM never hears of it."""
    container.clients.sagemaker().update_endpoint_weights_and_capacities(
        EndpointName=names.endpoint_name(tenant, endpoint),
        DesiredWeightsAndCapacities=[{"VariantName": "primary", "DesiredInstanceCount": 2}],
    )


def test_an_endpoint_mlm_creates_is_in_the_index_at_once(
    container: Container, keys: Keys, live: str
) -> None:
    entry = indexed(container, keys.tenant)[live]
    assert (entry.endpoint.status, entry.versions) == ("in_service", [("chat", 1)])


def test_the_index_lists_no_other_tenants_endpoints(
    container: Container, keys: Keys, live: str
) -> None:
    assert indexed(container, keys.other_tenant) == {}


def test_deployed_to_comes_from_the_index(container: Container, keys: Keys, live: str) -> None:
    assert container.fleet_index.deployments(keys.tenant) == {("chat", 1): ["ep"]}
    assert container.versions.get(keys.tenant, "chat", 1).deployed_to == ["ep"]
    assert container.versions.get(keys.tenant, "chat", 2).deployed_to == []


def test_an_index_read_makes_no_aws_call_per_endpoint(
    container: Container, keys: Keys, chat: None
) -> None:
    for name in ("ep-a", "ep-b", "ep-c"):
        make_endpoint(container, keys.tenant, name)
    indexed(container, keys.tenant)  # the entries written while Creating are read again
    container.fleet_index.forget_cached(keys.tenant)
    with aws_calls(container.clients) as calls:
        entries = container.fleet_index.snapshot(keys.tenant).entries
    assert len(entries) == 3
    assert calls == ["dynamodb:Query"]


def test_an_endpoint_in_transition_is_read_again_on_read(
    container: Container, keys: Keys, live: str
) -> None:
    update_behind_mlms_back(container, keys.tenant, live)
    # The index says in_service; the event may not have been read yet. After the
    # transition the entry still says in_service until something reads it.
    container.fleet_index.observe(keys.tenant, live)  # as an event would
    assert indexed(container, keys.tenant)[live].endpoint.status in {"updating", "in_service"}
    entry = poll(
        lambda: indexed(container, keys.tenant)[live],
        lambda e: (
            e.endpoint.status == "in_service" and e.endpoint.variants[0].current_instance_count == 2
        ),
        "the index to show 2 instances",
    )
    assert entry.aws_status == "InService"


def test_a_change_behind_mlms_back_reaches_the_index_through_its_event(
    container: Container, keys: Keys, live: str
) -> None:
    sqs = container.clients.sqs()
    sqs.purge_queue(
        QueueUrl=sqs.get_queue_url(QueueName=container.settings.fleet_events_queue)["QueueUrl"]
    )
    update_behind_mlms_back(container, keys.tenant, live)

    def drained() -> Any:
        container.fleet_events.drain()
        return indexed(container, keys.tenant)[live]

    entry = poll(
        drained,
        lambda e: e.endpoint.variants[0].desired_instance_count == 2,
        "the event to reach the index",
    )
    assert entry.endpoint.variants[0].desired_instance_count == 2


def test_the_reconciler_catches_a_change_whose_event_was_lost(
    container: Container, keys: Keys, live: str
) -> None:
    update_behind_mlms_back(container, keys.tenant, live)
    poll(
        lambda: container.endpoints.get(keys.tenant, live).status,
        lambda s: s == "in_service",
        "the update to finish",
    )
    report = container.reconciler.run()
    assert names.endpoint_name(keys.tenant, live) in report.refreshed
    assert indexed(container, keys.tenant)[live].endpoint.variants[0].current_instance_count == 2


def test_the_reconciler_forgets_an_endpoint_deleted_behind_mlms_back(
    container: Container, keys: Keys, live: str
) -> None:
    physical = names.endpoint_name(keys.tenant, live)
    container.clients.sagemaker().delete_endpoint(EndpointName=physical)
    poll(
        lambda: container.hosting.describe_endpoint(physical),
        lambda record: record is None,
        "the endpoint to be gone",
    )
    report = container.reconciler.run()
    assert physical in report.forgotten
    assert live not in indexed(container, keys.tenant)


def test_a_quiet_fleet_reconciles_without_describing_any_endpoint(
    container: Container, keys: Keys, live: str
) -> None:
    container.reconciler.run()
    with aws_calls(container.clients) as calls:
        report = container.reconciler.run()
    assert names.endpoint_name(keys.tenant, live) not in report.refreshed
    # Other tests' endpoints share the emulator: only those that changed are described.
    assert calls.count("sagemaker:DescribeEndpoint") == len(report.refreshed)


def test_a_tenant_never_reconciled_is_built_from_aws_on_first_read(
    container: Container, keys: Keys, live: str
) -> None:
    table = container.fleet_table
    for record in table.tenant(keys.tenant)[0]:
        table.delete(keys.tenant, record.endpoint, observed_before=float("inf"))
    container.clients.dynamodb().delete_item(
        TableName=container.settings.fleet_table,
        Key={"tenant": {"S": keys.tenant}, "endpoint": {"S": "#reconciled"}},
    )
    assert list(indexed(container, keys.tenant)) == [live]
