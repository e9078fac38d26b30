"""Every operation of the spec through ``mlm.lambdas.api`` as API Gateway calls it: REST API
(payload 1.0) and HTTP API (payload 2.0) events, against the emulator.

Each operation has a happy path (its first success status in the spec), and problem answers:
401 without a key, 404 for a resource that does not exist, 400 for an unknown query
parameter (the spec is validated strictly)."""

from __future__ import annotations

import base64
import json
import os
import secrets
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from mlm.container import Container, build_container
from mlm.lambdas.api import make_handler
from mlm.settings import Settings
from tests.conftest import Keys, Transitions, settings_with_keys
from tests.lambdas.gateway import GatewayClient, LambdaContext, Version, http_event
from tests.polling import poll

ROOT = Path(__file__).resolve().parents[2]
IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/djl-inference:0.29.0-lmi11.0.0-cu124"
VERSIONS: list[Version] = ["1.0", "2.0"]
SHARED_KEYS = Keys(
    tenant=f"lam{os.environ.get('PYTEST_XDIST_WORKER', 'gw0').removeprefix('gw')}",
    admin=secrets.token_urlsafe(16),
    operator=secrets.token_urlsafe(16),
    viewer=secrets.token_urlsafe(16),
    other_tenant="lamother",
    other_tenant_admin=secrets.token_urlsafe(16),
)


@cache
def operations() -> dict[str, tuple[str, str, dict[str, Any]]]:
    """operationId -> (method, path under /v1, operation) from the spec."""
    spec = yaml.safe_load((ROOT / "spec" / "openapi.yaml").read_text())
    found = {}
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in {"get", "post", "patch", "delete", "put"}:
                found[operation["operationId"]] = (method.upper(), f"/v1{path}", operation)
    return found


def secured(operation_id: str) -> bool:
    return operations()[operation_id][2].get("security") != []


def has_path_parameter(operation_id: str) -> bool:
    return "{" in operations()[operation_id][1]


@pytest.fixture(params=VERSIONS, ids=["rest-api-v1", "http-api-v2"])
def gateway(request: pytest.FixtureRequest, container: Container, keys: Keys) -> GatewayClient:
    return GatewayClient(make_handler(container), request.param, api_key=keys.admin)


UNLIMITED = {"rate_limit_key_writes_burst": 100_000, "rate_limit_key_burst": 100_000}


@pytest.fixture(scope="module")
def shared_handler(emulator_settings: Settings) -> Callable[..., dict[str, Any]]:
    """One app for the problem answers (they create nothing): building the connexion app
    per test would cost ~0.4 s each."""
    # One key makes every problem request of the module, faster than a key's write limit
    # allows (30 at once, 10 a second); limits are tested in tests/test_rate_limits.py.
    settings = settings_with_keys(emulator_settings, SHARED_KEYS, **UNLIMITED)
    return make_handler(build_container(settings))


@pytest.fixture(params=VERSIONS, ids=["rest-api-v1", "http-api-v2"])
def shared_gateway(
    request: pytest.FixtureRequest, shared_handler: Callable[..., dict[str, Any]]
) -> GatewayClient:
    return GatewayClient(shared_handler, request.param, api_key=SHARED_KEYS.admin)


# --- setup steps, through the gateway too ---------------------------------------------------


def _model(gw: GatewayClient, name: str = "chat") -> httpx.Response:
    created = gw.post("/v1/models", json_body={"name": name, "metadata": {"license": "mit"}})
    assert created.status_code == 201, created.text
    return created


def _version(gw: GatewayClient) -> httpx.Response:
    _model(gw)
    created = gw.post("/v1/models/chat/versions", json_body={"container": {"image": IMAGE}})
    assert created.status_code == 201, created.text
    return created


def _endpoint_body() -> dict[str, Any]:
    variant = {
        "name": "primary",
        "model_name": "chat",
        "model_version": 1,
        "instance_type": "ml.g5.2xlarge",
    }
    return {"name": "chat-ep", "variants": [variant]}


def _live_endpoint(gw: GatewayClient) -> None:
    _version(gw)
    assert gw.post("/v1/endpoints", json_body=_endpoint_body()).status_code == 202
    poll(
        lambda: gw.get("/v1/endpoints/chat-ep").json()["status"],
        lambda status: status == "in_service",
        "chat-ep to be in_service",
    )


def _job_body(settings: Settings, keys: Keys) -> dict[str, Any]:
    uri = f"s3://{settings.artifact_bucket}/{keys.tenant}/nothing-here/"
    return {
        "source": {"platform": "s3", "s3_uri": uri},
        "target": {"model_name": "chat", "register_version": False},
    }


def _held_job(gw: GatewayClient, settings: Settings, keys: Keys, transitions: Transitions) -> str:
    _model(gw)
    transitions.hold()
    created = gw.post("/v1/packaging-jobs", json_body=_job_body(settings, keys))
    assert created.status_code == 202, created.text
    job_id: str = created.json()["job_id"]
    return job_id


# --- one happy path per operation -------------------------------------------------------------

Happy = Callable[[GatewayClient, Settings, Keys, Transitions], httpx.Response]


def _update_model(gw: GatewayClient, *_: Any) -> httpx.Response:
    etag = _model(gw).headers["ETag"]
    return gw.patch("/v1/models/chat", json_body={"owner": "ml"}, headers={"If-Match": etag})


def _update_version(gw: GatewayClient, *_: Any) -> httpx.Response:
    etag = _version(gw).headers["ETag"]
    body = {"approval_status": "approved", "approval_note": "eval passed"}
    return gw.patch("/v1/models/chat/versions/1", json_body=body, headers={"If-Match": etag})


def _create_job(
    gw: GatewayClient, settings: Settings, keys: Keys, _: Transitions
) -> httpx.Response:
    _model(gw)
    return gw.post("/v1/packaging-jobs", json_body=_job_body(settings, keys))


def _get_job(gw: GatewayClient, s: Settings, k: Keys, t: Transitions) -> httpx.Response:
    return gw.get(f"/v1/packaging-jobs/{_held_job(gw, s, k, t)}")


def _cancel_job(gw: GatewayClient, s: Settings, k: Keys, t: Transitions) -> httpx.Response:
    return gw.post(f"/v1/packaging-jobs/{_held_job(gw, s, k, t)}/cancel")


def _list_jobs(gw: GatewayClient, s: Settings, k: Keys, t: Transitions) -> httpx.Response:
    _held_job(gw, s, k, t)
    return gw.get("/v1/packaging-jobs")


def _update_endpoint(gw: GatewayClient, *_: Any) -> httpx.Response:
    _live_endpoint(gw)
    patch = {"variants": [{"name": "primary", "instance_count": 2}]}
    return gw.patch("/v1/endpoints/chat-ep", json_body=patch)


def _delete_endpoint(gw: GatewayClient, *_: Any) -> httpx.Response:
    _live_endpoint(gw)
    return gw.delete("/v1/endpoints/chat-ep")


def _metrics(gw: GatewayClient, *_: Any) -> httpx.Response:
    _live_endpoint(gw)
    # A multi-value query string: both metrics must arrive.
    query = [("metric", "model_latency_ms"), ("metric", "invocations")]
    return gw.get("/v1/endpoints/chat-ep/metrics", query=query)


def _invoke(gw: GatewayClient, *_: Any) -> httpx.Response:
    _live_endpoint(gw)
    return gw.post("/v1/endpoints/chat-ep/invocations", json_body={"inputs": "hello"})


ALARMS = {"alarms": [{"kind": "error_rate_5xx", "threshold": 5}]}


def _put_alarms(gw: GatewayClient, *_: Any) -> httpx.Response:
    _live_endpoint(gw)
    return gw.request("PUT", "/v1/endpoints/chat-ep/alarms", json_body=ALARMS)


def _subscribe(gw: GatewayClient, *_: Any) -> httpx.Response:
    assert _put_alarms(gw).status_code == 200
    body = {"protocol": "email", "endpoint": "oncall@example.com"}
    return gw.post("/v1/endpoints/chat-ep/alarms/subscriptions", json_body=body)


SCALING = {"variants": [{"variant": "primary", "min_instances": 1, "max_instances": 2}]}


def _put_autoscaling(gw: GatewayClient, *_: Any) -> httpx.Response:
    _live_endpoint(gw)
    return gw.request("PUT", "/v1/endpoints/chat-ep/autoscaling", json_body=SCALING)


def _delete_autoscaling(gw: GatewayClient, *_: Any) -> httpx.Response:
    assert _put_autoscaling(gw).status_code == 200
    return gw.delete("/v1/endpoints/chat-ep/autoscaling")


def _api_key(gw: GatewayClient) -> httpx.Response:
    created = gw.post("/v1/api-keys", json_body={"name": "ci", "role": "operator"})
    assert created.status_code == 201, created.text
    return created


def _job_logs(gw: GatewayClient, s: Settings, k: Keys, t: Transitions) -> httpx.Response:
    return gw.get(f"/v1/packaging-jobs/{_held_job(gw, s, k, t)}/logs")


HAPPY: dict[str, Happy] = {
    "get_health": lambda gw, *_: gw.get("/v1/health"),
    "list_instance_types": lambda gw, *_: gw.get("/v1/instance-types"),
    "create_model": lambda gw, *_: _model(gw),
    "list_models": lambda gw, *_: (_model(gw), gw.get("/v1/models"))[1],
    "get_model": lambda gw, *_: (_model(gw), gw.get("/v1/models/chat"))[1],
    "update_model": _update_model,
    "delete_model": lambda gw, *_: (_model(gw), gw.delete("/v1/models/chat"))[1],
    "create_model_version": lambda gw, *_: _version(gw),
    "list_model_versions": lambda gw, *_: (_version(gw), gw.get("/v1/models/chat/versions"))[1],
    "get_model_version": lambda gw, *_: (_version(gw), gw.get("/v1/models/chat/versions/1"))[1],
    "update_model_version": _update_version,
    "delete_model_version": lambda gw, *_: (
        _version(gw),
        gw.delete("/v1/models/chat/versions/1"),
    )[1],
    "create_packaging_job": _create_job,
    "list_packaging_jobs": _list_jobs,
    "get_packaging_job": _get_job,
    "cancel_packaging_job": _cancel_job,
    "create_endpoint": lambda gw, *_: (
        _version(gw),
        gw.post("/v1/endpoints", json_body=_endpoint_body()),
    )[1],
    "list_endpoints": lambda gw, *_: (_live_endpoint(gw), gw.get("/v1/endpoints"))[1],
    "get_endpoint": lambda gw, *_: (_live_endpoint(gw), gw.get("/v1/endpoints/chat-ep"))[1],
    "update_endpoint": _update_endpoint,
    "delete_endpoint": _delete_endpoint,
    "get_endpoint_instances": lambda gw, *_: (
        _live_endpoint(gw),
        gw.get("/v1/endpoints/chat-ep/instances"),
    )[1],
    "get_endpoint_metrics": _metrics,
    "invoke_endpoint": _invoke,
    "get_endpoint_logs": lambda gw, *_: (_live_endpoint(gw), gw.get("/v1/endpoints/chat-ep/logs"))[
        1
    ],
    "get_packaging_job_logs": _job_logs,
    "list_endpoint_captures": lambda gw, *_: (
        _live_endpoint(gw),
        gw.get("/v1/endpoints/chat-ep/captures"),
    )[1],
    "get_endpoint_alarms": lambda gw, *_: (
        _live_endpoint(gw),
        gw.get("/v1/endpoints/chat-ep/alarms"),
    )[1],
    "put_endpoint_alarms": _put_alarms,
    "subscribe_to_endpoint_alarms": _subscribe,
    "get_endpoint_autoscaling": lambda gw, *_: (
        _live_endpoint(gw),
        gw.get("/v1/endpoints/chat-ep/autoscaling"),
    )[1],
    "put_endpoint_autoscaling": _put_autoscaling,
    "delete_endpoint_autoscaling": _delete_autoscaling,
    "create_api_key": lambda gw, *_: _api_key(gw),
    "list_api_keys": lambda gw, *_: (_api_key(gw), gw.get("/v1/api-keys"))[1],
    "get_api_key": lambda gw, *_: (_api_key(gw), gw.get("/v1/api-keys/ci"))[1],
    "update_api_key": lambda gw, *_: (
        _api_key(gw),
        gw.patch("/v1/api-keys/ci", json_body={"expires_at": None}),
    )[1],
    "revoke_api_key": lambda gw, *_: (_api_key(gw), gw.delete("/v1/api-keys/ci"))[1],
    "rotate_api_key": lambda gw, *_: (_api_key(gw), gw.post("/v1/api-keys/ci/rotate"))[1],
    "list_audit_events": lambda gw, *_: (_model(gw), gw.get("/v1/audit-events"))[1],
}

# A path of each operation with a path parameter that names nothing.
MISSING = {
    "get_model": "/v1/models/absent",
    "update_model": "/v1/models/absent",
    "delete_model": "/v1/models/absent",
    "create_model_version": "/v1/models/absent/versions",
    "list_model_versions": "/v1/models/absent/versions",
    "get_model_version": "/v1/models/absent/versions/1",
    "update_model_version": "/v1/models/absent/versions/1",
    "delete_model_version": "/v1/models/absent/versions/1",
    "get_packaging_job": "/v1/packaging-jobs/absent-0123456789",
    "cancel_packaging_job": "/v1/packaging-jobs/absent-0123456789/cancel",
    "get_endpoint": "/v1/endpoints/absent",
    "update_endpoint": "/v1/endpoints/absent",
    "delete_endpoint": "/v1/endpoints/absent",
    "get_endpoint_instances": "/v1/endpoints/absent/instances",
    "get_endpoint_metrics": "/v1/endpoints/absent/metrics",
    "invoke_endpoint": "/v1/endpoints/absent/invocations",
    "get_endpoint_logs": "/v1/endpoints/absent/logs",
    "get_packaging_job_logs": "/v1/packaging-jobs/absent-0123456789/logs",
    "list_endpoint_captures": "/v1/endpoints/absent/captures",
    "get_endpoint_alarms": "/v1/endpoints/absent/alarms",
    "put_endpoint_alarms": "/v1/endpoints/absent/alarms",
    "subscribe_to_endpoint_alarms": "/v1/endpoints/absent/alarms/subscriptions",
    "get_endpoint_autoscaling": "/v1/endpoints/absent/autoscaling",
    "put_endpoint_autoscaling": "/v1/endpoints/absent/autoscaling",
    "delete_endpoint_autoscaling": "/v1/endpoints/absent/autoscaling",
    "get_api_key": "/v1/api-keys/absent",
    "update_api_key": "/v1/api-keys/absent",
    "revoke_api_key": "/v1/api-keys/absent",
    "rotate_api_key": "/v1/api-keys/absent/rotate",
}

# A valid body for operations that need one (so the 404 is about the resource).
BODIES: dict[str, Any] = {
    "create_model": {"name": "chat", "metadata": {"license": "mit"}},
    "update_model": {"owner": "ml"},
    "create_model_version": {"container": {"image": IMAGE}},
    "update_model_version": {"approval_status": "approved"},
    "update_endpoint": {"variants": [{"name": "primary", "instance_count": 2}]},
    "create_endpoint": _endpoint_body(),
    "invoke_endpoint": {"inputs": "hello"},
    "put_endpoint_alarms": ALARMS,
    "subscribe_to_endpoint_alarms": {"protocol": "email", "endpoint": "oncall@example.com"},
    "update_api_key": {"expires_at": None},
    "put_endpoint_autoscaling": SCALING,
}


def _concrete_path(operation_id: str) -> str:
    return MISSING.get(operation_id, operations()[operation_id][1])


def _success_status(operation_id: str) -> int:
    return min(int(code) for code in operations()[operation_id][2]["responses"] if code[0] == "2")


def test_every_operation_of_the_spec_has_a_happy_path_here() -> None:
    assert set(HAPPY) == set(operations())
    assert set(MISSING) == {op for op in operations() if has_path_parameter(op)}


@pytest.mark.parametrize("operation_id", sorted(operations()))
def test_each_operation_succeeds_through_the_lambda_handler(
    operation_id: str,
    gateway: GatewayClient,
    settings: Settings,
    keys: Keys,
    transitions: Transitions,
) -> None:
    response = HAPPY[operation_id](gateway, settings, keys, transitions)
    assert response.status_code == _success_status(operation_id), response.text
    assert response.headers["X-Request-Id"]


@pytest.mark.parametrize("operation_id", sorted(op for op in operations() if secured(op)))
def test_each_secured_operation_is_401_without_a_key(
    operation_id: str, shared_gateway: GatewayClient
) -> None:
    shared_gateway.api_key = None
    method = operations()[operation_id][0]
    response = shared_gateway.request(method, _concrete_path(operation_id))
    assert response.status_code == 401
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 401


@pytest.mark.parametrize("operation_id", sorted(MISSING))
def test_each_operation_on_a_missing_resource_is_404(
    operation_id: str, shared_gateway: GatewayClient
) -> None:
    method = operations()[operation_id][0]
    response = shared_gateway.request(
        method, MISSING[operation_id], json_body=BODIES.get(operation_id)
    )
    assert response.status_code == 404, response.text
    assert response.json()["status"] == 404


@pytest.mark.parametrize("operation_id", sorted(operations()))
def test_each_operation_with_an_unknown_query_parameter_is_400(
    operation_id: str, shared_gateway: GatewayClient
) -> None:
    method = operations()[operation_id][0]
    response = shared_gateway.request(
        method,
        _concrete_path(operation_id),
        json_body=BODIES.get(operation_id),
        query=[("no_such_parameter", "1")],
    )
    assert response.status_code == 400, response.text
    assert response.headers["Content-Type"] == "application/problem+json"


# --- what the adapter must carry -------------------------------------------------------------


def test_a_binary_body_arrives_base64_and_comes_back_byte_for_byte(
    gateway: GatewayClient,
) -> None:
    _live_endpoint(gateway)
    payload = bytes(range(256)) * 4
    response = gateway.post(
        "/v1/endpoints/chat-ep/invocations",
        content=payload,
        headers={"Content-Type": "application/octet-stream", "Accept": "application/octet-stream"},
    )
    assert gateway.last_event is not None
    assert gateway.last_event["isBase64Encoded"] is True
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/octet-stream"
    assert base64.b64decode(json.loads(response.content)["request"]["base64"]) == payload


def test_request_headers_reach_the_app_and_response_headers_come_back(
    gateway: GatewayClient,
) -> None:
    response = gateway.get("/v1/health", headers={"X-Request-Id": "trace-42"})
    assert response.headers["X-Request-Id"] == "trace-42"


def test_a_problem_body_is_answered_as_text_not_base64(container: Container) -> None:
    event = http_event("GET", "/v1/models", {"host": "api.example.com"}, [], b"")
    answer = make_handler(container)(event, LambdaContext())
    assert answer["statusCode"] == 401
    assert answer["isBase64Encoded"] is False
    assert json.loads(answer["body"])["status"] == 401


def test_the_handler_module_never_imports_the_emulator() -> None:
    code = (
        "import sys, mlm.lambdas.api as api; api._handler(); "
        "print(sorted(m for m in sys.modules if m.startswith('mlm.emulator') or m == 'moto'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "", "PYTHONPATH": f"{ROOT / 'server'}", "MLM_MODE": "aws"},
    )
    assert out.stdout.strip() == "[]"


def test_a_streamed_invocation_arrives_whole_at_the_end(gateway: GatewayClient) -> None:
    """What Lambda behind API Gateway cannot do: stream. Mangum collects the ASGI answer and
    returns it in one payload, so the server-sent events all arrive at once, at the end
    (README "Deploy to AWS"; the container runtime streams them)."""
    _live_endpoint(gateway)
    body = {"inputs": "hi", "mlm_emulator": {"chunks": 4}}
    response = gateway.post(
        "/v1/endpoints/chat-ep/invocations",
        json_body=body,
        headers={"Accept": "text/event-stream"},
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/event-stream")
    names = [line[7:] for line in response.text.splitlines() if line.startswith("event: ")]
    assert names == ["chunk"] * 4 + ["end"]


def test_inside_lambda_the_app_is_built_at_import_in_the_init_phase() -> None:
    code = "import mlm.lambdas.api as api; print(api._handler.cache_info().currsize)"
    env = {"PATH": "", "PYTHONPATH": f"{ROOT / 'server'}", "MLM_MODE": "aws"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=env | {"AWS_LAMBDA_FUNCTION_NAME": "mlm-api"},
    )
    assert out.stdout.strip() == "1"
