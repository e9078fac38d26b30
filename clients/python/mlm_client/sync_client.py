"""`MLM`: the synchronous client Python users call."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from types import TracebackType
from typing import Any, Self

import httpx

from . import _http
from ._common import Page, T, Tagged, as_body, endpoint_reached, etag, fresh_key, parsed, unset
from ._generated.api.endpoints import (
    create_endpoint,
    delete_endpoint,
    get_endpoint,
    list_endpoints,
    update_endpoint,
)
from ._generated.api.health import get_health
from ._generated.api.instance_types import list_instance_types
from ._generated.api.model_versions import (
    create_model_version,
    delete_model_version,
    get_model_version,
    list_model_versions,
    update_model_version,
)
from ._generated.api.models import (
    create_model,
    delete_model,
    get_model,
    list_models,
    update_model,
)
from ._generated.client import Client
from ._generated.models import (
    ApprovalStatus,
    Endpoint,
    EndpointCreate,
    EndpointPage,
    EndpointStatus,
    EndpointUpdate,
    Health,
    InstanceType,
    InstanceTypePage,
    Model,
    ModelCreate,
    ModelPage,
    ModelUpdate,
    ModelVersion,
    ModelVersionCreate,
    ModelVersionPage,
    ModelVersionUpdate,
)
from ._retry import RetryPolicy
from .errors import NotFound, WaiterTimeout


class MLM:
    """The MLM API: `MLM("http://127.0.0.1:8080", api_key="…")`.

    Bodies are the generated models (`mlm_client.models`) or plain mappings with the same
    fields. Error answers raise `mlm_client.errors.MLMError` subclasses; 429 and 503 are
    retried first, honouring Retry-After, as `retry` allows.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str | None = None,
        *,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        poll_interval: float = 2.0,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._http = _http.sync_client(
            base_url,
            api_key,
            timeout=timeout,
            retry=retry or RetryPolicy(),
            transport=transport,
            sleep=sleep,
        )
        self._client = Client(base_url=str(self._http.base_url)).set_httpx_client(self._http)
        self._poll_interval = poll_interval
        self._sleep = sleep

    @property
    def raw(self) -> Client:
        """The generated low-level client, for calls this layer does not wrap."""
        return self._client

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # Health and catalog

    def get_health(self) -> Health:
        return parsed(get_health.sync_detailed(client=self._client), Health)

    def list_instance_types(
        self,
        *,
        accelerated: bool | None = None,
        min_gpu_memory_gib: float | None = None,
        family: str | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
    ) -> InstanceTypePage:
        response = list_instance_types.sync_detailed(
            client=self._client,
            accelerated=unset(accelerated),
            min_gpu_memory_gib=unset(min_gpu_memory_gib),
            family=unset(family),
            page_size=unset(page_size),
            page_token=unset(page_token),
        )
        return parsed(response, InstanceTypePage)

    def iter_instance_types(
        self,
        *,
        accelerated: bool | None = None,
        min_gpu_memory_gib: float | None = None,
        family: str | None = None,
        page_size: int | None = None,
    ) -> Iterator[InstanceType]:
        return _pages(
            lambda token: self.list_instance_types(
                accelerated=accelerated,
                min_gpu_memory_gib=min_gpu_memory_gib,
                family=family,
                page_size=page_size,
                page_token=token,
            )
        )

    # Models

    def create_model(
        self, body: ModelCreate | Mapping[str, Any], *, idempotency_key: str | None = None
    ) -> Model:
        response = create_model.sync_detailed(
            client=self._client,
            body=as_body(body, ModelCreate),
            idempotency_key=fresh_key(idempotency_key),
        )
        return parsed(response, Model)

    def list_models(
        self,
        *,
        name_prefix: str | None = None,
        task: str | None = None,
        owner: str | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
    ) -> ModelPage:
        response = list_models.sync_detailed(
            client=self._client,
            name_prefix=unset(name_prefix),
            task=unset(task),
            owner=unset(owner),
            page_size=unset(page_size),
            page_token=unset(page_token),
        )
        return parsed(response, ModelPage)

    def iter_models(
        self,
        *,
        name_prefix: str | None = None,
        task: str | None = None,
        owner: str | None = None,
        page_size: int | None = None,
    ) -> Iterator[Model]:
        return _pages(
            lambda token: self.list_models(
                name_prefix=name_prefix,
                task=task,
                owner=owner,
                page_size=page_size,
                page_token=token,
            )
        )

    def get_model(self, model_name: str) -> Model:
        return self.get_model_with_etag(model_name).value

    def get_model_with_etag(self, model_name: str) -> Tagged[Model]:
        response = get_model.sync_detailed(model_name, client=self._client)
        return Tagged(parsed(response, Model), etag(response))

    def update_model(
        self,
        model_name: str,
        patch: ModelUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
    ) -> Model:
        response = update_model.sync_detailed(
            model_name,
            client=self._client,
            body=as_body(patch, ModelUpdate),
            if_match=unset(if_match),
        )
        return parsed(response, Model)

    def delete_model(
        self, model_name: str, *, force: bool = False, if_match: str | None = None
    ) -> None:
        delete_model.sync_detailed(
            model_name, client=self._client, force=force, if_match=unset(if_match)
        )

    # Model versions

    def create_model_version(
        self,
        model_name: str,
        body: ModelVersionCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
    ) -> ModelVersion:
        response = create_model_version.sync_detailed(
            model_name,
            client=self._client,
            body=as_body(body, ModelVersionCreate),
            idempotency_key=fresh_key(idempotency_key),
        )
        return parsed(response, ModelVersion)

    def list_model_versions(
        self,
        model_name: str,
        *,
        approval_status: str | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
    ) -> ModelVersionPage:
        response = list_model_versions.sync_detailed(
            model_name,
            client=self._client,
            approval_status=unset(
                None if approval_status is None else ApprovalStatus(approval_status)
            ),
            page_size=unset(page_size),
            page_token=unset(page_token),
        )
        return parsed(response, ModelVersionPage)

    def iter_model_versions(
        self,
        model_name: str,
        *,
        approval_status: str | None = None,
        page_size: int | None = None,
    ) -> Iterator[ModelVersion]:
        return _pages(
            lambda token: self.list_model_versions(
                model_name,
                approval_status=approval_status,
                page_size=page_size,
                page_token=token,
            )
        )

    def get_model_version(self, model_name: str, version: int) -> ModelVersion:
        return self.get_model_version_with_etag(model_name, version).value

    def get_model_version_with_etag(self, model_name: str, version: int) -> Tagged[ModelVersion]:
        response = get_model_version.sync_detailed(model_name, version, client=self._client)
        return Tagged(parsed(response, ModelVersion), etag(response))

    def update_model_version(
        self,
        model_name: str,
        version: int,
        patch: ModelVersionUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
    ) -> ModelVersion:
        response = update_model_version.sync_detailed(
            model_name,
            version,
            client=self._client,
            body=as_body(patch, ModelVersionUpdate),
            if_match=unset(if_match),
        )
        return parsed(response, ModelVersion)

    def delete_model_version(
        self, model_name: str, version: int, *, if_match: str | None = None
    ) -> None:
        delete_model_version.sync_detailed(
            model_name, version, client=self._client, if_match=unset(if_match)
        )

    # Endpoints

    def create_endpoint(
        self, body: EndpointCreate | Mapping[str, Any], *, idempotency_key: str | None = None
    ) -> Endpoint:
        response = create_endpoint.sync_detailed(
            client=self._client,
            body=as_body(body, EndpointCreate),
            idempotency_key=fresh_key(idempotency_key),
        )
        return parsed(response, Endpoint)

    def list_endpoints(
        self,
        *,
        status: str | None = None,
        model_name: str | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
    ) -> EndpointPage:
        response = list_endpoints.sync_detailed(
            client=self._client,
            status=unset(None if status is None else EndpointStatus(status)),
            model_name=unset(model_name),
            page_size=unset(page_size),
            page_token=unset(page_token),
        )
        return parsed(response, EndpointPage)

    def iter_endpoints(
        self,
        *,
        status: str | None = None,
        model_name: str | None = None,
        page_size: int | None = None,
    ) -> Iterator[Endpoint]:
        return _pages(
            lambda token: self.list_endpoints(
                status=status, model_name=model_name, page_size=page_size, page_token=token
            )
        )

    def get_endpoint(self, endpoint_name: str) -> Endpoint:
        return self.get_endpoint_with_etag(endpoint_name).value

    def get_endpoint_with_etag(self, endpoint_name: str) -> Tagged[Endpoint]:
        response = get_endpoint.sync_detailed(endpoint_name, client=self._client)
        return Tagged(parsed(response, Endpoint), etag(response))

    def update_endpoint(
        self,
        endpoint_name: str,
        patch: EndpointUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
    ) -> Endpoint:
        response = update_endpoint.sync_detailed(
            endpoint_name,
            client=self._client,
            body=as_body(patch, EndpointUpdate),
            if_match=unset(if_match),
        )
        return parsed(response, Endpoint)

    def delete_endpoint(self, endpoint_name: str, *, if_match: str | None = None) -> Endpoint:
        response = delete_endpoint.sync_detailed(
            endpoint_name, client=self._client, if_match=unset(if_match)
        )
        return parsed(response, Endpoint)

    # Waiters

    def wait_for_endpoint(
        self,
        endpoint_name: str,
        status: str = "in_service",
        *,
        timeout: float = 3600.0,
        poll_interval: float | None = None,
    ) -> Endpoint:
        """Poll until the endpoint is in `status`; ResourceFailed if it ends failed first,
        WaiterTimeout after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            endpoint = self.get_endpoint(endpoint_name)
            if endpoint_reached(endpoint, status):
                return endpoint
            if time.monotonic() >= deadline:
                raise WaiterTimeout(endpoint_name, status, str(endpoint.status), timeout)
            self._sleep(poll_interval or self._poll_interval)

    def wait_for_endpoint_deleted(
        self,
        endpoint_name: str,
        *,
        timeout: float = 3600.0,
        poll_interval: float | None = None,
    ) -> None:
        """Poll until the endpoint is gone (404); ResourceFailed if it ends failed first."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                endpoint = self.get_endpoint(endpoint_name)
            except NotFound:
                return
            # Still there: only its failing matters (ResourceFailed), no status is "gone".
            endpoint_reached(endpoint, "gone")
            if time.monotonic() >= deadline:
                raise WaiterTimeout(endpoint_name, "deleted", str(endpoint.status), timeout)
            self._sleep(poll_interval or self._poll_interval)


def _pages(fetch: Callable[[str | None], Page[T]]) -> Iterator[T]:
    token: str | None = None
    while True:
        page = fetch(token)
        yield from page.items
        token = page.next_page_token
        if not token:
            return
