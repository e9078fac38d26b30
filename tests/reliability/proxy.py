"""A fault-injecting reverse proxy for AWS calls, on 127.0.0.1 in front of the emulator.

Every request is forwarded as received: method, request target (path and query), every
header in its order (``Host`` included: botocore signed the request for the proxy's
address, and a signed request must reach AWS with the Host it was signed with; the
emulator does not check signatures) and the body bytes (``Content-Length`` or chunked,
framing kept). The reply goes back with its status, headers and body.

Every call is recorded under an action name, ``<service>:<Operation>``: from
``X-Amz-Target`` (JSON protocols: ``SageMaker.CreateEndpoint`` → ``sagemaker:CreateEndpoint``),
from ``/service/<id>/operation/<Op>`` (Smithy RPC v2 CBOR, CloudWatch in botocore ≥ 1.36),
from the ``Action=`` field of a query-protocol form or query string (STS, IAM), or, for
REST protocols (S3, Batch, SageMaker Runtime), by matching method and path against the
operations' ``requestUri`` in botocore's own service model. The service is the SigV4
signing name of the request's credential scope.

A rule injects one fault at the N-th occurrence (counted from when the rule was added) of
an action, or of any call:

- ``error_500``: a 500 with the protocol's error body, once.
- ``throttle``: the protocol's throttling error (400 ThrottlingException for JSON and
  CBOR, 400 Throttling for query, 503 SlowDown for S3) on that call and on every retry
  botocore makes of it (same ``amz-sdk-invocation-id``), so the retries run out.
- ``reset_before``: the connection is reset; nothing reaches the emulator.
- ``reset_after``: forwarded, the emulator does the work, then the connection is reset
  instead of answering (the lost reply).
- ``stall``: held longer than the client's read timeout (``stall_seconds``), then the
  connection is reset; nothing reaches the emulator.

Loopback only; every wait is bounded, and ``stop()`` (or leaving the ``with`` block) ends
the server, its connections and any stall at once.
"""

from __future__ import annotations

import contextlib
import http.client
import itertools
import json
import re
import socket
import struct
import threading
import urllib.parse
import uuid
from dataclasses import dataclass, field
from functools import cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

import botocore.session

Fault = Literal["error_500", "throttle", "reset_before", "reset_after", "stall"]
FAULTS: tuple[Fault, ...] = ("error_500", "throttle", "reset_before", "reset_after", "stall")
Protocol = Literal["json", "cbor", "query", "rest-json", "rest-xml"]

UPSTREAM_TIMEOUT_SECONDS = 30.0
IDLE_CONNECTION_SECONDS = 30.0

# SigV4 signing name → how the action is named, and which botocore models serve REST calls.
_SERVICES = {
    "monitoring": "cloudwatch",
    "sagemaker": "sagemaker",
}
_REST_MODELS = {
    "sagemaker": ("sagemaker-runtime",),
    "s3": ("s3",),
    "batch": ("batch",),
}
_TARGET_PREFIXES = {
    "SageMaker": "sagemaker",
    "DynamoDB_20120810": "dynamodb",
    "DynamoDBStreams_20120810": "dynamodbstreams",
    "Logs_20140328": "logs",
    "AnyScaleFrontendService": "application-autoscaling",
    "secretsmanager": "secretsmanager",
    "GraniteServiceVersion20100801": "cloudwatch",
    "AWSEvents": "events",
}
_CBOR_PATH = re.compile(r"^/service/(?P<service>[^/]+)/operation/(?P<operation>[^/?]+)")
_CREDENTIAL = re.compile(r"Credential=[^/]+/\d{8}/[^/]+/(?P<service>[^/]+)/aws4_request")


@dataclass(frozen=True)
class Request:
    """One request as the proxy received it (the bytes it forwards)."""

    method: str
    target: str
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        lowered = name.lower()
        return next((v for k, v in self.headers if k.lower() == lowered), None)

    @property
    def path(self) -> str:
        return urllib.parse.urlsplit(self.target).path

    @property
    def query(self) -> dict[str, list[str]]:
        return urllib.parse.parse_qs(
            urllib.parse.urlsplit(self.target).query, keep_blank_values=True
        )

    @property
    def signing_service(self) -> str:
        authorization = self.header("Authorization") or ""
        found = _CREDENTIAL.search(authorization)
        if found is None:
            credential = (self.query.get("X-Amz-Credential") or [""])[0]
            parts = credential.split("/")
            return parts[3] if len(parts) > 3 else "unknown"
        return found.group("service")

    @property
    def service(self) -> str:
        return _SERVICES.get(self.signing_service, self.signing_service)


@dataclass(frozen=True)
class Call:
    """One AWS call the proxy saw; ``fault`` is what it did to it, if anything."""

    seq: int
    action: str
    attempt: str | None
    fault: Fault | None


@dataclass
class Rule:
    fault: Fault
    action: str | None  # None: any call
    occurrence: int  # 1-based, counted from when the rule was added
    seen: int = 0
    fired: int = 0
    invocation: str | None = field(default=None, repr=False)

    def fires(self, action: str, invocation: str | None) -> bool:
        """Whether this call gets the fault (counts the call when it is a candidate)."""
        if self.fired:
            # Only a throttle fires again: on every retry of the call it throttled.
            again = self.fault == "throttle" and invocation is not None
            if not (again and invocation == self.invocation):
                return False
        else:
            if self.action is not None and self.action != action:
                return False
            self.seen += 1
            if self.seen < self.occurrence:
                return False
            self.invocation = invocation
        self.fired += 1
        return True


# --- naming a call ----------------------------------------------------------------------


def protocol_of(request: Request) -> Protocol:
    if request.header("X-Amz-Target"):
        return "json"
    if (request.header("Smithy-Protocol") or "").lower() == "rpc-v2-cbor":
        return "cbor"
    if _query_action(request) is not None:
        return "query"
    return "rest-xml" if request.signing_service == "s3" else "rest-json"


def action_of(request: Request) -> str:
    """``<service>:<Operation>`` for a request (a readable fallback when none matches)."""
    target = request.header("X-Amz-Target")
    if target:
        prefix, _, operation = target.rpartition(".")
        return f"{_TARGET_PREFIXES.get(prefix, prefix.lower())}:{operation}"
    cbor = _CBOR_PATH.match(request.path)
    if cbor and (request.header("Smithy-Protocol") or "").lower() == "rpc-v2-cbor":
        prefix = cbor.group("service")
        return f"{_TARGET_PREFIXES.get(prefix, request.service)}:{cbor.group('operation')}"
    action = _query_action(request)
    if action is not None:
        return f"{request.service}:{action}"
    for model in _REST_MODELS.get(request.signing_service, ()):
        operation = _rest_operation(model, request)
        if operation is not None:
            name = "sagemaker-runtime" if model == "sagemaker-runtime" else request.service
            return f"{name}:{operation}"
    return f"{request.service}:{request.method} {request.path}"


def _query_action(request: Request) -> str | None:
    values = request.query.get("Action")
    content_type = (request.header("Content-Type") or "").lower()
    if not values and content_type.startswith("application/x-www-form-urlencoded"):
        form = urllib.parse.parse_qs(request.body.decode("utf-8", "replace"))
        values = form.get("Action")
    return values[0] if values else None


@dataclass(frozen=True)
class _RestOperation:
    name: str
    method: str
    path: re.Pattern[str]
    query: tuple[tuple[str, str | None], ...]
    literal_chars: int
    # Required members sent as a header or a query parameter (e.g. CopyObject's
    # x-amz-copy-source): a request without one is another operation.
    required_headers: tuple[str, ...]
    required_params: tuple[str, ...]


@cache
def _rest_operations(service: str) -> tuple[_RestOperation, ...]:
    model = botocore.session.get_session().get_service_model(service)
    operations = []
    for name in model.operation_names:
        operation_model = model.operation_model(name)
        http = operation_model.http
        shape = operation_model.input_shape
        required = [] if shape is None else [shape.members[m] for m in shape.required_members]
        located = [
            (m.serialization.get("location"), m.serialization.get("name", "")) for m in required
        ]
        path, _, query = http["requestUri"].partition("?")
        pattern = ""
        literal = 0
        for piece in re.split(r"(\{[^}]+\})", path):
            if piece.startswith("{"):
                pattern += ".+" if piece.endswith("+}") else "[^/]+"
            else:
                pattern += re.escape(piece)
                literal += len(piece)
        literals = []
        for item in filter(None, query.split("&")):
            key, has_value, value = item.partition("=")
            if key != "x-id":  # botocore drops the x-id literal from the URL it sends
                literals.append((key, value if has_value else None))
        operations.append(
            _RestOperation(
                name=name,
                method=http["method"],
                path=re.compile(f"^{pattern}/?$"),
                query=tuple(literals),
                literal_chars=literal,
                required_headers=tuple(n.lower() for loc, n in located if loc == "header"),
                required_params=tuple(n for loc, n in located if loc == "querystring"),
            )
        )
    return tuple(operations)


def _rest_operation(service: str, request: Request) -> str | None:
    """The operation whose method, path template and query literals match, the most
    specific first (more query literals, then more literal path characters)."""
    query = request.query
    path = urllib.parse.unquote(request.path)
    headers = {name.lower() for name, _ in request.headers}
    best: tuple[int, int, str] | None = None
    for operation in _rest_operations(service):
        if operation.method != request.method or not operation.path.match(path):
            continue
        if not all(
            key in query and (value is None or value in query[key])
            for key, value in operation.query
        ):
            continue
        if not set(operation.required_headers) <= headers or not all(
            param in query for param in operation.required_params
        ):
            continue
        specific = (
            len(operation.query) + len(operation.required_headers) + len(operation.required_params)
        )
        score = (specific, operation.literal_chars, operation.name)
        if best is None or score[:2] > best[:2]:
            best = score
    return None if best is None else best[2]


# --- fault answers ----------------------------------------------------------------------


def _cbor_text_map(values: dict[str, str]) -> bytes:
    """A CBOR map of text strings (all an error body needs)."""

    def head(major: int, length: int) -> bytes:
        if length < 24:
            return bytes([major << 5 | length])
        if length < 0x100:
            return bytes([major << 5 | 24, length])
        if length < 0x10000:
            return bytes([major << 5 | 25]) + struct.pack(">H", length)
        return bytes([major << 5 | 26]) + struct.pack(">I", length)

    out = head(5, len(values))
    for key, value in values.items():
        for text in (key, value):
            data = text.encode()
            out += head(3, len(data)) + data
    return out


def error_reply(
    request: Request, status: int, code: str, message: str
) -> tuple[int, list[tuple[str, str]], bytes]:
    """The error AWS would send in the request's protocol (status, headers, body)."""
    request_id = str(uuid.uuid4())
    headers = [("x-amzn-RequestId", request_id)]
    protocol = protocol_of(request)
    if protocol == "json":
        content_type = request.header("Content-Type") or "application/x-amz-json-1.1"
        body = json.dumps({"__type": code, "message": message}).encode()
        headers.append(("Content-Type", content_type))
    elif protocol == "rest-json":
        body = json.dumps({"message": message}).encode()
        headers += [("Content-Type", "application/json"), ("x-amzn-ErrorType", code)]
    elif protocol == "cbor":
        body = _cbor_text_map({"__type": code, "message": message})
        headers += [("Content-Type", "application/cbor"), ("Smithy-Protocol", "rpc-v2-cbor")]
    elif protocol == "query":
        kind = "Receiver" if status >= 500 else "Sender"
        body = (
            f"<ErrorResponse><Error><Type>{kind}</Type><Code>{code}</Code>"
            f"<Message>{message}</Message></Error><RequestId>{request_id}</RequestId>"
            "</ErrorResponse>"
        ).encode()
        headers.append(("Content-Type", "text/xml"))
    else:
        body = (
            f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code>'
            f"<Message>{message}</Message><RequestId>{request_id}</RequestId></Error>"
        ).encode()
        headers += [("Content-Type", "application/xml"), ("x-amz-request-id", request_id)]
    return status, headers, body


def server_error(request: Request) -> tuple[int, list[tuple[str, str]], bytes]:
    code = "InternalError" if protocol_of(request) == "rest-xml" else "InternalFailure"
    return error_reply(request, 500, code, "We encountered an internal error. Please try again.")


def throttling_error(request: Request) -> tuple[int, list[tuple[str, str]], bytes]:
    protocol = protocol_of(request)
    if protocol == "rest-xml":
        return error_reply(request, 503, "SlowDown", "Please reduce your request rate.")
    if protocol == "query":
        return error_reply(request, 400, "Throttling", "Rate exceeded")
    return error_reply(request, 400, "ThrottlingException", "Rate exceeded")


# --- the server -------------------------------------------------------------------------


class _Reset(Exception):
    """Drop the client connection without an answer."""


class _Server(ThreadingHTTPServer):
    # socketserver's listen backlog is 5: twenty replicas calling at once overflowed it,
    # and a dropped connection attempt is retried by the kernel after 1 s, past the
    # clients' 1 s connect timeout: a 503 no AWS fault caused.
    request_queue_size = 256
    daemon_threads = True


class FaultProxy:
    """A reverse proxy to ``upstream`` (``http://127.0.0.1:<port>``) on a free port."""

    def __init__(self, upstream: str, stall_seconds: float = 2.0) -> None:
        parsed = urllib.parse.urlsplit(upstream)
        if parsed.scheme != "http" or parsed.hostname not in {"127.0.0.1", "localhost"}:
            raise ValueError("the proxy forwards to a loopback http:// URL only")
        self.upstream_host = parsed.hostname
        self.upstream_port = parsed.port or 80
        self.stall_seconds = stall_seconds
        self._lock = threading.Lock()
        self._rules: list[Rule] = []
        self._calls: list[Call] = []
        self._seq = itertools.count(1)
        self._stopping = threading.Event()
        self._connections: set[socket.socket] = set()
        self._server = _Server(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="fault-proxy", daemon=True
        )
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    # --- lifecycle ---

    def start(self) -> FaultProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        with self._lock:
            connections = list(self._connections)
        for connection in connections:
            _reset(connection)
        self._thread.join(timeout=5)

    def __enter__(self) -> FaultProxy:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    # --- rules and the record ---

    def add(self, fault: Fault, action: str | None = None, occurrence: int = 1) -> Rule:
        """Inject ``fault`` at the ``occurrence``-th call of ``action`` (None: any call)
        from now on."""
        if fault not in FAULTS:
            raise ValueError(f"unknown fault {fault!r}; one of {', '.join(FAULTS)}")
        if occurrence < 1:
            raise ValueError("occurrence counts from 1")
        rule = Rule(fault=fault, action=action, occurrence=occurrence)
        with self._lock:
            self._rules.append(rule)
        return rule

    def clear_rules(self) -> None:
        with self._lock:
            self._rules.clear()

    def clear_calls(self) -> None:
        with self._lock:
            self._calls.clear()

    def reset(self) -> None:
        """No rules, no recorded calls."""
        with self._lock:
            self._rules.clear()
            self._calls.clear()

    @property
    def calls(self) -> list[Call]:
        with self._lock:
            return list(self._calls)

    def actions(self) -> list[str]:
        return [call.action for call in self.calls]

    def injected(self) -> list[Call]:
        return [call for call in self.calls if call.fault is not None]

    # --- handling ---

    def _decide(self, request: Request) -> tuple[str, Fault | None]:
        action = action_of(request)
        attempt = request.header("amz-sdk-request")
        invocation = request.header("amz-sdk-invocation-id")
        with self._lock:
            # Every rule sees the call (so each counts its occurrences); the first wins.
            firing = [rule.fault for rule in self._rules if rule.fires(action, invocation)]
            fault = firing[0] if firing else None
            self._calls.append(Call(next(self._seq), action, attempt, fault))
        return action, fault

    def _forward(self, request: Request) -> tuple[int, str, list[tuple[str, str]], bytes]:
        connection = http.client.HTTPConnection(
            self.upstream_host, self.upstream_port, timeout=UPSTREAM_TIMEOUT_SECONDS
        )
        try:
            connection.putrequest(
                request.method, request.target, skip_host=True, skip_accept_encoding=True
            )
            for name, value in request.headers:
                connection.putheader(name, value)
            # Headers and body in one write: two small writes would wait out Nagle's
            # algorithm against a delayed ACK (40 ms a call on loopback).
            connection.endheaders(message_body=request.body or None)
            response = connection.getresponse()
            body = response.read()
            return response.status, response.reason, list(response.getheaders()), body
        finally:
            connection.close()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            timeout = IDLE_CONNECTION_SECONDS

            def setup(self) -> None:
                super().setup()
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                with proxy._lock:
                    proxy._connections.add(self.connection)

            def finish(self) -> None:
                with proxy._lock:
                    proxy._connections.discard(self.connection)
                with contextlib.suppress(OSError):  # a connection we reset on purpose
                    super().finish()

            def log_message(self, format: str, *args: Any) -> None:
                return  # quiet: the record is proxy.calls

            def handle_one_request(self) -> None:
                try:
                    super().handle_one_request()
                except _Reset:
                    _reset(self.connection)
                    self.close_connection = True
                except (ConnectionError, TimeoutError):
                    self.close_connection = True

            def _serve(self) -> None:
                request = Request(
                    method=self.command,
                    target=self.path,
                    headers=list(self.headers.items()),
                    body=self._read_body(),
                )
                _, fault = proxy._decide(request)
                if fault == "reset_before":
                    raise _Reset
                if fault == "stall":
                    proxy._stopping.wait(proxy.stall_seconds)
                    raise _Reset
                if fault == "error_500":
                    self._answer(*server_error(request), reason="Internal Server Error")
                    return
                if fault == "throttle":
                    status, headers, body = throttling_error(request)
                    self._answer(status, headers, body, reason="Throttled")
                    return
                try:
                    status, reason, headers, body = proxy._forward(request)
                except OSError as error:
                    raise _Reset from error
                if fault == "reset_after":
                    raise _Reset  # the emulator did the work; the reply is lost
                self._answer(status, headers, body, reason=reason, method=request.method)

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = do_PATCH = _serve

            def _read_body(self) -> bytes:
                """The body bytes exactly as sent (chunk framing included)."""
                length = self.headers.get("Content-Length")
                if length is not None:
                    return self.rfile.read(int(length))
                if "chunked" not in (self.headers.get("Transfer-Encoding") or "").lower():
                    return b""
                raw = b""
                while True:
                    size_line = self.rfile.readline(65537)
                    raw += size_line
                    size = int(size_line.split(b";")[0].strip() or b"0", 16)
                    if size == 0:
                        while True:  # trailers, then the empty line
                            line = self.rfile.readline(65537)
                            raw += line
                            if line in (b"\r\n", b"\n", b""):
                                return raw
                    raw += self.rfile.read(size + 2)

            def _answer(
                self,
                status: int,
                headers: list[tuple[str, str]],
                body: bytes,
                reason: str = "",
                method: str = "",
            ) -> None:
                self.send_response_only(status, reason or None)
                bodiless = method == "HEAD" or status in (204, 304) or 100 <= status < 200
                framed = False
                for name, value in headers:
                    lowered = name.lower()
                    if lowered in {"transfer-encoding", "connection", "keep-alive"}:
                        continue  # hop-by-hop: the body goes back whole, length-framed
                    if lowered == "content-length":
                        if not bodiless:
                            value = str(len(body))
                        framed = True
                    self.send_header(name, value)
                if not framed and not bodiless:
                    self.send_header("Content-Length", str(len(body)))
                # Status line, headers and body in one write (see _forward).
                self._headers_buffer.append(b"\r\n")
                self.wfile.write(b"".join(self._headers_buffer) + (b"" if bodiless else body))
                self._headers_buffer = []
                self.wfile.flush()

        return Handler


def _reset(connection: socket.socket) -> None:
    """Close with RST (SO_LINGER 0), as a dropped connection looks to the client."""
    with contextlib.suppress(OSError):
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        connection.close()
