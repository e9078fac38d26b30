"""Packager fixtures: the local hub, the emulator's S3 and Secrets Manager, a request."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest

from mlm.aws.clients import ClientFactory
from mlm.packager import Options, PackageRequest, Platform, Source, Tuning
from mlm.packager.run import PackagerClients
from mlm.settings import Settings
from tests.packager.hub import Hub, serve_hub

_repo_ids = itertools.count()
# Fast retries and S3's smallest part size: tests exercise the same paths, sooner.
FAST = Tuning(
    part_size_bytes=5 * 1024 * 1024,
    max_concurrency=4,
    download_attempts=3,
    backoff_base_seconds=0.01,
    backoff_max_seconds=0.02,
)


@pytest.fixture(scope="session")
def hub() -> Iterator[Hub]:
    with serve_hub() as running:
        yield running


@pytest.fixture(scope="session")
def factory(emulator_settings: Settings) -> ClientFactory:
    return ClientFactory(emulator_settings)


@pytest.fixture(scope="session")
def clients(factory: ClientFactory) -> PackagerClients:
    return PackagerClients(s3=factory.s3(), secretsmanager=factory.client("secretsmanager"))


@pytest.fixture
def repo_id() -> str:
    return f"acme/tiny-{next(_repo_ids)}"


@pytest.fixture
def output_uri(emulator_settings: Settings, keys: Any) -> str:
    return f"s3://{emulator_settings.artifact_bucket}/packaging/{keys.tenant}/job-1/"


@pytest.fixture
def make_request(hub: Hub, output_uri: str, keys: Any) -> Any:
    def make(model_id: str, **overrides: Any) -> PackageRequest:
        options = overrides.pop("options", Options())
        fields: dict[str, Any] = {
            "source": Source(platform=Platform.HUGGINGFACE, model_id=model_id),
            "output_uri": output_uri,
            "region": "us-east-1",
            "tenant": keys.tenant,
            "model_name": "tiny",
            "options": options,
            "hf_endpoint": hub.url,
            "tuning": FAST,
        }
        fields.update(overrides)
        return PackageRequest(**fields)

    return make
