"""Invoking an endpoint: the tenant's endpoint, SageMaker's payload limit, clear refusals.

The request goes straight to the runtime (one AWS call on the happy path). Only when
the runtime says the endpoint is not serving does the service read the endpoint, to
tell a missing one (404) from one that exists but is not in service yet (409).
"""

from __future__ import annotations

from typing import Protocol

from mlm import naming
from mlm.aws.sagemaker_runtime import Answer, Invocation, SageMakerRuntime, StreamedAnswer
from mlm.errors import Conflict, NotFound
from mlm.services.endpoints import names
from mlm.services.invocations.requests import InvocationRequest, check_body_size


class EndpointStatus(Protocol):
    """What the service needs from the endpoint service: does it exist, in what status."""

    def get(self, tenant: str, name: str) -> _HasStatus: ...


class _HasStatus(Protocol):
    @property
    def status(self) -> str: ...


class InvocationService:
    def __init__(self, runtime: SageMakerRuntime, endpoints: EndpointStatus) -> None:
        self._runtime = runtime
        self._endpoints = endpoints

    def invoke(self, tenant: str, endpoint: str, request: InvocationRequest) -> Answer:
        call = self._call(tenant, endpoint, request)
        try:
            return self._runtime.invoke(call)
        except NotFound as error:
            raise self._not_serving(tenant, endpoint) from error

    def stream(self, tenant: str, endpoint: str, request: InvocationRequest) -> StreamedAnswer:
        """Starts the call; the answer's parts are read as the caller iterates them."""
        call = self._call(tenant, endpoint, request)
        try:
            return self._runtime.invoke_stream(call)
        except NotFound as error:
            raise self._not_serving(tenant, endpoint) from error

    def _call(self, tenant: str, endpoint: str, request: InvocationRequest) -> Invocation:
        if not naming.is_api_name(endpoint):
            raise _not_found(endpoint)
        check_body_size(request)
        return Invocation(
            endpoint=names.endpoint_name(tenant, endpoint),
            body=request.body,
            content_type=request.content_type,
            accept=request.accept,
            target_variant=request.target_variant,
        )

    def _not_serving(self, tenant: str, endpoint: str) -> Conflict | NotFound:
        status = self._endpoints.get(tenant, endpoint).status  # 404 when it does not exist
        return Conflict(
            code="ENDPOINT_NOT_READY",
            detail=f"Endpoint '{endpoint}' is {status} and does not serve requests; "
            + (
                "a failed endpoint does not recover: delete it and create it again."
                if status == "failed"
                else "invoke it once it is in_service."
            ),
        )


def _not_found(name: str) -> NotFound:
    return NotFound(code="ENDPOINT_NOT_FOUND", detail=f"No endpoint named '{name}' in this tenant.")
