"""The fault proxy itself: it forwards exactly, names calls right, and each fault does what
it says (the fault matrix is only as good as this)."""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError, ConnectionClosedError, ReadTimeoutError

from mlm.aws.clients import EMULATOR_CREDENTIALS, ClientFactory
from tests.reliability.harness import Environment
from tests.reliability.proxy import FaultProxy

THROTTLED = "ThrottlingException"
REPLY = b"HTTP/1.1 201 Created\r\nX-Upstream: yes\r\nContent-Length: 5\r\n\r\nhello"


class _RawUpstream(socketserver.ThreadingTCPServer):
    """Records the raw bytes of each request (headers, then Content-Length or chunked
    body) and answers REPLY."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        self.received: list[bytes] = []
        super().__init__(("127.0.0.1", 0), _RawHandler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _RawHandler(socketserver.StreamRequestHandler):
    server: _RawUpstream

    def handle(self) -> None:
        raw = b""
        while not raw.endswith(b"\r\n\r\n"):
            chunk = self.rfile.readline()
            if not chunk:
                return
            raw += chunk
        head = raw.decode("latin-1").lower()
        if "content-length:" in head:
            length = int(head.split("content-length:")[1].split("\r\n")[0])
            raw += self.rfile.read(length)
        elif "transfer-encoding: chunked" in head:
            while True:
                line = self.rfile.readline()
                raw += line
                size = int(line.split(b";")[0], 16)
                raw += self.rfile.read(size + 2)
                if size == 0:
                    break
        self.server.received.append(raw)
        self.wfile.write(REPLY)


@pytest.fixture
def upstream() -> Iterator[_RawUpstream]:
    server = _RawUpstream()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


STALL = 5.0  # seconds; long beside a 0.3 s read timeout, however loaded the machine


@pytest.fixture
def proxy(env: Environment) -> Iterator[FaultProxy]:
    """A proxy of its own in front of the emulator, with a short stall."""
    with FaultProxy(env.emulator.url, stall_seconds=1.0) as started:
        yield started


def _raw_exchange(url: str, request: bytes, timeout: float = 5.0) -> bytes:
    """Send raw bytes; everything the other side answered before it closed (or b"")."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=timeout) as sock:
        sock.sendall(request)
        received = b""
        try:
            while chunk := sock.recv(65536):
                received += chunk
                if received.endswith(b"hello"):
                    break
        except ConnectionResetError:
            pass
        return received


def _clients(env: Environment, proxy: FaultProxy, **settings: Any) -> ClientFactory:
    return ClientFactory(
        env.settings.model_copy(update={"aws_endpoint_url": proxy.url, **settings})
    )


def _no_retries(env: Environment, proxy: FaultProxy, service: str) -> Any:
    """A client that makes one attempt per call (what the proxy did is then plain)."""
    session = boto3.session.Session(region_name=env.settings.region, **EMULATOR_CREDENTIALS)
    return session.client(
        service,  # type: ignore[call-overload]
        endpoint_url=proxy.url,
        config=Config(retries={"mode": "standard", "total_max_attempts": 1}),
    )


# --- forwarding ---------------------------------------------------------------------------


def test_a_request_reaches_upstream_byte_for_byte(upstream: _RawUpstream) -> None:
    body = bytes(range(256)) * 4
    request = (
        b"POST /a%20path/x?b=2&a=1&empty= HTTP/1.1\r\n"
        b"Host: 127.0.0.1:9\r\n"
        b"X-Amz-Target: SageMaker.CreateModel\r\n"
        b"Authorization: AWS4-HMAC-SHA256 Credential=k/20250101/us-east-1/sagemaker/aws4_request, "
        b"SignedHeaders=host;x-amz-target, Signature=abc\r\n"
        b"x-lower-case: Mixed Value\r\n"
        b"X-Repeated: one\r\n"
        b"X-Repeated: two\r\n"
        b"Content-Length: 1024\r\n"
        b"\r\n" + body
    )
    with FaultProxy(upstream.url) as proxy:
        answer = _raw_exchange(proxy.url, request)
        assert upstream.received == [request]
        assert proxy.actions() == ["sagemaker:CreateModel"]
    assert answer.startswith(b"HTTP/1.1 201 Created\r\n")
    assert b"X-Upstream: yes\r\n" in answer
    assert answer.endswith(b"\r\n\r\nhello")


def test_a_chunked_body_is_forwarded_with_its_framing(upstream: _RawUpstream) -> None:
    request = (
        b"PUT /bucket/key HTTP/1.1\r\n"
        b"Host: 127.0.0.1:9\r\n"
        b"Transfer-Encoding: chunked\r\n"
        b"\r\n"
        b"5\r\nhello\r\n3;ext=1\r\n ab\r\n0\r\n\r\n"
    )
    with FaultProxy(upstream.url) as proxy:
        _raw_exchange(proxy.url, request)
    assert upstream.received == [request]


def test_the_proxy_forwards_to_loopback_only() -> None:
    with pytest.raises(ValueError, match="loopback"):
        FaultProxy("http://example.com:80")


# --- naming ---------------------------------------------------------------------------------


def test_calls_of_every_protocol_are_named_service_and_operation(
    env: Environment, proxy: FaultProxy
) -> None:
    clients = _clients(env, proxy)
    bucket = env.settings.artifact_bucket
    clients.sts().get_caller_identity()
    clients.sagemaker().list_models()
    clients.dynamodb().list_tables()
    clients.cloudwatch().list_metrics(Namespace="AWS/SageMaker")
    s3 = clients.s3()
    s3.put_object(Bucket=bucket, Key="proxy-test/a b.txt", Body=b"x")
    s3.get_object(Bucket=bucket, Key="proxy-test/a b.txt")["Body"].read()
    s3.list_objects_v2(Bucket=bucket, Prefix="proxy-test/")
    s3.delete_object(Bucket=bucket, Key="proxy-test/a b.txt")
    batch = clients.client("batch")
    batch.list_jobs(jobQueue=env.settings.batch_job_queue)
    batch.describe_jobs(jobs=["no-such-job"])
    with pytest.raises(ClientError):
        clients.sagemaker_runtime().invoke_endpoint(EndpointName="no-such-endpoint", Body=b"{}")
    assert proxy.actions() == [
        "sts:GetCallerIdentity",
        "sagemaker:ListModels",
        "dynamodb:ListTables",
        "cloudwatch:ListMetrics",
        "s3:PutObject",
        "s3:GetObject",
        "s3:ListObjectsV2",
        "s3:DeleteObject",
        "batch:ListJobs",
        "batch:DescribeJobs",
        "sagemaker-runtime:InvokeEndpoint",
    ]


# --- faults ---------------------------------------------------------------------------------


def test_error_500_fails_one_call_once_with_a_json_error(
    env: Environment, proxy: FaultProxy
) -> None:
    sagemaker = _no_retries(env, proxy, "sagemaker")
    proxy.add("error_500", "sagemaker:ListModels")
    with pytest.raises(ClientError) as failed:
        sagemaker.list_models()
    sagemaker.list_models()
    error = failed.value.response
    assert error["ResponseMetadata"]["HTTPStatusCode"] == 500
    assert error["Error"]["Code"] == "InternalFailure"
    assert [(c.action, c.fault) for c in proxy.calls] == [
        ("sagemaker:ListModels", "error_500"),
        ("sagemaker:ListModels", None),
    ]


def test_botocore_retries_an_error_500_through(env: Environment, proxy: FaultProxy) -> None:
    proxy.add("error_500", "sagemaker:ListModels")
    _clients(env, proxy).sagemaker().list_models()
    assert [c.fault for c in proxy.calls] == ["error_500", None]


@pytest.mark.parametrize(
    ("service", "call", "code"),
    [
        ("sagemaker", lambda c: c.sagemaker().list_models(), THROTTLED),
        ("dynamodb", lambda c: c.dynamodb().list_tables(), THROTTLED),
        (
            "batch",
            lambda c: c.client("batch").list_jobs(jobQueue="mlm-packaging"),
            "ThrottlingException",
        ),
        ("cloudwatch", lambda c: c.cloudwatch().list_metrics(), THROTTLED),
        ("sts", lambda c: c.sts().get_caller_identity(), "Throttling"),
        ("s3", lambda c: c.s3().list_buckets(), "SlowDown"),
    ],
)
def test_throttle_outlasts_every_botocore_retry(
    env: Environment, proxy: FaultProxy, service: str, call: Any, code: str
) -> None:
    clients = _clients(env, proxy, aws_max_attempts=3)
    proxy.add("throttle")
    with pytest.raises(ClientError) as failed:
        call(clients)
    throttled = proxy.calls
    assert failed.value.response["Error"]["Code"] == code
    assert "reached max retries: 3" in str(failed.value)
    assert len(throttled) == 4  # the call and its three retries, all throttled
    assert {c.fault for c in throttled} == {"throttle"}
    assert len({c.action for c in throttled}) == 1
    call(clients)  # the next call is not throttled


def test_throttle_spares_other_calls_made_meanwhile(env: Environment, proxy: FaultProxy) -> None:
    proxy.add("throttle", "sagemaker:ListModels")
    sagemaker = _no_retries(env, proxy, "sagemaker")
    with pytest.raises(ClientError):
        sagemaker.list_models()
    sagemaker.list_models()  # another invocation: its own amz-sdk-invocation-id
    sagemaker.list_endpoints()
    assert [c.fault for c in proxy.calls] == ["throttle", None, None]


def test_reset_before_drops_the_connection_and_nothing_is_forwarded(
    upstream: _RawUpstream,
) -> None:
    request = b"GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"
    with FaultProxy(upstream.url) as proxy:
        proxy.add("reset_before")
        answer = _raw_exchange(proxy.url, request)
        assert [c.fault for c in proxy.calls] == ["reset_before"]
    assert answer == b""
    assert upstream.received == []


def test_reset_after_forwards_then_loses_the_reply(upstream: _RawUpstream) -> None:
    request = b"GET /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"
    with FaultProxy(upstream.url) as proxy:
        proxy.add("reset_after")
        answer = _raw_exchange(proxy.url, request)
    assert answer == b""
    assert upstream.received == [request]


def test_a_lost_reply_really_did_the_work_in_the_emulator(
    env: Environment, proxy: FaultProxy
) -> None:
    name = f"proxy-lost-reply-{time.monotonic_ns()}"
    sagemaker = _no_retries(env, proxy, "sagemaker")
    proxy.add("reset_after", "sagemaker:CreateModelPackageGroup")
    with pytest.raises(ConnectionClosedError):
        sagemaker.create_model_package_group(ModelPackageGroupName=name)
    described = env.direct.sagemaker().describe_model_package_group(ModelPackageGroupName=name)
    assert described["ModelPackageGroupName"] == name


def test_a_retried_lost_reply_meets_its_own_work(env: Environment, proxy: FaultProxy) -> None:
    """What the matrix exercises: botocore resends a create whose reply was lost, and AWS
    answers that the resource already exists."""
    name = f"proxy-lost-retried-{time.monotonic_ns()}"
    proxy.add("reset_after", "sagemaker:CreateModelPackageGroup")
    with pytest.raises(ClientError, match="already exists"):
        _clients(env, proxy).sagemaker().create_model_package_group(ModelPackageGroupName=name)
    assert [c.fault for c in proxy.calls] == ["reset_after", None]


def test_stall_outlasts_the_read_timeout_setting_and_is_not_forwarded(env: Environment) -> None:
    """MLM_AWS_READ_TIMEOUT_SECONDS reaches botocore: a stalled call times out then (and
    is retried, ``aws_max_attempts=1`` being one retry), long before the stall ends."""
    with FaultProxy(env.emulator.url, stall_seconds=STALL) as proxy:
        sagemaker = _clients(env, proxy, aws_read_timeout_seconds=0.3, aws_max_attempts=1)
        client = sagemaker.sagemaker()  # built outside the timing: loading its model is slow
        name = f"proxy-stall-{time.monotonic_ns()}"
        proxy.add("stall", "sagemaker:CreateModelPackageGroup", occurrence=1)
        proxy.add("stall", "sagemaker:CreateModelPackageGroup", occurrence=2)
        started = time.monotonic()
        with pytest.raises(ReadTimeoutError):
            client.create_model_package_group(ModelPackageGroupName=name)
        waited = time.monotonic() - started
        assert [c.fault for c in proxy.calls] == ["stall", "stall"]
        assert 0.6 <= waited < STALL  # two read timeouts of 0.3 s, not even one stall
    with pytest.raises(ClientError, match="does not exist"):
        env.direct.sagemaker().describe_model_package_group(ModelPackageGroupName=name)


def test_a_rule_fires_at_the_nth_occurrence_of_its_action_only(
    env: Environment, proxy: FaultProxy
) -> None:
    sagemaker = _no_retries(env, proxy, "sagemaker")
    proxy.add("error_500", "sagemaker:ListModels", occurrence=2)
    sagemaker.list_endpoints()
    sagemaker.list_models()
    with pytest.raises(ClientError):
        sagemaker.list_models()
    sagemaker.list_models()
    assert [(c.action, c.fault) for c in proxy.calls] == [
        ("sagemaker:ListEndpoints", None),
        ("sagemaker:ListModels", None),
        ("sagemaker:ListModels", "error_500"),
        ("sagemaker:ListModels", None),
    ]


def test_a_rule_without_an_action_counts_every_call(env: Environment, proxy: FaultProxy) -> None:
    sagemaker = _no_retries(env, proxy, "sagemaker")
    proxy.add("error_500", occurrence=3)
    sagemaker.list_endpoints()
    sagemaker.list_models()
    with pytest.raises(ClientError):
        sagemaker.list_endpoint_configs()
    assert [c.fault for c in proxy.calls] == [None, None, "error_500"]


def test_stop_ends_a_stall_at_once(env: Environment) -> None:
    proxy = FaultProxy(env.emulator.url, stall_seconds=60).start()
    proxy.add("stall")
    outcome: list[bytes] = []
    request = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n"
    caller = threading.Thread(target=lambda: outcome.append(_raw_exchange(proxy.url, request)))
    caller.start()
    deadline = time.monotonic() + 5
    while not proxy.calls and time.monotonic() < deadline:
        time.sleep(0.01)
    proxy.stop()
    caller.join(timeout=5)  # a 60 s stall that outlived stop() would still be running
    assert not caller.is_alive()
    assert outcome == [b""]
