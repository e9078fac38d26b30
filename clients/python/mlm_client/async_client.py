"""`AsyncMLM`: the asyncio client, and the source of the synchronous `MLM`.

sync_client.py is generated from this file (scripts/generators/python_sync_client.sh, with
unasync): change the client here, then run `make generate`.
"""

from __future__ import annotations

import asyncio
import datetime
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from types import TracebackType
from typing import Any, Self

import httpx

from . import _http
from ._common import (
    Page,
    T,
    Tagged,
    as_body,
    endpoint_reached,
    etag,
    fresh_key,
    packaging_job_ended,
    parsed,
    unset,
)
from ._generated.api.api_keys import (
    create_api_key,
    get_api_key,
    list_api_keys,
    revoke_api_key,
    rotate_api_key,
    update_api_key,
)
from ._generated.api.audit import list_audit_events
from ._generated.api.endpoints import (
    create_endpoint,
    delete_endpoint,
    delete_endpoint_autoscaling,
    get_endpoint,
    get_endpoint_alarms,
    get_endpoint_autoscaling,
    get_endpoint_instances,
    get_endpoint_logs,
    get_endpoint_metrics,
    list_endpoint_captures,
    list_endpoints,
    put_endpoint_alarms,
    put_endpoint_autoscaling,
    subscribe_to_endpoint_alarms,
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
from ._generated.api.packaging_jobs import (
    cancel_packaging_job,
    create_packaging_job,
    get_packaging_job,
    get_packaging_job_logs,
    list_packaging_jobs,
)
from ._generated.client import Client
from ._generated.models import (
    AlarmSubscription,
    AlarmSubscriptionCreate,
    ApiKey,
    ApiKeyCreate,
    ApiKeyPage,
    ApiKeySecret,
    ApiKeyUpdate,
    ApprovalStatus,
    AuditEventPage,
    CapturedInvocationPage,
    Endpoint,
    EndpointAlarms,
    EndpointAlarmsUpdate,
    EndpointAutoscaling,
    EndpointAutoscalingUpdate,
    EndpointCreate,
    EndpointInstances,
    EndpointMetrics,
    EndpointPage,
    EndpointStatus,
    EndpointUpdate,
    Health,
    InstanceType,
    InstanceTypePage,
    ListEndpointsView,
    LogLinePage,
    MetricName,
    MetricStatistic,
    Model,
    ModelCreate,
    ModelPage,
    ModelUpdate,
    ModelVersion,
    ModelVersionCreate,
    ModelVersionPage,
    ModelVersionUpdate,
    PackagingJob,
    PackagingJobCreate,
    PackagingJobPage,
    PackagingJobStatus,
)
from ._invocations import (
    BINARY,
    JSON,
    TEXT,
    EventDecoder,
    Invocation,
    InvocationChunk,
    invocation,
    invocation_request,
    json_body,
    stream_accept,
)
from ._retry import RetryPolicy
from .errors import NotFound, WaiterTimeout


class AsyncMLM:
    """The MLM API over asyncio: `AsyncMLM("http://127.0.0.1:8080", api_key="…")`.

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
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._http = _http.async_client(
            base_url,
            api_key,
            timeout=timeout,
            retry=retry or RetryPolicy(),
            transport=transport,
            sleep=sleep,
        )
        self._client = Client(base_url=str(self._http.base_url)).set_async_httpx_client(self._http)
        self._poll_interval = poll_interval
        self._sleep = sleep

    @property
    def raw(self) -> Client:
        """The generated low-level client, for calls this layer does not wrap."""
        return self._client

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.aclose()

    # Health and catalog

    async def get_health(self) -> Health:
        return parsed(await get_health.asyncio_detailed(client=self._client), Health)

    async def list_instance_types(
        self,
        *,
        accelerated: bool | None = None,
        min_gpu_memory_gib: float | None = None,
        family: str | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
    ) -> InstanceTypePage:
        response = await list_instance_types.asyncio_detailed(
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
    ) -> AsyncIterator[InstanceType]:
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

    async def create_model(
        self, body: ModelCreate | Mapping[str, Any], *, idempotency_key: str | None = None
    ) -> Model:
        response = await create_model.asyncio_detailed(
            client=self._client,
            body=as_body(body, ModelCreate),
            idempotency_key=fresh_key(idempotency_key),
        )
        return parsed(response, Model)

    async def list_models(
        self,
        *,
        name_prefix: str | None = None,
        task: str | None = None,
        owner: str | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
    ) -> ModelPage:
        response = await list_models.asyncio_detailed(
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
    ) -> AsyncIterator[Model]:
        return _pages(
            lambda token: self.list_models(
                name_prefix=name_prefix,
                task=task,
                owner=owner,
                page_size=page_size,
                page_token=token,
            )
        )

    async def get_model(self, model_name: str) -> Model:
        return (await self.get_model_with_etag(model_name)).value

    async def get_model_with_etag(self, model_name: str) -> Tagged[Model]:
        response = await get_model.asyncio_detailed(model_name, client=self._client)
        return Tagged(parsed(response, Model), etag(response))

    async def update_model(
        self,
        model_name: str,
        patch: ModelUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
    ) -> Model:
        response = await update_model.asyncio_detailed(
            model_name,
            client=self._client,
            body=as_body(patch, ModelUpdate),
            if_match=unset(if_match),
        )
        return parsed(response, Model)

    async def delete_model(
        self, model_name: str, *, force: bool = False, if_match: str | None = None
    ) -> None:
        await delete_model.asyncio_detailed(
            model_name, client=self._client, force=force, if_match=unset(if_match)
        )

    # API keys and the audit trail (admin)

    async def create_api_key(self, body: ApiKeyCreate | Mapping[str, Any]) -> ApiKeySecret:
        """The secret is in this answer only (not replayable: no Idempotency-Key)."""
        response = await create_api_key.asyncio_detailed(
            client=self._client, body=as_body(body, ApiKeyCreate)
        )
        return parsed(response, ApiKeySecret)

    async def list_api_keys(
        self, *, page_size: int | None = None, page_token: str | None = None
    ) -> ApiKeyPage:
        response = await list_api_keys.asyncio_detailed(
            client=self._client, page_size=unset(page_size), page_token=unset(page_token)
        )
        return parsed(response, ApiKeyPage)

    async def get_api_key(self, key_name: str) -> ApiKey:
        response = await get_api_key.asyncio_detailed(key_name, client=self._client)
        return parsed(response, ApiKey)

    async def update_api_key(
        self, key_name: str, patch: ApiKeyUpdate | Mapping[str, Any]
    ) -> ApiKey:
        response = await update_api_key.asyncio_detailed(
            key_name, client=self._client, body=as_body(patch, ApiKeyUpdate)
        )
        return parsed(response, ApiKey)

    async def revoke_api_key(self, key_name: str) -> None:
        await revoke_api_key.asyncio_detailed(key_name, client=self._client)

    async def rotate_api_key(self, key_name: str, *, grace_seconds: int = 0) -> ApiKeySecret:
        response = await rotate_api_key.asyncio_detailed(
            key_name, client=self._client, grace_seconds=grace_seconds
        )
        return parsed(response, ApiKeySecret)

    async def list_audit_events(
        self,
        *,
        since: datetime.datetime | None = None,
        until: datetime.datetime | None = None,
        key_name: str | None = None,
        operation_id: str | None = None,
        target: str | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
    ) -> AuditEventPage:
        response = await list_audit_events.asyncio_detailed(
            client=self._client,
            since=unset(since),
            until=unset(until),
            key_name=unset(key_name),
            operation_id=unset(operation_id),
            target=unset(target),
            page_size=unset(page_size),
            page_token=unset(page_token),
        )
        return parsed(response, AuditEventPage)

    # Model versions

    async def create_model_version(
        self,
        model_name: str,
        body: ModelVersionCreate | Mapping[str, Any],
        *,
        idempotency_key: str | None = None,
    ) -> ModelVersion:
        response = await create_model_version.asyncio_detailed(
            model_name,
            client=self._client,
            body=as_body(body, ModelVersionCreate),
            idempotency_key=fresh_key(idempotency_key),
        )
        return parsed(response, ModelVersion)

    async def list_model_versions(
        self,
        model_name: str,
        *,
        approval_status: str | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
    ) -> ModelVersionPage:
        response = await list_model_versions.asyncio_detailed(
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
    ) -> AsyncIterator[ModelVersion]:
        return _pages(
            lambda token: self.list_model_versions(
                model_name,
                approval_status=approval_status,
                page_size=page_size,
                page_token=token,
            )
        )

    async def get_model_version(self, model_name: str, version: int) -> ModelVersion:
        return (await self.get_model_version_with_etag(model_name, version)).value

    async def get_model_version_with_etag(
        self, model_name: str, version: int
    ) -> Tagged[ModelVersion]:
        response = await get_model_version.asyncio_detailed(
            model_name, version, client=self._client
        )
        return Tagged(parsed(response, ModelVersion), etag(response))

    async def update_model_version(
        self,
        model_name: str,
        version: int,
        patch: ModelVersionUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
    ) -> ModelVersion:
        response = await update_model_version.asyncio_detailed(
            model_name,
            version,
            client=self._client,
            body=as_body(patch, ModelVersionUpdate),
            if_match=unset(if_match),
        )
        return parsed(response, ModelVersion)

    async def delete_model_version(
        self, model_name: str, version: int, *, if_match: str | None = None
    ) -> None:
        await delete_model_version.asyncio_detailed(
            model_name, version, client=self._client, if_match=unset(if_match)
        )

    # Endpoints

    async def create_endpoint(
        self, body: EndpointCreate | Mapping[str, Any], *, idempotency_key: str | None = None
    ) -> Endpoint:
        response = await create_endpoint.asyncio_detailed(
            client=self._client,
            body=as_body(body, EndpointCreate),
            idempotency_key=fresh_key(idempotency_key),
        )
        return parsed(response, Endpoint)

    async def list_endpoints(
        self,
        *,
        view: str | None = None,
        status: str | None = None,
        model_name: str | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
    ) -> EndpointPage:
        response = await list_endpoints.asyncio_detailed(
            client=self._client,
            view=unset(None if view is None else ListEndpointsView(view)),
            status=unset(None if status is None else EndpointStatus(status)),
            model_name=unset(model_name),
            page_size=unset(page_size),
            page_token=unset(page_token),
        )
        return parsed(response, EndpointPage)

    def iter_endpoints(
        self,
        *,
        view: str | None = None,
        status: str | None = None,
        model_name: str | None = None,
        page_size: int | None = None,
    ) -> AsyncIterator[Endpoint]:
        return _pages(
            lambda token: self.list_endpoints(
                view=view,
                status=status,
                model_name=model_name,
                page_size=page_size,
                page_token=token,
            )
        )

    async def get_endpoint(self, endpoint_name: str) -> Endpoint:
        return (await self.get_endpoint_with_etag(endpoint_name)).value

    async def get_endpoint_with_etag(self, endpoint_name: str) -> Tagged[Endpoint]:
        response = await get_endpoint.asyncio_detailed(endpoint_name, client=self._client)
        return Tagged(parsed(response, Endpoint), etag(response))

    async def update_endpoint(
        self,
        endpoint_name: str,
        patch: EndpointUpdate | Mapping[str, Any],
        *,
        if_match: str | None = None,
    ) -> Endpoint:
        response = await update_endpoint.asyncio_detailed(
            endpoint_name,
            client=self._client,
            body=as_body(patch, EndpointUpdate),
            if_match=unset(if_match),
        )
        return parsed(response, Endpoint)

    async def delete_endpoint(self, endpoint_name: str, *, if_match: str | None = None) -> Endpoint:
        response = await delete_endpoint.asyncio_detailed(
            endpoint_name, client=self._client, if_match=unset(if_match)
        )
        return parsed(response, Endpoint)

    # Observing endpoints

    async def get_endpoint_instances(self, endpoint_name: str) -> EndpointInstances:
        response = await get_endpoint_instances.asyncio_detailed(endpoint_name, client=self._client)
        return parsed(response, EndpointInstances)

    async def get_endpoint_metrics(
        self,
        endpoint_name: str,
        *,
        metrics: Sequence[str] | None = None,
        start_time: datetime.datetime | None = None,
        end_time: datetime.datetime | None = None,
        period: int | None = None,
        statistic: str | None = None,
    ) -> EndpointMetrics:
        """Series over a range (default: every metric, the last hour, 60 s periods)."""
        response = await get_endpoint_metrics.asyncio_detailed(
            endpoint_name,
            client=self._client,
            metric=unset(None if metrics is None else [MetricName(m) for m in metrics]),
            start_time=unset(start_time),
            end_time=unset(end_time),
            period=unset(period),
            statistic=unset(None if statistic is None else MetricStatistic(statistic)),
        )
        return parsed(response, EndpointMetrics)

    # Logs, captures and alarms

    async def get_endpoint_logs(
        self,
        endpoint_name: str,
        *,
        variant: str | None = None,
        instance_id: str | None = None,
        start_time: datetime.datetime | None = None,
        end_time: datetime.datetime | None = None,
        contains: str | None = None,
        page_size: int = 50,
        page_token: str | None = None,
    ) -> LogLinePage:
        """A page of the endpoint's container log lines, oldest first."""
        response = await get_endpoint_logs.asyncio_detailed(
            endpoint_name,
            client=self._client,
            variant=unset(variant),
            instance_id=unset(instance_id),
            start_time=unset(start_time),
            end_time=unset(end_time),
            contains=unset(contains),
            page_size=page_size,
            page_token=unset(page_token),
        )
        return parsed(response, LogLinePage)

    async def get_packaging_job_logs(
        self,
        job_id: str,
        *,
        start_time: datetime.datetime | None = None,
        end_time: datetime.datetime | None = None,
        contains: str | None = None,
        page_size: int = 50,
        page_token: str | None = None,
    ) -> LogLinePage:
        """A page of what the packager printed, oldest first."""
        response = await get_packaging_job_logs.asyncio_detailed(
            job_id,
            client=self._client,
            start_time=unset(start_time),
            end_time=unset(end_time),
            contains=unset(contains),
            page_size=page_size,
            page_token=unset(page_token),
        )
        return parsed(response, LogLinePage)

    async def list_endpoint_captures(
        self,
        endpoint_name: str,
        *,
        variant: str | None = None,
        start_time: datetime.datetime | None = None,
        end_time: datetime.datetime | None = None,
        page_size: int = 50,
        page_token: str | None = None,
    ) -> CapturedInvocationPage:
        """A page of the endpoint's captured invocations (data capture), oldest first."""
        response = await list_endpoint_captures.asyncio_detailed(
            endpoint_name,
            client=self._client,
            variant=unset(variant),
            start_time=unset(start_time),
            end_time=unset(end_time),
            page_size=page_size,
            page_token=unset(page_token),
        )
        return parsed(response, CapturedInvocationPage)

    async def get_endpoint_alarms(self, endpoint_name: str) -> EndpointAlarms:
        """The endpoint's alarms with their CloudWatch states, and the topic they notify."""
        response = await get_endpoint_alarms.asyncio_detailed(endpoint_name, client=self._client)
        return parsed(response, EndpointAlarms)

    async def put_endpoint_alarms(
        self, endpoint_name: str, body: EndpointAlarmsUpdate | Mapping[str, Any]
    ) -> EndpointAlarms:
        """Replaces the endpoint's alarms (an empty list removes them)."""
        response = await put_endpoint_alarms.asyncio_detailed(
            endpoint_name, client=self._client, body=as_body(body, EndpointAlarmsUpdate)
        )
        return parsed(response, EndpointAlarms)

    async def subscribe_to_endpoint_alarms(
        self, endpoint_name: str, body: AlarmSubscriptionCreate | Mapping[str, Any]
    ) -> AlarmSubscription:
        """Subscribes an email address or an https:// webhook to the alarms' topic."""
        response = await subscribe_to_endpoint_alarms.asyncio_detailed(
            endpoint_name, client=self._client, body=as_body(body, AlarmSubscriptionCreate)
        )
        return parsed(response, AlarmSubscription)

    # Autoscaling

    async def get_endpoint_autoscaling(self, endpoint_name: str) -> EndpointAutoscaling:
        """Each scaling variant's bounds, metric and target, and recent scaling activities."""
        response = await get_endpoint_autoscaling.asyncio_detailed(
            endpoint_name, client=self._client
        )
        return parsed(response, EndpointAutoscaling)

    async def put_endpoint_autoscaling(
        self, endpoint_name: str, body: EndpointAutoscalingUpdate | Mapping[str, Any]
    ) -> EndpointAutoscaling:
        """Replaces the endpoint's autoscaling (variants left out stop scaling)."""
        response = await put_endpoint_autoscaling.asyncio_detailed(
            endpoint_name, client=self._client, body=as_body(body, EndpointAutoscalingUpdate)
        )
        return parsed(response, EndpointAutoscaling)

    async def delete_endpoint_autoscaling(self, endpoint_name: str) -> None:
        """Stops the endpoint's autoscaling; instance counts stay as they are."""
        await delete_endpoint_autoscaling.asyncio_detailed(endpoint_name, client=self._client)

    # Invoking endpoints

    async def invoke_endpoint(
        self,
        endpoint_name: str,
        body: bytes,
        *,
        content_type: str = BINARY,
        accept: str | None = None,
        target_variant: str | None = None,
    ) -> Invocation:
        """Send `body` as is; the answer's bytes, Content-Type and variant come back as is."""
        request = invocation_request(
            endpoint_name, body, content_type, accept=accept, target_variant=target_variant
        )
        return invocation(await self._http.request(**request))

    async def invoke_endpoint_text(
        self,
        endpoint_name: str,
        text: str,
        *,
        content_type: str = TEXT,
        accept: str | None = None,
        target_variant: str | None = None,
    ) -> Invocation:
        return await self.invoke_endpoint(
            endpoint_name,
            text.encode(),
            content_type=content_type,
            accept=accept,
            target_variant=target_variant,
        )

    async def invoke_endpoint_json(
        self,
        endpoint_name: str,
        payload: Any,
        *,
        accept: str | None = JSON,
        target_variant: str | None = None,
    ) -> Invocation:
        """Send `payload` as JSON (`None` is the JSON `null`); `.json()` reads the answer."""
        return await self.invoke_endpoint(
            endpoint_name,
            json_body(payload),
            content_type=JSON,
            accept=accept,
            target_variant=target_variant,
        )

    async def invoke_endpoint_stream(
        self,
        endpoint_name: str,
        body: bytes,
        *,
        content_type: str = JSON,
        accept: str | None = None,
        target_variant: str | None = None,
    ) -> AsyncIterator[InvocationChunk]:
        """The model's answer part by part as it arrives (SageMaker's response stream).
        InvocationStreamError if the model fails after the first part."""
        request = invocation_request(
            endpoint_name,
            body,
            content_type,
            accept=stream_accept(accept),
            target_variant=target_variant,
        )
        decoder = EventDecoder()
        async with self._http.stream(**request) as response:
            async for line in response.aiter_lines():
                chunk = decoder.feed(line)
                if chunk is not None:
                    yield chunk
                if decoder.ended:
                    return

    # Packaging jobs

    async def create_packaging_job(
        self, body: PackagingJobCreate | Mapping[str, Any], *, idempotency_key: str | None = None
    ) -> PackagingJob:
        """Submits the job and answers at once (`submitted`); see wait_for_packaging_job."""
        response = await create_packaging_job.asyncio_detailed(
            client=self._client,
            body=as_body(body, PackagingJobCreate),
            idempotency_key=fresh_key(idempotency_key),
        )
        return parsed(response, PackagingJob)

    async def list_packaging_jobs(
        self,
        *,
        status: str | None = None,
        model_name: str | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
    ) -> PackagingJobPage:
        response = await list_packaging_jobs.asyncio_detailed(
            client=self._client,
            status=unset(None if status is None else PackagingJobStatus(status)),
            model_name=unset(model_name),
            page_size=unset(page_size),
            page_token=unset(page_token),
        )
        return parsed(response, PackagingJobPage)

    def iter_packaging_jobs(
        self,
        *,
        status: str | None = None,
        model_name: str | None = None,
        page_size: int | None = None,
    ) -> AsyncIterator[PackagingJob]:
        return _pages(
            lambda token: self.list_packaging_jobs(
                status=status, model_name=model_name, page_size=page_size, page_token=token
            )
        )

    async def get_packaging_job(self, job_id: str) -> PackagingJob:
        return parsed(
            await get_packaging_job.asyncio_detailed(job_id, client=self._client), PackagingJob
        )

    async def cancel_packaging_job(self, job_id: str) -> PackagingJob:
        response = await cancel_packaging_job.asyncio_detailed(job_id, client=self._client)
        return parsed(response, PackagingJob)

    async def wait_for_packaging_job(
        self,
        job_id: str,
        *,
        timeout: float = 6 * 3600.0,
        poll_interval: float | None = None,
        on_progress: Callable[[PackagingJob], None] | None = None,
    ) -> PackagingJob:
        """Poll until the job succeeded (its version registered when asked for).
        `on_progress` gets every job read (status, phase, bytes and files done) on the way.
        ResourceFailed when it ends failed or cancelled, WaiterTimeout after `timeout` s."""
        deadline = time.monotonic() + timeout
        while True:
            job = await self.get_packaging_job(job_id)
            if on_progress is not None:
                on_progress(job)
            if packaging_job_ended(job):
                return job
            if time.monotonic() >= deadline:
                raise WaiterTimeout(job_id, "succeeded", str(job.status), timeout)
            await self._sleep(poll_interval or self._poll_interval)

    # Waiters

    async def wait_for_endpoint(
        self,
        endpoint_name: str,
        status: str = "in_service",
        *,
        timeout: float = 3600.0,
        poll_interval: float | None = None,
        on_progress: Callable[[Endpoint], None] | None = None,
    ) -> Endpoint:
        """Poll until the endpoint is in `status`; ResourceFailed if it ends failed first,
        WaiterTimeout after `timeout` seconds. `on_progress` gets every endpoint read."""
        deadline = time.monotonic() + timeout
        while True:
            endpoint = await self.get_endpoint(endpoint_name)
            if on_progress is not None:
                on_progress(endpoint)
            if endpoint_reached(endpoint, status):
                return endpoint
            if time.monotonic() >= deadline:
                raise WaiterTimeout(endpoint_name, status, str(endpoint.status), timeout)
            await self._sleep(poll_interval or self._poll_interval)

    async def wait_for_endpoint_deleted(
        self,
        endpoint_name: str,
        *,
        timeout: float = 3600.0,
        poll_interval: float | None = None,
        on_progress: Callable[[Endpoint], None] | None = None,
    ) -> None:
        """Poll until the endpoint is gone (404); ResourceFailed if it ends failed first.
        `on_progress` gets every read of the endpoint while it is still there."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                endpoint = await self.get_endpoint(endpoint_name)
            except NotFound:
                return
            if on_progress is not None:
                on_progress(endpoint)
            # Still there: only its failing matters (ResourceFailed), no status is "gone".
            endpoint_reached(endpoint, "gone")
            if time.monotonic() >= deadline:
                raise WaiterTimeout(endpoint_name, "deleted", str(endpoint.status), timeout)
            await self._sleep(poll_interval or self._poll_interval)


async def _pages(fetch: Callable[[str | None], Awaitable[Page[T]]]) -> AsyncIterator[T]:
    token: str | None = None
    while True:
        page = await fetch(token)
        for item in page.items:
            yield item
        token = page.next_page_token
        if not token:
            return
