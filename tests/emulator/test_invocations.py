"""SageMaker runtime through boto3: invocation, routing, streaming, model errors, metrics."""

from __future__ import annotations

import base64
import json
import math
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from botocore.eventstream import EventStreamBuffer
from botocore.exceptions import ClientError

from mlm.emulator.patches import invocation_stream, invocations
from tests.conftest import Transitions
from tests.emulator.conftest import IMAGE, Hosting

TRAFFIC_METRICS = {
    "Invocations",
    "InvocationsPerInstance",
    "Invocation4XXErrors",
    "Invocation5XXErrors",
    "InvocationModelErrors",
    "ModelLatency",
    "OverheadLatency",
    "ConcurrentRequestsPerModel",
}


@pytest.fixture
def short_timeout() -> Iterator[None]:
    invocations.configure(model_timeout_seconds=0.2)
    yield
    invocations.configure(model_timeout_seconds=60)


def _serving(hosting: Hosting, *variants: tuple[str, float]) -> str:
    """An in-service endpoint with the given (variant, weight) pairs."""
    config = f"{hosting.prefix}-c"
    hosting.sm.create_endpoint_config(
        EndpointConfigName=config,
        ProductionVariants=[
            {
                "VariantName": name,
                "ModelName": hosting.model(f"m-{name}"),
                "InstanceType": "ml.g5.2xlarge",
                "InitialInstanceCount": 1,
                "InitialVariantWeight": weight,
            }
            for name, weight in variants or [("primary", 1.0)]
        ],
    )
    name = hosting.endpoint(config)
    hosting.wait(name, "InService")
    return name


def _json(runtime: Any, endpoint: str, body: Any, **extra: Any) -> dict[str, Any]:
    return dict(
        runtime.invoke_endpoint(
            EndpointName=endpoint, Body=json.dumps(body), ContentType="application/json", **extra
        )
    )


def _code(excinfo: pytest.ExceptionInfo[ClientError]) -> str:
    return str(excinfo.value.response["Error"]["Code"])


def _sum(
    cloudwatch: Any, endpoint: str, variant: str, metric: str, statistic: str = "Sum"
) -> float:
    now = datetime.now(UTC)
    points = cloudwatch.get_metric_statistics(
        Namespace="AWS/SageMaker",
        MetricName=metric,
        Dimensions=[
            {"Name": "EndpointName", "Value": endpoint},
            {"Name": "VariantName", "Value": variant},
        ],
        StartTime=now - timedelta(hours=1),
        EndTime=now + timedelta(hours=1),
        Period=3600,
        Statistics=[statistic],
    )["Datapoints"]
    return float(sum(p[statistic] for p in points)) if statistic == "Sum" else points[0][statistic]


# --- endpoint checks -----------------------------------------------------------------------


def test_invoking_an_unknown_endpoint_is_a_validation_error(runtime: Any, hosting: Hosting) -> None:
    with pytest.raises(ClientError, match="not found") as excinfo:
        runtime.invoke_endpoint(EndpointName=f"{hosting.prefix}-nope", Body=b"{}")
    assert _code(excinfo) == "ValidationError"


def test_invoking_an_endpoint_that_is_still_creating_is_refused_as_not_found(
    runtime: Any, hosting: Hosting, transitions: Transitions
) -> None:
    transitions.hold()
    name = hosting.endpoint()
    with pytest.raises(ClientError, match="not found") as excinfo:
        runtime.invoke_endpoint(EndpointName=name, Body=b"{}")
    assert _code(excinfo) == "ValidationError"


def test_an_updating_endpoint_keeps_serving_on_its_old_fleet(
    sm: Any, runtime: Any, hosting: Hosting, transitions: Transitions
) -> None:
    name = _serving(hosting)
    transitions.hold()
    sm.update_endpoint_weights_and_capacities(
        EndpointName=name,
        DesiredWeightsAndCapacities=[{"VariantName": "primary", "DesiredInstanceCount": 2}],
    )
    answer = _json(runtime, name, {"q": 1})
    assert answer["InvokedProductionVariant"] == "primary"


# --- the echo ------------------------------------------------------------------------------


def test_invoke_endpoint_echoes_the_endpoint_variant_and_json_request(
    runtime: Any, hosting: Hosting
) -> None:
    name = _serving(hosting)
    answer = _json(runtime, name, {"inputs": "hello"}, CustomAttributes="trace=1")
    echo = json.loads(answer["Body"].read())
    assert answer["ContentType"] == "application/json"
    assert answer["InvokedProductionVariant"] == "primary"
    assert answer["CustomAttributes"] == "trace=1"
    assert echo["endpoint"] == name
    assert echo["variant"] == "primary"
    assert echo["model"]["name"] == f"{hosting.prefix}-m-primary"
    assert echo["request"]["json"] == {"inputs": "hello"}
    assert echo["request"]["custom_attributes"] == "trace=1"


def test_echo_names_the_model_package_group_and_version_behind_the_variant(
    sm: Any, runtime: Any, hosting: Hosting
) -> None:
    sm.create_model_package_group(ModelPackageGroupName=hosting.prefix)
    package = sm.create_model_package(
        ModelPackageGroupName=hosting.prefix,
        InferenceSpecification={"Containers": [{"Image": IMAGE}]},
    )["ModelPackageArn"]
    model = f"{hosting.prefix}-pm"
    sm.create_model(
        ModelName=model,
        ExecutionRoleArn=hosting.role_arn,
        Containers=[{"ModelPackageName": package}],
    )
    name = hosting.endpoint(hosting.config(model=model))
    hosting.wait(name, "InService")
    echo = json.loads(_json(runtime, name, {})["Body"].read())
    assert echo["model"] == {
        "name": model,
        "model_package_group": hosting.prefix,
        "model_package_version": 1,
    }


def test_a_binary_body_reaches_the_model_byte_for_byte(runtime: Any, hosting: Hosting) -> None:
    name = _serving(hosting)
    payload = bytes(range(256))
    answer = runtime.invoke_endpoint(
        EndpointName=name, Body=payload, ContentType="application/octet-stream"
    )
    received = json.loads(answer["Body"].read())["request"]
    assert received["content_type"] == "application/octet-stream"
    assert received["size_bytes"] == 256
    assert base64.b64decode(received["base64"]) == payload


def test_the_answer_has_the_content_type_the_request_accepts(
    runtime: Any, hosting: Hosting
) -> None:
    name = _serving(hosting)
    answer = runtime.invoke_endpoint(
        EndpointName=name, Body=b"plain words", ContentType="text/plain", Accept="text/plain"
    )
    echo = json.loads(answer["Body"].read())
    assert answer["ContentType"] == "text/plain"
    assert echo["request"]["text"] == "plain words"
    assert echo["request"]["accept"] == "text/plain"


# --- routing -------------------------------------------------------------------------------


def test_target_variant_is_honoured(runtime: Any, hosting: Hosting) -> None:
    name = _serving(hosting, ("blue", 1.0), ("green", 0.0))
    answer = _json(runtime, name, {}, TargetVariant="green")
    assert answer["InvokedProductionVariant"] == "green"


def test_an_unknown_target_variant_is_a_validation_error(runtime: Any, hosting: Hosting) -> None:
    name = _serving(hosting)
    with pytest.raises(ClientError, match="not present") as excinfo:
        _json(runtime, name, {}, TargetVariant="nope")
    assert _code(excinfo) == "ValidationError"


def test_traffic_is_split_between_variants_by_their_current_weights(
    runtime: Any, hosting: Hosting
) -> None:
    name = _serving(hosting, ("heavy", 3.0), ("light", 1.0))
    n, p = 400, 0.75

    def one(_: int) -> str:
        return str(_json(runtime, name, {})["InvokedProductionVariant"])

    with ThreadPoolExecutor(8) as pool:
        counts = Counter(pool.map(one, range(n)))
    # Binomial(400, 0.75): mean 300, sd ~8.7; 5 sd either side fails ~1 run in 1.7 million.
    sd = math.sqrt(n * p * (1 - p))
    assert set(counts) == {"heavy", "light"}
    assert abs(counts["heavy"] - n * p) <= 5 * sd, counts


def test_changed_weights_change_the_routing(sm: Any, runtime: Any, hosting: Hosting) -> None:
    name = _serving(hosting, ("blue", 1.0), ("green", 1.0))
    sm.update_endpoint_weights_and_capacities(
        EndpointName=name, DesiredWeightsAndCapacities=[{"VariantName": "blue", "DesiredWeight": 0}]
    )
    hosting.wait(name, "InService")
    variants = {_json(runtime, name, {})["InvokedProductionVariant"] for _ in range(20)}
    assert variants == {"green"}


# --- model errors and timeouts -------------------------------------------------------------


def test_a_model_error_carries_the_models_status_and_message(
    runtime: Any, hosting: Hosting
) -> None:
    name = _serving(hosting)
    failing = {"mlm_emulator": {"model_error": {"status": 503, "message": "GPU busy"}}}
    with pytest.raises(ClientError) as excinfo:
        _json(runtime, name, failing)
    response = excinfo.value.response
    assert _code(excinfo) == "ModelError"
    assert response["ResponseMetadata"]["HTTPStatusCode"] == 424
    assert response["OriginalStatusCode"] == 503
    assert response["OriginalMessage"] == "GPU busy"
    assert "Received server error (503) from primary" in response["Error"]["Message"]


@pytest.mark.usefixtures("short_timeout")
def test_a_model_slower_than_the_container_timeout_is_a_timed_out_model_error(
    runtime: Any, hosting: Hosting
) -> None:
    name = _serving(hosting)
    with pytest.raises(ClientError, match="timed out") as excinfo:
        _json(runtime, name, {"mlm_emulator": {"delay_ms": 60_000}})
    assert _code(excinfo) == "ModelError"


# --- streaming -----------------------------------------------------------------------------


def _stream(runtime: Any, endpoint: str, body: Any) -> Any:
    return runtime.invoke_endpoint_with_response_stream(
        EndpointName=endpoint, Body=json.dumps(body), ContentType="application/json"
    )


def test_event_stream_frames_decode_with_botocore() -> None:
    buffer = EventStreamBuffer()
    buffer.add_data(invocation_stream.payload_part(b"hello"))
    buffer.add_data(invocation_stream.model_stream_error("boom", "E1"))
    first, second = list(buffer)
    assert first.headers[":event-type"] == "PayloadPart"
    assert first.payload == b"hello"
    assert second.headers[":exception-type"] == "ModelStreamError"
    assert json.loads(second.payload) == {"Message": "boom", "ErrorCode": "E1"}


def test_the_response_stream_carries_the_echo_in_several_payload_parts(
    runtime: Any, hosting: Hosting
) -> None:
    name = _serving(hosting)
    answer = _stream(runtime, name, {"inputs": "hi", "mlm_emulator": {"chunks": 4}})
    parts = [event["PayloadPart"]["Bytes"] for event in answer["Body"]]
    echo = json.loads(b"".join(parts))
    assert len(parts) == 4
    assert answer["InvokedProductionVariant"] == "primary"
    assert answer["ContentType"] == "application/json"
    assert echo["request"]["json"]["inputs"] == "hi"


def test_a_held_part_arrives_only_after_the_release(runtime: Any, hosting: Hosting) -> None:
    name = _serving(hosting)
    answer = _stream(runtime, name, {"mlm_emulator": {"chunks": 3, "hold_last_chunk": "g"}})
    events = iter(answer["Body"])
    early = [next(events), next(events)]
    _json(runtime, name, {"mlm_emulator": {"release": "g"}})
    rest = list(events)
    assert [list(e) for e in early + rest] == [["PayloadPart"]] * 3


def test_a_model_error_before_streaming_is_a_model_error(runtime: Any, hosting: Hosting) -> None:
    name = _serving(hosting)
    with pytest.raises(ClientError) as excinfo:
        _stream(runtime, name, {"mlm_emulator": {"model_error": {"status": 400, "message": "bad"}}})
    assert _code(excinfo) == "ModelError"
    assert excinfo.value.response["OriginalMessage"] == "bad"


def test_streaming_an_unknown_endpoint_is_a_validation_error(
    runtime: Any, hosting: Hosting
) -> None:
    with pytest.raises(ClientError, match="not found") as excinfo:
        _stream(runtime, f"{hosting.prefix}-nope", {})
    assert _code(excinfo) == "ValidationError"


# --- metrics -------------------------------------------------------------------------------


def test_served_requests_publish_invocations_and_error_counts(
    runtime: Any, cloudwatch: Any, hosting: Hosting
) -> None:
    name = _serving(hosting)
    for _ in range(5):
        _json(runtime, name, {})
    for status in (500, 502, 404):
        with pytest.raises(ClientError):
            _json(runtime, name, {"mlm_emulator": {"model_error": {"status": status}}})
    assert _sum(cloudwatch, name, "primary", "Invocations") == 8
    assert _sum(cloudwatch, name, "primary", "Invocation5XXErrors") == 2
    assert _sum(cloudwatch, name, "primary", "Invocation4XXErrors") == 1
    assert _sum(cloudwatch, name, "primary", "InvocationModelErrors") == 3


def test_refused_requests_publish_nothing(runtime: Any, cloudwatch: Any, hosting: Hosting) -> None:
    name = _serving(hosting)
    with pytest.raises(ClientError):
        _json(runtime, name, {}, TargetVariant="nope")
    listed = cloudwatch.list_metrics(
        Namespace="AWS/SageMaker", Dimensions=[{"Name": "EndpointName", "Value": name}]
    )
    assert listed["Metrics"] == []


def test_model_latency_is_measured_in_microseconds(
    runtime: Any, cloudwatch: Any, hosting: Hosting
) -> None:
    name = _serving(hosting)
    _json(runtime, name, {"mlm_emulator": {"delay_ms": 50}})
    # The model slept 50 ms, so at least 50 000 µs were measured; overhead is measured too.
    assert _sum(cloudwatch, name, "primary", "ModelLatency", "Minimum") >= 50_000
    assert _sum(cloudwatch, name, "primary", "OverheadLatency", "SampleCount") == 1


def test_concurrent_requests_per_model_counts_the_requests_in_flight(
    runtime: Any, cloudwatch: Any, hosting: Hosting
) -> None:
    name = _serving(hosting)
    held = _stream(runtime, name, {"mlm_emulator": {"chunks": 2, "hold_last_chunk": "c"}})
    events = iter(held["Body"])
    next(events)  # the stream is in flight, its last part held
    _json(runtime, name, {"mlm_emulator": {"release": "c"}})  # arrives while it is in flight
    list(events)
    assert _sum(cloudwatch, name, "primary", "ConcurrentRequestsPerModel", "Maximum") == 2
    assert _sum(cloudwatch, name, "primary", "ConcurrentRequestsPerModel", "Minimum") == 1


def test_only_traffic_metrics_are_published_never_gpu_cpu_or_memory(
    runtime: Any, cloudwatch: Any, hosting: Hosting
) -> None:
    name = _serving(hosting)
    _json(runtime, name, {})
    listed = cloudwatch.list_metrics(Dimensions=[{"Name": "EndpointName", "Value": name}])[
        "Metrics"
    ]
    assert {m["MetricName"] for m in listed} == TRAFFIC_METRICS
    assert {m["Namespace"] for m in listed} == {"AWS/SageMaker"}
