"""API Gateway as the Lambda sees it: real proxy-integration event payloads of both versions,
and a client that sends requests through ``mlm.lambdas.api`` as such events.

The payloads follow AWS's documented formats:
https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html#api-gateway-simple-proxy-for-lambda-input-format
(REST API, version 1.0) and
https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
(HTTP API, version 2.0): binary bodies arrive base64-encoded with ``isBase64Encoded``; 1.0
carries ``multiValueHeaders`` / ``multiValueQueryStringParameters``, 2.0 a ``rawQueryString``
and headers whose repeated values are joined with commas.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlencode

import httpx

Version = Literal["1.0", "2.0"]
Query = list[tuple[str, str]]

_TIME = "02/Dec/2026:04:30:00 +0000"
_EPOCH_MS = 1796185800000
_TEXT_TYPES = ("application/json", "application/problem+json", "text/")


def _is_text(content_type: str) -> bool:
    return any(content_type.startswith(t) for t in _TEXT_TYPES)


def _body_fields(body: bytes, content_type: str) -> dict[str, Any]:
    if not body:
        return {"body": None, "isBase64Encoded": False}
    if _is_text(content_type):
        return {"body": body.decode(), "isBase64Encoded": False}
    return {"body": base64.b64encode(body).decode(), "isBase64Encoded": True}


def rest_event(
    method: str, path: str, headers: dict[str, str], query: Query, body: bytes
) -> dict[str, Any]:
    """A REST API (payload 1.0) proxy event, stage ``prod``, resource ``/{proxy+}``."""
    multi_headers: dict[str, list[str]] = {}
    for name, value in headers.items():
        multi_headers.setdefault(name, []).append(value)
    multi_query: dict[str, list[str]] = {}
    for name, value in query:
        multi_query.setdefault(name, []).append(value)
    return {
        "resource": "/{proxy+}",
        "path": path,
        "httpMethod": method,
        # Single-value maps hold the last value, as API Gateway sends them.
        "headers": {k: v[-1] for k, v in multi_headers.items()} or None,
        "multiValueHeaders": multi_headers or None,
        "queryStringParameters": {k: v[-1] for k, v in multi_query.items()} or None,
        "multiValueQueryStringParameters": multi_query or None,
        "pathParameters": {"proxy": path.lstrip("/")},
        "stageVariables": None,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "1234567890",
            "resourceId": "abc123",
            "resourcePath": "/{proxy+}",
            "httpMethod": method,
            "path": f"/prod{path}",
            "stage": "prod",
            "protocol": "HTTP/1.1",
            "requestId": "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
            "extendedRequestId": "c6af9ac67b61",
            "requestTime": _TIME,
            "requestTimeEpoch": _EPOCH_MS,
            "domainName": "1234567890.execute-api.us-east-1.amazonaws.com",
            "domainPrefix": "1234567890",
            "identity": {"sourceIp": "198.51.100.7", "userAgent": "pytest", "apiKey": None},
        },
        **_body_fields(body, headers.get("content-type", "")),
    }


def http_event(
    method: str, path: str, headers: dict[str, str], query: Query, body: bytes
) -> dict[str, Any]:
    """An HTTP API (payload 2.0) event, ``$default`` stage and route."""
    return {
        "version": "2.0",
        "routeKey": "$default",
        "rawPath": path,
        "rawQueryString": urlencode(query),
        "headers": dict(headers),
        "queryStringParameters": {k: v for k, v in query} or None,
        "requestContext": {
            "accountId": "123456789012",
            "apiId": "api-id",
            "domainName": "api-id.execute-api.us-east-1.amazonaws.com",
            "domainPrefix": "api-id",
            "http": {
                "method": method,
                "path": path,
                "protocol": "HTTP/1.1",
                "sourceIp": "198.51.100.7",
                "userAgent": "pytest",
            },
            "requestId": "JKJaXmPLvHcESHA=",
            "routeKey": "$default",
            "stage": "$default",
            "time": _TIME,
            "timeEpoch": _EPOCH_MS,
        },
        **_body_fields(body, headers.get("content-type", "")),
    }


class LambdaContext:
    """The fields of the context object Lambda passes that a handler may read."""

    function_name = "mlm-api"
    function_version = "$LATEST"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:mlm-api"
    memory_limit_in_mb = 1024
    aws_request_id = "8f507cfc-0000-4000-8000-000000000000"
    log_group_name = "/aws/lambda/mlm-api"
    log_stream_name = "2026/12/02/[$LATEST]0123456789abcdef"

    def get_remaining_time_in_millis(self) -> int:
        return 29_000


def decode_response(answer: dict[str, Any]) -> httpx.Response:
    """API Gateway's side of a proxy answer: base64 bodies decoded, header maps merged."""
    body = answer.get("body") or ""
    content = base64.b64decode(body) if answer.get("isBase64Encoded") else body.encode()
    headers: list[tuple[str, str]] = list((answer.get("headers") or {}).items())
    for name, values in (answer.get("multiValueHeaders") or {}).items():
        headers.extend((name, value) for value in values)
    return httpx.Response(answer["statusCode"], headers=headers, content=content)


@dataclass
class GatewayClient:
    """Sends requests as API Gateway events of one payload version through a handler."""

    handler: Callable[[dict[str, Any], Any], dict[str, Any]]
    version: Version
    api_key: str | None = None
    last_event: dict[str, Any] | None = None

    def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        content: bytes = b"",
        headers: dict[str, str] | None = None,
        query: Query | None = None,
    ) -> httpx.Response:
        sent = {"host": "api.example.com", "user-agent": "pytest"}
        if self.api_key is not None:
            sent["x-api-key"] = self.api_key
        if json_body is not None:
            content = json.dumps(json_body).encode()
            sent["content-type"] = "application/json"
        sent.update({k.lower(): v for k, v in (headers or {}).items()})
        if content:
            sent["content-length"] = str(len(content))  # as every HTTP client sends it
        build = rest_event if self.version == "1.0" else http_event
        self.last_event = build(method, path, sent, query or [], content)
        return decode_response(self.handler(self.last_event, LambdaContext()))

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("PATCH", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("DELETE", path, **kwargs)
