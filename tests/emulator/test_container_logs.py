"""What an emulated endpoint's containers print (emulator patch ``container_logs.py``).

AWS docs ("Log Amazon SageMaker AI events with Amazon CloudWatch"): endpoint containers
log to the group ``/aws/sagemaker/Endpoints/[EndpointName]``, stream
``[production-variant-name]/[instance-id]``.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from mlm.aws.clients import ClientFactory
from mlm.emulator.patches.failures import FAILURE_ENV
from mlm.settings import Settings
from tests.emulator.conftest import Hosting


@pytest.fixture
def logs(emulator_settings: Settings) -> Any:
    return ClientFactory(emulator_settings).client("logs")


def _events(logs: Any, endpoint: str) -> list[dict[str, Any]]:
    group = f"/aws/sagemaker/Endpoints/{endpoint}"
    events: list[dict[str, Any]] = logs.filter_log_events(logGroupName=group)["events"]
    return events


def test_each_instance_logs_its_start_in_a_variant_slash_instance_stream(
    hosting: Hosting, logs: Any
) -> None:
    endpoint = hosting.endpoint(hosting.config(count=2))
    hosting.wait(endpoint, "InService")
    started = [e for e in _events(logs, endpoint) if "Model server started" in e["message"]]
    streams = {e["logStreamName"] for e in started}
    assert len(streams) == 2
    assert all(s.startswith("primary/i-0") for s in streams)


def test_every_invocation_leaves_an_access_line(hosting: Hosting, logs: Any, runtime: Any) -> None:
    endpoint = hosting.endpoint()
    hosting.wait(endpoint, "InService")
    for _ in range(3):
        runtime.invoke_endpoint(EndpointName=endpoint, Body=b"{}", ContentType="application/json")
    lines = [e["message"] for e in _events(logs, endpoint) if "/invocations 200" in e["message"]]
    assert len(lines) == 3


def test_a_model_error_is_logged_with_its_status_and_message(
    hosting: Hosting, logs: Any, runtime: Any
) -> None:
    endpoint = hosting.endpoint()
    hosting.wait(endpoint, "InService")
    body = {"mlm_emulator": {"model_error": {"status": 503, "message": "GPU out of memory"}}}
    with pytest.raises(runtime.exceptions.ModelError):
        runtime.invoke_endpoint(
            EndpointName=endpoint, Body=json.dumps(body), ContentType="application/json"
        )
    lines = [e["message"] for e in _events(logs, endpoint)]
    assert any("/invocations 503" in line and "GPU out of memory" in line for line in lines)


def test_a_failed_deployment_logs_why_on_its_instances(hosting: Hosting, logs: Any) -> None:
    model = hosting.model("bad", environment={FAILURE_ENV: "CUDA error: no kernel image"})
    endpoint = hosting.endpoint(hosting.config("cbad", model=model))
    hosting.wait(endpoint, "Failed")
    lines = [e["message"] for e in _events(logs, endpoint)]
    assert any("CUDA error: no kernel image" in line for line in lines)


def test_a_deleted_endpoint_logs_its_instances_shutting_down(
    hosting: Hosting, logs: Any, sm: Any
) -> None:
    endpoint = hosting.endpoint()
    hosting.wait(endpoint, "InService")
    sm.delete_endpoint(EndpointName=endpoint)
    hosting.wait_gone(endpoint)
    assert any("shutting down" in e["message"] for e in _events(logs, endpoint))
