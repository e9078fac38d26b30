"""The janitor over the emulator: what no endpoint uses goes, once old enough; nothing else."""

from __future__ import annotations

import dataclasses
import time

import pytest

from mlm import naming
from mlm.aws.leases import Lease, LeaseTable
from mlm.aws.sagemaker_hosting import NewModel, NewVariant, SageMakerHosting
from mlm.container import Container
from mlm.services.janitor import Janitor
from tests.conftest import Keys, Transitions
from tests.polling import poll

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"
GRACE = 900.0
LATER = 3600.0  # the janitor's clock runs this far ahead: everything made now is old


@pytest.fixture
def hosting(container: Container) -> SageMakerHosting:
    return SageMakerHosting(container.clients.sagemaker())


@pytest.fixture
def leases(container: Container) -> LeaseTable:
    return LeaseTable(container.clients.dynamodb(), container.settings.lease_table)


def janitor(
    hosting: SageMakerHosting, leases: LeaseTable, keys: Keys | None, ahead: float = LATER
) -> Janitor:
    """A janitor of ``keys``' tenant (of every tenant with None: as the service runs it,
    but slow here, where the emulator holds what every test of the process made)."""
    scope = "mlm-" if keys is None else naming.tenant_prefix(keys.tenant)
    return Janitor(hosting, leases, GRACE, clock=lambda: time.time() + ahead, scope=scope)


@pytest.fixture
def package_arn(container: Container, keys: Keys) -> str:
    sm = container.clients.sagemaker()
    group = f"mlm-{keys.tenant}-chat"
    sm.create_model_package_group(ModelPackageGroupName=group)
    return sm.create_model_package(
        ModelPackageGroupName=group, InferenceSpecification={"Containers": [{"Image": IMAGE}]}
    )["ModelPackageArn"]


def managed(keys: Keys) -> dict[str, str]:
    return {"mlm:managed-by": "mlm", "mlm:tenant": keys.tenant}


def parts(
    hosting: SageMakerHosting,
    container: Container,
    keys: Keys,
    package_arn: str,
    endpoint: str = "ep",
    digest: str = "aaaaaaaa",
    tags: dict[str, str] | None = None,
) -> tuple[str, str]:
    """A config and its model as an endpoint change makes them; their names."""
    prefix = f"mlm-{keys.tenant}-{endpoint}--"
    model, config = f"{prefix}m-{digest}-0", f"{prefix}c-{digest}"
    tags = managed(keys) if tags is None else tags
    hosting.ensure_model(NewModel(model, package_arn), container.settings.execution_role_arn, tags)
    hosting.ensure_config(
        config, [NewVariant("primary", model, "ml.g5.xlarge", 1, 1.0)], False, tags
    )
    return config, model


def exists(hosting: SageMakerHosting, config: str, model: str) -> tuple[bool, bool]:
    return (
        hosting.describe_config(config, fresh=True) is not None,
        hosting.describe_model(model, fresh=True) is not None,
    )


def test_parts_no_endpoint_uses_are_removed_once_old(
    hosting: SageMakerHosting,
    leases: LeaseTable,
    container: Container,
    keys: Keys,
    package_arn: str,
) -> None:
    config, model = parts(hosting, container, keys, package_arn)
    report = janitor(hosting, leases, None).sweep()
    assert (config in report.configs, model in report.models) == (True, True)
    assert exists(hosting, config, model) == (False, False)


def test_parts_younger_than_the_grace_period_stay(
    hosting: SageMakerHosting,
    leases: LeaseTable,
    container: Container,
    keys: Keys,
    package_arn: str,
) -> None:
    config, model = parts(hosting, container, keys, package_arn)
    report = janitor(hosting, leases, keys, ahead=0).sweep()
    assert config not in report.configs
    assert exists(hosting, config, model) == (True, True)


def test_a_dry_run_lists_but_removes_nothing(
    hosting: SageMakerHosting,
    leases: LeaseTable,
    container: Container,
    keys: Keys,
    package_arn: str,
) -> None:
    config, model = parts(hosting, container, keys, package_arn)
    report = janitor(hosting, leases, keys).sweep(dry_run=True)
    assert (config in report.configs, model in report.models) == (True, True)
    assert exists(hosting, config, model) == (True, True)


def test_parts_without_mlms_tag_stay(
    hosting: SageMakerHosting,
    leases: LeaseTable,
    container: Container,
    keys: Keys,
    package_arn: str,
) -> None:
    config, model = parts(hosting, container, keys, package_arn, tags={})
    janitor(hosting, leases, keys).sweep()
    assert exists(hosting, config, model) == (True, True)


def test_what_an_endpoint_serves_stays(
    hosting: SageMakerHosting,
    leases: LeaseTable,
    container: Container,
    keys: Keys,
    package_arn: str,
) -> None:
    config, model = parts(hosting, container, keys, package_arn)
    hosting.create_endpoint(f"mlm-{keys.tenant}-ep", config, managed(keys))
    poll(
        lambda: hosting.describe_endpoint(f"mlm-{keys.tenant}-ep"),
        lambda r: r is not None and r.status == "InService",
        "the endpoint to be in service",
    )
    janitor(hosting, leases, keys).sweep()
    assert exists(hosting, config, model) == (True, True)


def test_an_endpoint_that_is_changing_keeps_all_its_parts(
    hosting: SageMakerHosting,
    leases: LeaseTable,
    container: Container,
    keys: Keys,
    package_arn: str,
    transitions: Transitions,
) -> None:
    config, _ = parts(hosting, container, keys, package_arn)
    transitions.hold()
    hosting.create_endpoint(f"mlm-{keys.tenant}-ep", config, managed(keys))
    # The next change's parts, made but not yet named by UpdateEndpoint.
    nxt_config, nxt_model = parts(hosting, container, keys, package_arn, digest="bbbbbbbb")
    janitor(hosting, leases, keys).sweep()
    assert exists(hosting, nxt_config, nxt_model) == (True, True)


def test_the_parts_of_a_deleted_endpoint_are_removed(
    hosting: SageMakerHosting,
    leases: LeaseTable,
    container: Container,
    keys: Keys,
    package_arn: str,
) -> None:
    config, model = parts(hosting, container, keys, package_arn)
    physical = f"mlm-{keys.tenant}-ep"
    hosting.create_endpoint(physical, config, managed(keys))
    poll(
        lambda: hosting.describe_endpoint(physical),
        lambda r: r is not None and r.status == "InService",
        "the endpoint to be in service",
    )
    hosting.delete_endpoint(physical)  # a delete whose cleanup never ran
    janitor(hosting, leases, keys).sweep()
    assert exists(hosting, config, model) == (False, False)


def test_expired_leases_are_removed_and_live_ones_stay(
    hosting: SageMakerHosting, leases: LeaseTable, container: Container, keys: Keys
) -> None:
    # A holder whose clock is behind took this lease: it expired long ago.
    table = container.settings.lease_table
    old = LeaseTable(container.clients.dynamodb(), table, clock=lambda: time.time() - 2 * GRACE)
    stale = old.acquire(f"{keys.tenant}/endpoint/old", "a", 30)
    live = leases.acquire(f"{keys.tenant}/endpoint/live", "b", 30)
    assert isinstance(stale, Lease)
    assert isinstance(live, Lease)
    report = janitor(hosting, leases, keys, ahead=0).sweep()
    assert stale.resource in report.leases
    assert live.resource not in report.leases
    assert isinstance(leases.acquire(stale.resource, "c", 30), Lease)


def test_a_sweep_of_one_tenant_leaves_every_other_tenants_parts(
    hosting: SageMakerHosting,
    leases: LeaseTable,
    container: Container,
    keys: Keys,
    package_arn: str,
) -> None:
    other = dataclasses.replace(keys, tenant=keys.other_tenant)
    config, model = parts(hosting, container, other, package_arn)
    janitor(hosting, leases, keys).sweep()
    assert exists(hosting, config, model) == (True, True)
