"""What an emulated endpoint's containers print, in CloudWatch Logs where SageMaker puts it.

SageMaker sends each instance's container output to the log group
``/aws/sagemaker/Endpoints/<endpoint>``, one stream per instance named
``<variant>/<instance id>`` (AWS: "Log stream name: [production-variant-name]/[instance-id]",
in "Log Amazon SageMaker AI Events with Amazon CloudWatch"). The emulator writes what a
model server's container would:

- when a deployment finishes (create, blue/green update, more instances): each new
  instance's start-up lines; a deployment that fails: the failure on each instance;
- per served invocation: one access line (status, latency, sizes) in the stream of the
  instance that served it (picked at random among the variant's instances);
- when the endpoint is deleted: each instance's shutdown line.

Instance ids are derived from the endpoint, its config, the variant and the instance's
index, so a blue/green update's new fleet has new ids and a capacity change keeps the
ids of the instances already running.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from datetime import datetime

from moto.core.utils import unix_time_millis
from moto.logs.models import logs_backends
from moto.sagemaker.models import sagemaker_backends

from mlm.emulator.patches import clock
from mlm.emulator.patches.endpoints import Change, EmulatedEndpoint, Variant, live_endpoint

GROUP_PREFIX = "/aws/sagemaker/Endpoints/"
_ORIGINAL_SETTLE = EmulatedEndpoint.settle


def group_name(endpoint: str) -> str:
    return GROUP_PREFIX + endpoint


def instance_id(endpoint: str, config: str, variant: str, index: int) -> str:
    digest = hashlib.sha256(f"{endpoint}\n{config}\n{variant}\n{index}".encode()).hexdigest()
    return "i-0" + digest[:16]


def _account_region(endpoint: EmulatedEndpoint) -> tuple[str, str]:
    # arn:aws:sagemaker:<region>:<account>:endpoint/<name>
    parts = endpoint.arn.split(":")
    return parts[4], parts[3]


def _write(
    endpoint: EmulatedEndpoint, stream: str, when: datetime, messages: Sequence[str]
) -> None:
    account, region = _account_region(endpoint)
    backend = logs_backends[account][region]
    group = group_name(endpoint.endpoint_name)
    stamp = int(unix_time_millis(when))
    backend.ensure_log_group(group)
    backend.ensure_log_stream(group, stream)
    backend.put_log_events(
        group, stream, [{"timestamp": stamp, "message": message} for message in messages]
    )


def _streams(endpoint: EmulatedEndpoint, config: str, variant: Variant) -> list[str]:
    count = variant.current_count or variant.desired_count or 0
    return [
        f"{variant.name}/{instance_id(endpoint.endpoint_name, config, variant.name, i)}"
        for i in range(count)
    ]


def _started(endpoint: EmulatedEndpoint, before: list[str], when: datetime) -> None:
    known = set(before)
    for variant in endpoint.variants:
        image = variant.images[0] if variant.images else "the model's image"
        for stream in _streams(endpoint, endpoint.endpoint_config_name, variant):
            if stream in known:
                continue
            _write(
                endpoint,
                stream,
                when,
                [
                    f"Starting container from image {image}",
                    "Loading the model from /opt/ml/model",
                    "Model server started; listening on port 8080 (GET /ping, POST /invocations)",
                ],
            )


def _all_streams(endpoint: EmulatedEndpoint) -> list[str]:
    return [
        stream
        for variant in endpoint.variants
        for stream in _streams(endpoint, endpoint.endpoint_config_name, variant)
    ]


def _settle(self: EmulatedEndpoint) -> None:
    change: Change | None = self.change
    if change is None or clock.now() < change.ends:
        _ORIGINAL_SETTLE(self)
        return
    before = _all_streams(self)
    _ORIGINAL_SETTLE(self)
    if change.kind == "delete":
        for stream in before:
            _write(self, stream, change.ends, ["Received SIGTERM; model server shutting down"])
    elif change.failure_reason is not None:
        for variant in change.variants:
            for stream in _streams(self, change.config_name or "", variant):
                _write(
                    self,
                    stream,
                    change.ends,
                    [f"Container failed to start: {change.failure_reason}"],
                )
    else:
        _started(self, before, change.ends)


def invocation(
    account: str,
    region: str,
    endpoint_name: str,
    variant_name: str,
    status: int | None,
    model_latency_us: int,
    request_bytes: int,
    response_bytes: int,
    message: str | None = None,
) -> str | None:
    """Log one served invocation on one of the variant's instances → that instance's id."""
    with clock.LOCK:
        endpoint = live_endpoint(sagemaker_backends[account][region], endpoint_name)
        if endpoint is None:
            return None
        variants = {v.name: v for v in endpoint.variants}
        variant = variants.get(variant_name)
        if variant is None:
            return None
        streams = _streams(endpoint, endpoint.endpoint_config_name, variant)
    if not streams:
        return None
    stream = random.choice(streams)
    latency = f"{model_latency_us / 1000:.1f} ms"
    if status is None:
        line = f"ERROR POST /invocations did not answer within the container timeout ({latency})"
    elif status == 200:
        line = (
            f"INFO POST /invocations 200 {latency} "
            f"request_bytes={request_bytes} response_bytes={response_bytes}"
        )
    else:
        line = f"ERROR POST /invocations {status} {latency} {message or ''}".rstrip()
    _write(endpoint, stream, clock.now(), [line])
    return stream.partition("/")[2]


def install() -> None:
    setattr(EmulatedEndpoint, "settle", _settle)  # noqa: B010
