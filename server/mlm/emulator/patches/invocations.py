"""SageMaker runtime: an in-service emulated endpoint serves traffic like a real one.

moto's InvokeEndpoint answers a canned body for any name and moto has no
InvokeEndpointWithResponseStream. Here both:

- refuse an unknown endpoint, and one that is not serving (Creating, Failed, Deleting),
  with AWS's ``ValidationError`` "Endpoint <name> of account <account> not found."
  (AWS answers the same for an endpoint still being created); an endpoint that is
  Updating keeps serving on its old fleet, as on AWS;
- pick a variant at random by the variants' current weights, or the one
  ``TargetVariant`` names (an unknown one → ``ValidationError``);
- answer deterministically with an echo (JSON): endpoint, variant, the variant's model
  and the model package (group and version) behind it, and the request as received
  (content type, accept, custom attributes, and the body as JSON, text or base64). The
  answer's content type is the request's ``Accept`` when it names one type, else JSON;
- stream the same echo in several ``PayloadPart`` events (event-stream frames);
- publish the traffic metrics of every served request (``traffic_metrics``).

Controls, in a JSON request body's ``"mlm_emulator"`` object (other bodies are echoed):
- ``"model_error": {"status": 500, "message": "…"}``: the model answers that status:
  ``ModelError`` (424) with OriginalStatusCode/OriginalMessage, as AWS reports it.
- ``"delay_ms": n``: the model takes n ms. Past the container timeout (60 s on AWS;
  ``configure(model_timeout_seconds=…)``) AWS gives up with a ``ModelError`` saying the
  invocation timed out; so does the emulator, after waiting the timeout.
- ``"chunks": n`` (streaming): how many parts (1 to 100, default 3).
- ``"hold_last_chunk": "<gate>"`` (streaming): the last part waits until an invocation
  of the same endpoint sends ``"release": "<gate>"`` (at most 10 s; if nobody releases
  it the stream ends with a ``ModelStreamError`` instead). Tests use it to show that
  parts reach the client before the answer is complete.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import random
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from moto.core.common_types import TYPE_RESPONSE
from moto.moto_server.werkzeug_app import DomainDispatcherApplication
from moto.sagemaker.models import SageMakerModelBackend, sagemaker_backends
from moto.sagemakerruntime import urls as runtime_urls
from moto.sagemakerruntime.responses import SageMakerRuntimeResponse

from mlm.emulator.patches import (
    clock,
    container_logs,
    data_capture,
    failures,
    invocation_stream,
)
from mlm.emulator.patches.endpoints import EmulatedEndpoint, Variant, live_endpoint
from mlm.emulator.patches.traffic_metrics import InFlight, Served

CONTROL_KEY = "mlm_emulator"
STREAM_PATH = "{0}/endpoints/(?P<name>[^/]+)/invocations-response-stream$"
GATE_TIMEOUT_SECONDS = 10.0
MAX_CHUNKS = 100
_SERVING = {"InService", "Updating", "SystemUpdating", "RollingBack"}
_ORIGINAL_INFER = DomainDispatcherApplication.infer_service_region_host

_model_timeout_seconds = 60.0
_gates: dict[str, threading.Event] = {}
_gates_lock = threading.Lock()


def configure(model_timeout_seconds: float) -> None:
    """How long the emulated container may take before SageMaker gives up (AWS: 60 s)."""
    if model_timeout_seconds <= 0:
        raise ValueError("model_timeout_seconds must be > 0")
    global _model_timeout_seconds
    _model_timeout_seconds = model_timeout_seconds


# --- errors as the runtime answers them -------------------------------------------------


class RuntimeApiError(Exception):
    """An error response of the runtime API (rest-json: type header, JSON body)."""

    def __init__(self, status: int, code: str, body: dict[str, Any]) -> None:
        super().__init__(body.get("Message", code))
        self.status, self.code, self.body = status, code, body

    def response(self) -> TYPE_RESPONSE:
        # moto takes the status from a "status" header, not from the tuple.
        headers = {
            "x-amzn-ErrorType": self.code,
            "Content-Type": "application/json",
            "status": str(self.status),
        }
        return self.status, headers, json.dumps(self.body)


def _validation(message: str) -> RuntimeApiError:
    return RuntimeApiError(400, "ValidationError", {"Message": message})


def _model_error(
    account: str, region: str, endpoint: str, variant: str, status: int | None, message: str
) -> RuntimeApiError:
    log_group = f"/aws/sagemaker/Endpoints/{endpoint}"
    if status is None:
        text = (
            f'Received server error (0) from {variant} with message "Your invocation timed out '
            f"while waiting for a response from container {variant}. Review the latency metrics "
            'for each container in Amazon CloudWatch, resolve the issue, and try again."'
        )
        body: dict[str, Any] = {"Message": text, "OriginalStatusCode": 0}
    else:
        kind = "client" if 400 <= status < 500 else "server"
        text = f'Received {kind} error ({status}) from {variant} with message "{message}".'
        body = {"Message": text, "OriginalStatusCode": status, "OriginalMessage": message}
    body["LogStreamArn"] = f"arn:aws:logs:{region}:{account}:log-group:{log_group}"
    return RuntimeApiError(424, "ModelError", body)


# --- the endpoint and its variants --------------------------------------------------------


@dataclass(frozen=True)
class ServingVariant:
    name: str
    weight: float
    model_name: str | None
    package_group: str | None
    package_version: int | None
    model_error: dict[str, Any] | None = None  # the model's own failure (failures.py)


def _package(
    backend: SageMakerModelBackend, model_name: str | None
) -> tuple[str | None, int | None]:
    """The model package (group, version) a SageMaker model's container names, if any."""
    model = backend._models.get(model_name or "")
    if model is None:
        return None, None
    containers = ([model.primary_container] if model.primary_container else []) + list(
        model.containers or []
    )
    for container in containers:
        name = container.get("ModelPackageName")
        if name:
            arn = backend.model_package_name_mapping.get(name, name)
            # arn:aws:sagemaker:<region>:<account>:model-package/<group>/<version>
            _, _, rest = arn.partition(":model-package/")
            group, _, version = rest.partition("/")
            return (group or None), (int(version) if version.isdigit() else None)
    return None, None


def _serving_variants(
    backend: SageMakerModelBackend, endpoint: EmulatedEndpoint
) -> list[ServingVariant]:
    """The fleet that serves this request: during a blue/green rollout the new fleet
    takes its current share of traffic (``rollouts``), the old one the rest."""
    change = endpoint.change
    if change is not None and random.random() < change.green_share(clock.now()):
        return _fleet(backend, change.config_name or "", change.variants)
    return _fleet(backend, endpoint.endpoint_config_name, endpoint.variants)


def _fleet(
    backend: SageMakerModelBackend, config_name: str, variants: list[Variant]
) -> list[ServingVariant]:
    config = backend.endpoint_configs.get(config_name)
    models = {
        pv["VariantName"]: pv.get("ModelName")
        for pv in (config.production_variants if config else [])
    }
    found = []
    for variant in variants:
        weight = variant.current_weight
        model_name = models.get(variant.name)
        group, version = _package(backend, model_name)
        found.append(
            ServingVariant(
                name=variant.name,
                weight=float(variant.desired_weight if weight is None else weight),
                model_name=model_name,
                package_group=group,
                package_version=version,
                model_error=failures.model_error(backend, model_name),
            )
        )
    return found


def _resolve(account: str, region: str, name: str, target: str | None) -> ServingVariant:
    backend = sagemaker_backends[account][region]
    with clock.LOCK:
        endpoint = live_endpoint(backend, name)
        if endpoint is None or endpoint.endpoint_status not in _SERVING:
            raise _validation(f"Endpoint {name} of account {account} not found.")
        variants = _serving_variants(backend, endpoint)
    if target is not None:
        for variant in variants:
            if variant.name == target:
                return variant
        raise _validation(
            f'The variant "{target}" is not present within endpoint "{name}"; '
            f"variants: {', '.join(v.name for v in variants)}."
        )
    weights = [max(v.weight, 0.0) for v in variants]
    if not variants or sum(weights) <= 0:
        raise _validation(f"Endpoint {name} has no variant with a weight above 0 to route to.")
    return random.choices(variants, weights=weights)[0]


# --- the emulated model ------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    endpoint: str
    body: bytes
    content_type: str | None
    accept: str | None
    custom_attributes: str | None
    controls: dict[str, Any]


def _controls(body: bytes, content_type: str | None) -> dict[str, Any]:
    if "json" not in (content_type or ""):
        return {}
    try:
        parsed = json.loads(body)
    except ValueError:
        return {}
    controls = parsed.get(CONTROL_KEY) if isinstance(parsed, dict) else None
    return controls if isinstance(controls, dict) else {}


def _echo(request: Request, variant: ServingVariant) -> bytes:
    received: dict[str, Any] = {
        "content_type": request.content_type,
        "accept": request.accept,
        "custom_attributes": request.custom_attributes,
        "size_bytes": len(request.body),
    }
    try:
        text = request.body.decode()
    except UnicodeDecodeError:
        received["base64"] = base64.b64encode(request.body).decode()
    else:
        try:
            received["json"] = json.loads(text) if "json" in (request.content_type or "") else None
        except ValueError:
            received["json"] = None
        if received["json"] is None:
            del received["json"]
            received["text"] = text
    echo = {
        "endpoint": request.endpoint,
        "variant": variant.name,
        "model": {
            "name": variant.model_name,
            "model_package_group": variant.package_group,
            "model_package_version": variant.package_version,
        },
        "request": received,
    }
    return json.dumps(echo, separators=(",", ":")).encode()


def _answer_type(accept: str | None) -> str:
    if accept and "," not in accept and "*" not in accept:
        return accept.strip()
    return "application/json"


def _release(request: Request) -> None:
    gate = request.controls.get("release")
    if isinstance(gate, str):
        with _gates_lock:
            _gates.setdefault(f"{request.endpoint}/{gate}", threading.Event()).set()


def _as_served_by(request: Request, variant: ServingVariant) -> Request:
    """A faulty model fails every request (unless the request asks for its own error)."""
    if variant.model_error is None or "model_error" in request.controls:
        return request
    return dataclasses.replace(
        request, controls=request.controls | {"model_error": variant.model_error}
    )


def _model(request: Request) -> int | None:
    """Run the emulated model: the status it answers (None: SageMaker timed it out)."""
    _release(request)
    delay = request.controls.get("delay_ms")
    if isinstance(delay, int | float) and delay > 0:
        seconds = delay / 1000
        time.sleep(min(seconds, _model_timeout_seconds))
        if seconds > _model_timeout_seconds:
            return None
    failure = request.controls.get("model_error")
    if isinstance(failure, dict):
        status = failure.get("status", 500)
        return status if isinstance(status, int) and 400 <= status <= 599 else 500
    return 200


def _failure_message(request: Request) -> str:
    failure = request.controls.get("model_error")
    message = failure.get("message") if isinstance(failure, dict) else None
    return str(message) if message is not None else "The model failed."


def _served(
    account: str,
    region: str,
    request: Request,
    variant: ServingVariant,
    status: int | None,
    model_us: int,
    answer: bytes,
) -> None:
    """What a served request leaves behind besides metrics: the container's log line."""
    message = _failure_message(request) if status not in (200, None) else None
    container_logs.invocation(
        account,
        region,
        request.endpoint,
        variant.name,
        status,
        model_us,
        len(request.body),
        len(answer),
        message,
    )


# --- the two operations ------------------------------------------------------------------


def _request(self: SageMakerRuntimeResponse, accept_header: str) -> Request:
    body = self.raw_body if isinstance(self.raw_body, bytes) else (self.raw_body or "").encode()
    content_type = self.headers.get("Content-Type")
    return Request(
        endpoint=self.path.split("/")[2],
        body=body,
        content_type=content_type,
        accept=self.headers.get(accept_header),
        custom_attributes=self.headers.get("X-Amzn-SageMaker-Custom-Attributes"),
        controls=_controls(body, content_type),
    )


def invoke_endpoint(self: SageMakerRuntimeResponse) -> TYPE_RESPONSE:
    started = time.perf_counter_ns()
    account, region = self.current_account, self.region
    request = _request(self, "Accept")
    try:
        variant = _resolve(
            account, region, request.endpoint, self.headers.get("X-Amzn-SageMaker-Target-Variant")
        )
    except RuntimeApiError as error:
        return error.response()
    request = _as_served_by(request, variant)
    flight = InFlight(account, region, request.endpoint, variant.name)
    flight.arrive()
    model_started = time.perf_counter_ns()
    status = _model(request)
    answer = _echo(request, variant) if status == 200 else b""
    model_us = (time.perf_counter_ns() - model_started) // 1000
    overhead_us = (time.perf_counter_ns() - started) // 1000 - model_us
    flight.leave(Served(status, model_us, overhead_us))
    _served(account, region, request, variant, status, model_us, answer)
    if status == 200:
        data_capture.capture(
            account,
            region,
            request.endpoint,
            variant.name,
            (request.body, request.content_type),
            (answer, _answer_type(request.accept)),
        )
    if status != 200:
        failed = _model_error(
            account, region, request.endpoint, variant.name, status, _failure_message(request)
        )
        return failed.response()
    headers = {
        "Content-Type": _answer_type(request.accept),
        "x-Amzn-Invoked-Production-Variant": variant.name,
    }
    if request.custom_attributes:
        headers["X-Amzn-SageMaker-Custom-Attributes"] = request.custom_attributes
    return 200, headers, answer


def _pieces(answer: bytes, count: int) -> list[bytes]:
    size = max(1, -(-len(answer) // count))
    return [answer[i : i + size] for i in range(0, len(answer), size)]


def _hold(request: Request) -> bool:
    """Wait for the gate the request names (True when released, False on timeout)."""
    gate = request.controls.get("hold_last_chunk")
    if not isinstance(gate, str):
        return True
    key = f"{request.endpoint}/{gate}"
    with _gates_lock:
        event = _gates.setdefault(key, threading.Event())
    released = event.wait(GATE_TIMEOUT_SECONDS)
    with _gates_lock:
        _gates.pop(key, None)
    return released


def invoke_endpoint_with_response_stream(self: SageMakerRuntimeResponse) -> Any:
    # Answers TYPE_RESPONSE, or a generator of event-stream frames as the body (Flask
    # streams it), which TYPE_RESPONSE does not allow for.
    started = time.perf_counter_ns()
    account, region = self.current_account, self.region
    request = _request(self, "X-Amzn-SageMaker-Accept")
    try:
        variant = _resolve(
            account, region, request.endpoint, self.headers.get("X-Amzn-SageMaker-Target-Variant")
        )
    except RuntimeApiError as error:
        return error.response()
    request = _as_served_by(request, variant)
    flight = InFlight(account, region, request.endpoint, variant.name)
    flight.arrive()
    model_started = time.perf_counter_ns()
    status = _model(request)
    if status != 200:
        model_us = (time.perf_counter_ns() - model_started) // 1000
        flight.leave(
            Served(status, model_us, (time.perf_counter_ns() - started) // 1000 - model_us)
        )
        _served(account, region, request, variant, status, model_us, b"")
        failed = _model_error(
            account, region, request.endpoint, variant.name, status, _failure_message(request)
        )
        return failed.response()
    chunks = request.controls.get("chunks", 3)
    count = min(max(chunks, 1), MAX_CHUNKS) if isinstance(chunks, int) else 3
    pieces = _pieces(_echo(request, variant), count)

    def frames() -> Iterator[bytes]:
        # A client that goes away early does not make the model fail: 200 unless it timed out.
        outcome: int | None = 200
        try:
            for piece in pieces[:-1]:
                yield invocation_stream.payload_part(piece)
            if not _hold(request):
                outcome = None
                yield invocation_stream.model_stream_error(
                    "The last part was held for a release that never came.", "ModelStreamTimeout"
                )
                return
            yield invocation_stream.payload_part(pieces[-1])
        finally:
            model_us = (time.perf_counter_ns() - model_started) // 1000
            overhead_us = (time.perf_counter_ns() - started) // 1000 - model_us
            flight.leave(Served(outcome, model_us, overhead_us))
            _served(account, region, request, variant, outcome, model_us, b"".join(pieces))

    headers = {
        "Content-Type": invocation_stream.CONTENT_TYPE,
        "X-Amzn-SageMaker-Content-Type": _answer_type(request.accept),
        "x-Amzn-Invoked-Production-Variant": variant.name,
    }
    return 200, headers, frames()


def _infer_service_region_host(
    self: DomainDispatcherApplication, environ: dict[str, Any], path: str
) -> str | None:
    host = _ORIGINAL_INFER(self, environ, path)
    # moto sends only paths ending in "invocations" to the runtime; the stream's is longer.
    if host and host.startswith("api.sagemaker.") and path.endswith("/invocations-response-stream"):
        return "runtime." + host.removeprefix("api.")
    return host


def install() -> None:
    # Bodies are the model's input, often binary: never decode them as text or a form.
    SageMakerRuntimeResponse.use_raw_body = True
    runtime_urls.url_paths[STREAM_PATH] = runtime_urls.response.dispatch
    setattr(SageMakerRuntimeResponse, "invoke_endpoint", invoke_endpoint)  # noqa: B010
    setattr(  # noqa: B010
        SageMakerRuntimeResponse,
        "invoke_endpoint_with_response_stream",
        invoke_endpoint_with_response_stream,
    )
    setattr(  # noqa: B010
        DomainDispatcherApplication, "infer_service_region_host", _infer_service_region_host
    )
