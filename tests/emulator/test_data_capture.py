"""Data capture writes sampled invocations to S3 as SageMaker does (patch ``data_capture.py``).

AWS docs ("Capture data from real-time endpoint", "View captured data"): captures land in
``<DestinationS3Uri>/<endpoint>/<variant>/yyyy/mm/dd/hh/`` as JSON Lines whose records
hold ``captureData.endpointInput`` / ``endpointOutput`` ({observedContentType, mode,
data, encoding}) and ``eventMetadata`` ({eventId, inferenceTime}); content types listed in
CaptureContentTypeHeader keep their text (CSV/JSON), others are BASE64; DescribeEndpoint
shows DataCaptureConfig with CaptureStatus and CurrentSamplingPercentage.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from mlm.aws.clients import ClientFactory
from mlm.settings import Settings
from tests.emulator.conftest import Hosting


@pytest.fixture
def s3(emulator_settings: Settings) -> Any:
    return ClientFactory(emulator_settings).s3()


def _capture(bucket: str, prefix: str, percent: int, **extra: Any) -> dict[str, Any]:
    return {
        "EnableCapture": True,
        "InitialSamplingPercentage": percent,
        "DestinationS3Uri": f"s3://{bucket}/{prefix}",
        "CaptureOptions": [{"CaptureMode": "Input"}, {"CaptureMode": "Output"}],
        "CaptureContentTypeHeader": {"JsonContentTypes": ["application/json"]},
        **extra,
    }


def _endpoint(hosting: Hosting, capture: dict[str, Any]) -> str:
    endpoint = hosting.endpoint(hosting.config(DataCaptureConfig=capture))
    hosting.wait(endpoint, "InService")
    return endpoint


def _records(s3: Any, bucket: str, prefix: str) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for item in s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", []):
        body = s3.get_object(Bucket=bucket, Key=item["Key"])["Body"].read().decode()
        found += [(item["Key"], json.loads(line)) for line in body.splitlines()]
    return found


def test_every_invocation_is_captured_at_100_percent_in_sagemakers_layout(
    hosting: Hosting, s3: Any, runtime: Any, emulator_settings: Settings
) -> None:
    bucket = str(emulator_settings.artifact_bucket)
    prefix = f"capture/{hosting.prefix}"
    endpoint = _endpoint(hosting, _capture(bucket, prefix, 100))
    for n in range(3):
        runtime.invoke_endpoint(
            EndpointName=endpoint, Body=json.dumps({"n": n}), ContentType="application/json"
        )
    records = _records(s3, bucket, prefix)
    assert len(records) == 3
    key, record = records[0]
    parts = key.split("/")
    assert parts[2:4] == [endpoint, "primary"]
    assert [len(p) for p in parts[4:8]] == [4, 2, 2, 2]  # yyyy/mm/dd/hh
    assert key.endswith(".jsonl")
    assert set(record) == {"captureData", "eventMetadata", "eventVersion"}
    assert set(record["eventMetadata"]) == {"eventId", "inferenceTime"}


def test_a_listed_json_type_is_kept_as_text_and_others_as_base64(
    hosting: Hosting, s3: Any, runtime: Any, emulator_settings: Settings
) -> None:
    bucket = str(emulator_settings.artifact_bucket)
    prefix = f"capture/{hosting.prefix}"
    endpoint = _endpoint(hosting, _capture(bucket, prefix, 100))
    runtime.invoke_endpoint(
        EndpointName=endpoint, Body=b"plain words", ContentType="text/plain", Accept="text/plain"
    )
    runtime.invoke_endpoint(EndpointName=endpoint, Body=b'{"a": 1}', ContentType="application/json")
    by_type = {
        r["captureData"]["endpointInput"]["observedContentType"]: r["captureData"]
        for _, r in _records(s3, bucket, prefix)
    }
    assert by_type["application/json"]["endpointInput"]["encoding"] == "JSON"
    assert by_type["application/json"]["endpointInput"]["data"] == '{"a": 1}'
    assert by_type["text/plain"]["endpointInput"]["encoding"] == "BASE64"
    assert by_type["text/plain"]["endpointOutput"]["mode"] == "OUTPUT"


def test_only_the_captured_modes_are_recorded(
    hosting: Hosting, s3: Any, runtime: Any, emulator_settings: Settings
) -> None:
    bucket = str(emulator_settings.artifact_bucket)
    prefix = f"capture/{hosting.prefix}"
    capture = _capture(bucket, prefix, 100, CaptureOptions=[{"CaptureMode": "Input"}])
    endpoint = _endpoint(hosting, capture)
    runtime.invoke_endpoint(EndpointName=endpoint, Body=b"{}", ContentType="application/json")
    [(_, record)] = _records(s3, bucket, prefix)
    assert set(record["captureData"]) == {"endpointInput"}


def test_nothing_is_captured_at_0_percent(
    hosting: Hosting, s3: Any, runtime: Any, emulator_settings: Settings
) -> None:
    bucket = str(emulator_settings.artifact_bucket)
    prefix = f"capture/{hosting.prefix}"
    endpoint = _endpoint(hosting, _capture(bucket, prefix, 0))
    runtime.invoke_endpoint(EndpointName=endpoint, Body=b"{}", ContentType="application/json")
    assert _records(s3, bucket, prefix) == []


def test_a_kms_key_encrypts_the_captured_objects(
    hosting: Hosting, s3: Any, runtime: Any, emulator_settings: Settings
) -> None:
    bucket = str(emulator_settings.artifact_bucket)
    prefix = f"capture/{hosting.prefix}"
    endpoint = _endpoint(hosting, _capture(bucket, prefix, 100, KmsKeyId="alias/captures"))
    runtime.invoke_endpoint(EndpointName=endpoint, Body=b"{}", ContentType="application/json")
    [key] = [o["Key"] for o in s3.list_objects_v2(Bucket=bucket, Prefix=prefix)["Contents"]]
    head = s3.head_object(Bucket=bucket, Key=key)
    assert head["ServerSideEncryption"] == "aws:kms"
    assert head["SSEKMSKeyId"] == "alias/captures"


def test_describe_endpoint_reports_the_data_capture(
    hosting: Hosting, sm: Any, emulator_settings: Settings
) -> None:
    bucket = str(emulator_settings.artifact_bucket)
    endpoint = _endpoint(hosting, _capture(bucket, "capture/x", 25))
    described = sm.describe_endpoint(EndpointName=endpoint)["DataCaptureConfig"]
    assert described["CaptureStatus"] == "Started"
    assert described["CurrentSamplingPercentage"] == 25
    assert described["DestinationS3Uri"] == f"s3://{bucket}/capture/x"
