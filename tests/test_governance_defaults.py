"""Governance defaults: approved-only deployment and the publish role, by mode."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from mlm.app import create_app
from mlm.container import build_container
from mlm.settings import Role, Settings
from tests.conftest import Keys, settings_with_keys


def test_aws_mode_deploys_approved_versions_only() -> None:
    assert Settings(mode="aws").deploys_approved_only is True


def test_emulator_mode_deploys_any_version() -> None:
    assert Settings(mode="emulator").deploys_approved_only is False


def test_approved_only_can_be_turned_off_in_aws_mode() -> None:
    assert (
        Settings(mode="aws", require_approved_for_deployment=False).deploys_approved_only is False
    )


def test_aws_mode_reserves_publishing_for_publishers() -> None:
    assert Settings(mode="aws").version_publisher is Role.PUBLISHER


def test_emulator_mode_lets_operators_publish() -> None:
    assert Settings(mode="emulator").version_publisher is Role.OPERATOR


def test_publisher_sits_between_operator_and_admin() -> None:
    assert Role.PUBLISHER.allows(Role.OPERATOR)
    assert not Role.OPERATOR.allows(Role.PUBLISHER)
    assert Role.ADMIN.allows(Role.PUBLISHER)


@pytest.fixture
def governed(emulator_settings: Settings, keys: Keys) -> Iterator[TestClient]:
    """The AWS-mode rules on the emulator: publishers publish, approved versions deploy."""
    settings = settings_with_keys(
        emulator_settings, keys, publish_role=Role.PUBLISHER, require_approved_for_deployment=True
    )
    app = create_app(build_container(settings), validate_responses=True)
    with app.test_client(headers={"X-Api-Key": keys.admin}) as client:
        created = client.post("/v1/models", json={"name": "gov", "metadata": {"license": "mit"}})
        assert created.status_code == 201, created.text
        yield client


VERSION = {"container": {"image": "example.com/serving:1"}}


def test_an_operator_cannot_publish_where_publishers_do(governed: TestClient, keys: Keys) -> None:
    refused = governed.post(
        "/v1/models/gov/versions", json=VERSION, headers={"X-Api-Key": keys.operator}
    )
    assert refused.status_code == 403
    assert "'publisher' role" in refused.json()["detail"]


def test_a_publisher_key_publishes(governed: TestClient) -> None:
    made = governed.post("/v1/api-keys", json={"name": "pub", "role": "publisher"})
    headers = {"X-Api-Key": made.json()["secret"]}
    assert (
        governed.post("/v1/models/gov/versions", json=VERSION, headers=headers).status_code == 201
    )


def test_a_packaging_job_that_registers_needs_the_publish_role(
    governed: TestClient, keys: Keys, emulator_settings: Settings
) -> None:
    body = {
        "source": {
            "platform": "s3",
            "s3_uri": f"s3://{emulator_settings.artifact_bucket}/{keys.tenant}/m/",
        },
        "target": {"model_name": "gov"},
    }
    refused = governed.post("/v1/packaging-jobs", json=body, headers={"X-Api-Key": keys.operator})
    assert refused.status_code == 403


def test_a_pending_version_does_not_deploy(governed: TestClient) -> None:
    assert governed.post("/v1/models/gov/versions", json=VERSION).status_code == 201
    refused = governed.post(
        "/v1/endpoints",
        json={
            "name": "gov-ep",
            "variants": [{"model_name": "gov", "model_version": 1, "instance_type": "ml.m5.large"}],
        },
    )
    assert refused.status_code == 409
    assert refused.json()["code"] == "VERSION_NOT_APPROVED"
