"""Data capture: a sampled share of an endpoint's invocations written to S3 as SageMaker
writes them (moto 5.2.5 stores DataCaptureConfig and does nothing with it).

From "Capture data from real-time endpoint" and "Data capture" in the SageMaker docs:
- objects go to ``<DestinationS3Uri>/<EndpointName>/<VariantName>/yyyy/mm/dd/hh/`` (UTC
  hour of the inference), named ``<mm-ss-SSS>-<uuid>.jsonl``; the emulator writes one
  object per captured invocation (SageMaker batches several per object; the record
  format is the same);
- each line is one record: ``{"captureData": {"endpointInput": {"observedContentType",
  "mode": "INPUT", "data", "encoding"}, "endpointOutput": {… "mode": "OUTPUT" …}},
  "eventMetadata": {"eventId", "inferenceTime"}, "eventVersion": "0"}``; ``encoding`` is
  ``CSV`` or ``JSON`` (data kept as text) when the content type is listed in
  ``CaptureContentTypeHeader``, else ``BASE64``; only the modes in ``CaptureOptions``;
- ``InitialSamplingPercentage`` of invocations is captured, chosen at random;
- with ``KmsKeyId`` the objects are encrypted with that key (SSE-KMS);
- DescribeEndpoint reports ``DataCaptureConfig`` {EnableCapture, CaptureStatus
  (Started|Stopped), CurrentSamplingPercentage, DestinationS3Uri, KmsKeyId}.
Only InvokeEndpoint's successful answers are captured here (not streamed answers).
"""

from __future__ import annotations

import base64
import json
import random
import uuid
from datetime import datetime
from typing import Any

from moto.s3.models import s3_backends
from moto.sagemaker.models import SageMakerModelBackend, sagemaker_backends

from mlm.emulator.patches import clock
from mlm.emulator.patches.endpoints import EmulatedEndpoint, live_endpoint

_ORIGINAL_DESCRIBE = EmulatedEndpoint.describe


def _config(backend: SageMakerModelBackend, endpoint: EmulatedEndpoint) -> dict[str, Any]:
    config = backend.endpoint_configs.get(endpoint.endpoint_config_name)
    found = getattr(config, "data_capture_config", None) if config is not None else None
    return found if isinstance(found, dict) and found.get("DestinationS3Uri") else {}


def _describe(self: EmulatedEndpoint) -> dict[str, Any]:
    response: dict[str, Any] = _ORIGINAL_DESCRIBE(self)
    account, region = self.arn.split(":")[4], self.arn.split(":")[3]
    capture = _config(sagemaker_backends[account][region], self)
    if capture:
        enabled = bool(capture.get("EnableCapture", False))
        response["DataCaptureConfig"] = {
            "EnableCapture": enabled,
            "CaptureStatus": "Started" if enabled else "Stopped",
            "CurrentSamplingPercentage": int(capture.get("InitialSamplingPercentage", 0)),
            "DestinationS3Uri": capture["DestinationS3Uri"],
            **({"KmsKeyId": capture["KmsKeyId"]} if capture.get("KmsKeyId") else {}),
        }
    return response


def _encoded(body: bytes, content_type: str | None, header: dict[str, Any]) -> tuple[str, str]:
    kind = (content_type or "").split(";")[0].strip()
    for encoding, listed in (("CSV", "CsvContentTypes"), ("JSON", "JsonContentTypes")):
        if kind and kind in (header.get(listed) or []):
            try:
                return body.decode(), encoding
            except UnicodeDecodeError:
                break
    return base64.b64encode(body).decode(), "BASE64"


def capture(
    account: str,
    region: str,
    endpoint_name: str,
    variant: str,
    request: tuple[bytes, str | None],
    answer: tuple[bytes, str | None],
) -> str | None:
    """Capture one served invocation if sampled → the object's key, else None."""
    backend = sagemaker_backends[account][region]
    with clock.LOCK:
        endpoint = live_endpoint(backend, endpoint_name)
        config = _config(backend, endpoint) if endpoint is not None else {}
    if not config or not config.get("EnableCapture", False):
        return None
    if random.uniform(0, 100) >= float(config.get("InitialSamplingPercentage", 0)):
        return None
    modes = {str(o.get("CaptureMode")) for o in config.get("CaptureOptions") or []}
    header = config.get("CaptureContentTypeHeader") or {}
    data: dict[str, Any] = {}
    for mode, key, (body, kind) in (
        ("Input", "endpointInput", request),
        ("Output", "endpointOutput", answer),
    ):
        if mode in modes or "InputAndOutput" in modes:
            text, encoding = _encoded(body, kind, header)
            data[key] = {
                "observedContentType": kind or "application/octet-stream",
                "mode": mode.upper(),
                "data": text,
                "encoding": encoding,
            }
    now = clock.now()
    event_id = str(uuid.uuid4())
    record = {
        "captureData": data,
        "eventMetadata": {"eventId": event_id, "inferenceTime": _iso(now)},
        "eventVersion": "0",
    }
    bucket, _, prefix = config["DestinationS3Uri"].removeprefix("s3://").partition("/")
    key = "/".join(
        part
        for part in (
            prefix.strip("/"),
            endpoint_name,
            variant,
            now.strftime("%Y/%m/%d/%H"),
            f"{now.strftime('%M-%S')}-{now.microsecond // 1000:03d}-{event_id}.jsonl",
        )
        if part
    )
    kms = config.get("KmsKeyId")
    s3 = s3_backends[account]["aws"]
    if bucket not in s3.buckets:
        return None  # SageMaker cannot write there either; it drops the capture
    s3.put_object(
        bucket,
        key,
        (json.dumps(record, separators=(",", ":")) + "\n").encode(),
        encryption="aws:kms" if kms else None,
        kms_key_id=kms or None,
    )
    return key


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def install() -> None:
    setattr(EmulatedEndpoint, "describe", _describe)  # noqa: B010
