"""Fixtures for the emulator's own tests: boto3 against the session's emulator."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from botocore.exceptions import ClientError

from mlm.aws.clients import ClientFactory
from mlm.emulator.patches import clock
from mlm.settings import Settings
from tests.conftest import Keys
from tests.polling import poll, poll_until_raises

IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"


@pytest.fixture
def sm(emulator_settings: Settings) -> Any:
    return ClientFactory(emulator_settings).sagemaker()


@pytest.fixture
def runtime(emulator_settings: Settings) -> Any:
    return ClientFactory(emulator_settings).sagemaker_runtime()


@pytest.fixture
def cloudwatch(emulator_settings: Settings) -> Any:
    return ClientFactory(emulator_settings).cloudwatch()


@pytest.fixture(autouse=True)
def wall_clock_after() -> Iterator[None]:
    """Tests may move the emulator's clock ahead (``clock.travel``); each ends on the wall
    clock again."""
    yield
    clock.back_to_wall_clock()


@pytest.fixture
def prefix(keys: Keys) -> str:
    """A name prefix no other test uses."""
    return f"mlm-{keys.tenant}"


@dataclass
class Hosting:
    """Creates the SageMaker resources an endpoint needs, named after the test."""

    sm: Any
    prefix: str
    role_arn: str

    def model(self, suffix: str = "m", environment: dict[str, str] | None = None) -> str:
        name = f"{self.prefix}-{suffix}"
        self.sm.create_model(
            ModelName=name,
            ExecutionRoleArn=self.role_arn,
            PrimaryContainer={"Image": IMAGE, "Environment": environment or {}},
        )
        return name

    def config(
        self,
        suffix: str = "c",
        model: str | None = None,
        instance_type: str = "ml.g5.2xlarge",
        count: int = 1,
        variant: str = "primary",
        **extra: Any,
    ) -> str:
        name = f"{self.prefix}-{suffix}"
        self.sm.create_endpoint_config(
            EndpointConfigName=name,
            ProductionVariants=[
                {
                    "VariantName": variant,
                    "ModelName": model or self.model(f"{suffix}-m"),
                    "InstanceType": instance_type,
                    "InitialInstanceCount": count,
                    "InitialVariantWeight": 1.0,
                }
            ],
            **extra,
        )
        return name

    def endpoint(self, config: str | None = None, suffix: str = "e") -> str:
        name = f"{self.prefix}-{suffix}"
        self.sm.create_endpoint(EndpointName=name, EndpointConfigName=config or self.config())
        return name

    def wait(self, endpoint: str, status: str) -> dict[str, Any]:
        """Poll DescribeEndpoint until ``status``."""
        described: dict[str, Any] = poll(
            lambda: self.sm.describe_endpoint(EndpointName=endpoint),
            lambda d: d["EndpointStatus"] == status,
            f"{endpoint} to be {status}",
            interval_s=0.02,
        )
        return described

    def wait_gone(self, endpoint: str) -> None:
        """Poll DescribeEndpoint until AWS's "Could not find endpoint" error."""
        poll_until_raises(
            lambda: self.sm.describe_endpoint(EndpointName=endpoint),
            lambda error: (
                isinstance(error, ClientError) and "Could not find endpoint" in str(error)
            ),
            f"{endpoint} to be deleted",
            interval_s=0.02,
        )


@pytest.fixture
def hosting(sm: Any, prefix: str, emulator_settings: Settings) -> Hosting:
    assert emulator_settings.execution_role_arn is not None
    return Hosting(sm=sm, prefix=prefix, role_arn=emulator_settings.execution_role_arn)
