"""Clients nobody here wrote, against the emulator: the AWS CLI and the SageMaker Python
SDK 3.x (sagemaker-core's resources) and 2.x (Predictor): describe, list, invoke.

The two SDKs cannot share a virtualenv with each other or with the service (sagemaker
2.x pins sagemaker-core<2, 3.x needs sagemaker-core 2.x; both pin other versions than
the service's), so `make install` gives each its own (.venv-sagemaker2, .venv-sagemaker3)
and these tests run them as child processes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from mlm.aws.clients import EMULATOR_CREDENTIALS, ClientFactory
from mlm.settings import Settings
from tests.polling import poll

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
AWS = Path(sys.executable).with_name("aws")
IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.33.0-lmi15.0.0-cu128"


def _sdk_python(major: int) -> Path:
    return Path(
        os.environ.get(f"MLM_SAGEMAKER{major}_PYTHON")
        or REPO / f".venv-sagemaker{major}" / "bin" / "python"
    )


@dataclass(frozen=True)
class Deployed:
    endpoint: str
    model: str


@pytest.fixture(scope="module")
def deployed(emulator_settings: Settings) -> Deployed:
    """An in-service endpoint made as MLM makes one: a model from a model package
    (Containers, no PrimaryContainer, no VPC), a config without data capture."""
    sm = ClientFactory(emulator_settings).sagemaker()
    name = "mlm-smoke-clients"
    sm.create_model_package_group(ModelPackageGroupName=name)
    package = sm.create_model_package(
        ModelPackageGroupName=name,
        InferenceSpecification={
            "Containers": [{"Image": IMAGE}],
            "SupportedContentTypes": ["application/json"],
            "SupportedResponseMIMETypes": ["application/json"],
        },
    )["ModelPackageArn"]
    sm.create_model(
        ModelName=name,
        ExecutionRoleArn=emulator_settings.execution_role_arn,
        Containers=[{"ModelPackageName": package}],
    )
    sm.create_endpoint_config(
        EndpointConfigName=name,
        ProductionVariants=[
            {
                "VariantName": "primary",
                "ModelName": name,
                "InstanceType": "ml.g5.2xlarge",
                "InitialInstanceCount": 1,
                "InitialVariantWeight": 1.0,
            }
        ],
    )
    sm.create_endpoint(EndpointName=name, EndpointConfigName=name)
    poll(
        lambda: sm.describe_endpoint(EndpointName=name)["EndpointStatus"],
        lambda status: status == "InService",
        f"{name} to be InService",
    )
    return Deployed(endpoint=name, model=name)


def _run(command: list[str], settings: Settings) -> Any:
    """``command`` with AWS pointed at the emulator; its stdout as JSON."""
    assert settings.aws_endpoint_url is not None
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", "/tmp"),
        "AWS_ENDPOINT_URL": settings.aws_endpoint_url,
        "AWS_DEFAULT_REGION": settings.region,
        "AWS_REGION": settings.region,
        "AWS_ACCESS_KEY_ID": EMULATOR_CREDENTIALS["aws_access_key_id"],
        "AWS_SECRET_ACCESS_KEY": EMULATOR_CREDENTIALS["aws_secret_access_key"],
        "AWS_EC2_METADATA_DISABLED": "true",
    }
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    # SDKs log a line or two to stdout first (sagemaker.config INFO …): JSON comes last.
    lines = done.stdout.strip().splitlines()
    if not lines:
        return None
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        return json.loads(lines[-1])


def test_aws_cli_describes_and_lists_endpoints(
    deployed: Deployed, emulator_settings: Settings
) -> None:
    described = _run(
        [str(AWS), "sagemaker", "describe-endpoint", "--endpoint-name", deployed.endpoint],
        emulator_settings,
    )
    listed = _run(
        [str(AWS), "sagemaker", "list-endpoints", "--name-contains", deployed.endpoint],
        emulator_settings,
    )
    model = _run(
        [str(AWS), "sagemaker", "describe-model", "--model-name", deployed.model],
        emulator_settings,
    )
    assert described["EndpointStatus"] == "InService"
    assert deployed.endpoint in [e["EndpointName"] for e in listed["Endpoints"]]
    assert "PrimaryContainer" not in model


def test_aws_cli_invokes_an_endpoint(
    deployed: Deployed, emulator_settings: Settings, tmp_path: Path
) -> None:
    out = tmp_path / "answer.json"
    meta = _run(
        [
            str(AWS),
            "sagemaker-runtime",
            "invoke-endpoint",
            "--endpoint-name",
            deployed.endpoint,
            "--content-type",
            "application/json",
            "--body",
            '{"inputs": "Hello"}',
            str(out),
        ],
        emulator_settings,
    )
    assert meta["InvokedProductionVariant"] == "primary"
    assert json.loads(out.read_text())["request"]["json"] == {"inputs": "Hello"}


def test_sagemaker_sdk_3_describes_lists_and_invokes(
    deployed: Deployed, emulator_settings: Settings
) -> None:
    """sagemaker-core's Endpoint/EndpointConfig/Model.get read every member present;
    the emulator's old empty DataCaptureConfig/PrimaryContainer/VpcConfig broke them."""
    seen = _run(
        [str(_sdk_python(3)), str(HERE / "sagemaker_v3.py"), deployed.endpoint, deployed.model],
        emulator_settings,
    )
    assert seen["status"] == "InService"
    assert seen["config_variants"] == ["primary"]
    assert deployed.endpoint in seen["listed"]
    assert seen["answer"]["request"]["json"] == {"inputs": "Hello"}


def test_sagemaker_sdk_2_predictor_predicts(
    deployed: Deployed, emulator_settings: Settings
) -> None:
    seen = _run(
        [str(_sdk_python(2)), str(HERE / "sagemaker_v2.py"), deployed.endpoint],
        emulator_settings,
    )
    assert (seen["status"], seen["config"]) == ("InService", deployed.endpoint)
    assert deployed.endpoint in seen["listed"]
    assert seen["answer"]["request"]["json"] == {"inputs": "Hello"}
