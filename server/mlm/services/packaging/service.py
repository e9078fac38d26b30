"""Packaging jobs: submit the packager to AWS Batch, report its state, register its output.

The API's job id is ``<model name>-<10 hex>``; the Batch job is ``mlm-<tenant>-<job id>``
and carries the managed tags, so a job is found by its name and checked by its tags (a
job of another tenant is simply not found). Everything the run needs is in its Batch
parameters; the packager writes phase, progress and outcome to ``status.json`` under the
job's prefix, and registration keeps its record there beside it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from mlm import naming
from mlm.aws.batch import BatchJobs
from mlm.aws.job_objects import JobObjects
from mlm.errors import ApiError, Conflict, NotFound
from mlm.pagination import DEFAULT_PAGE_SIZE, Page, PageTokens
from mlm.services.fan_out import parallel
from mlm.services.packaging import job_command, names, requests
from mlm.services.packaging.registration import Registration
from mlm.services.packaging.requests import PackagingRequest
from mlm.services.packaging.source_scope import SourceScope
from mlm.services.packaging.views import CANCEL_REASON, PackagingJob, build_view, status_of
from mlm.services.registry.requests import read_new_version
from mlm.services.registry.versions import ModelVersion, ModelVersionService

log = logging.getLogger("mlm.packaging")

STATUSES = (
    "submitted",
    "pending",
    "runnable",
    "starting",
    "running",
    "succeeded",
    "failed",
    "cancelled",
)


class _VersionsByJob:
    """Version creation, and finding the version a job already registered."""

    def __init__(self, versions: ModelVersionService) -> None:
        self._versions = versions

    def create(
        self,
        tenant: str,
        model_name: str,
        body: dict[str, Any],
        actor: str,
        packaging_job_id: str | None = None,
    ) -> ModelVersion:
        # Registration builds the body a client would send; read it as the handler does.
        request = read_new_version(body)
        return self._versions.create(tenant, model_name, request, actor, packaging_job_id)

    def find_by_job(self, tenant: str, model_name: str, job_id: str) -> int | None:
        token: str | None = None
        while True:
            page = self._versions.list_versions(tenant, model_name, page_token=token)
            for version in page.items:
                if version.packaging_job_id == job_id:
                    return version.version
            token = page.next_page_token
            if token is None:
                return None


class PackagingJobService:
    def __init__(
        self,
        batch: BatchJobs,
        objects: JobObjects,
        versions: ModelVersionService,
        require_model: Callable[[str, str], object],
        page_tokens: PageTokens,
        scope: SourceScope,
        output_prefix: str = "",
        memory_mib: int = 30720,
        vcpus: int = 4,
        hf_endpoint: str | None = None,
    ) -> None:
        self._batch = batch
        self._objects = objects
        self._bucket = objects.bucket
        self._registration = Registration(objects, _VersionsByJob(versions))
        self._require_model = require_model
        self._tokens = page_tokens
        self._output_prefix = output_prefix
        self._memory_mib = memory_mib
        self._vcpus = vcpus
        self._environment = {"HF_ENDPOINT": hf_endpoint} if hf_endpoint else {}
        self._scope = scope

    # Operations -------------------------------------------------------------------------

    def submit(
        self, tenant: str, request: PackagingRequest, request_key: str | None = None
    ) -> PackagingJob:
        """``request_key`` (the Idempotency-Key, already scoped to the tenant by its
        record) names the job, so a retry converges on the job its first attempt made."""
        requests.check(request)
        self._scope.check(request, tenant)
        self._require_model(tenant, request.model_name)  # 404 before anything starts
        job_id = names.new_job_id(
            request, None if request_key is None else f"{tenant}/{request_key}"
        )
        prefix = self._prefix(tenant, request.model_name, job_id)
        params = job_command.parameters(request, tenant, job_id, self._bucket, prefix)
        tags = _tags(tenant, request.model_name, job_id)
        self._batch.submit(
            names.batch_job_name(tenant, job_id),
            params,
            job_command.command(params),
            tags,
            self._memory_mib,
            self._vcpus,
            self._environment,
        )  # the commit point: the job exists from here on
        try:
            return self.get(tenant, job_id)
        except ApiError as error:  # it was submitted: answer what the submission made
            log.warning("packaging job %s: read after submit failed: %s", job_id, error)
            submitted = {"jobName": names.batch_job_name(tenant, job_id), "status": "SUBMITTED"}
            return build_view(job_id, submitted | {"parameters": params}, None, None)

    def get(self, tenant: str, job_id: str) -> PackagingJob:
        job = self._find(tenant, job_id)
        return self._view(tenant, job_id, job)

    def list_jobs(
        self,
        tenant: str,
        status: str | None = None,
        model_name: str | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        page_token: str | None = None,
    ) -> Page[PackagingJob]:
        query: dict[str, object] = {
            "op": "list_packaging_jobs",
            "tenant": tenant,
            "status": status,
            "model": model_name,
        }
        name_filter = naming.tenant_prefix(tenant) + (f"{model_name}-" if model_name else "") + "*"
        described = self._batch.describe(self._batch.ids_named(name_filter))
        mine: list[tuple[str, dict[str, Any]]] = []
        for job in described:
            job_id = self._owned(tenant, job)
            if job_id is None:
                continue
            if model_name is not None and job.get("tags", {}).get(naming.TAG_NAME) != model_name:
                continue
            mine.append((job_id, job))
        if status is not None:  # a job's status is Batch's alone: no S3 read needed
            mine = [(job_id, job) for job_id, job in mine if status_of(job) == status]
        # Newest first; the id breaks ties between jobs created in the same millisecond.
        page = self._tokens.paginate(
            mine,
            lambda item: f"{10**14 - int(item[1].get('createdAt') or 0):015d}/{item[0]}",
            page_size,
            page_token,
            query,
        )
        # Only the page's jobs are read from S3 (status object, registration), in parallel.
        views = parallel(lambda item: self._view(tenant, *item), page.items)
        return Page(views, page.next_page_token)

    def cancel(self, tenant: str, job_id: str, actor: str) -> PackagingJob:
        job = self._find(tenant, job_id)
        view = self._view(tenant, job_id, job)
        if view.finished:
            raise Conflict(
                code="PACKAGING_JOB_FINISHED",
                detail=f"Packaging job {job_id} has already {view.status}; there is "
                "nothing to cancel.",
            )
        self._batch.terminate(str(job["jobId"]), f"{CANCEL_REASON} by {actor}.")  # commit
        try:
            return self.get(tenant, job_id)
        except ApiError as error:  # asked to stop; Batch's status follows in a moment
            log.warning("packaging job %s: read after cancel failed: %s", job_id, error)
            return view

    def on_batch_event(self, event: Mapping[str, Any]) -> PackagingJob | None:
        """An EventBridge "Batch Job State Change": register a succeeded job's output.
        Events for jobs that are not ours are ignored (None)."""
        detail = event.get("detail") or {}
        if event.get("detail-type") != "Batch Job State Change" or not isinstance(detail, dict):
            return None
        batch_id = detail.get("jobId")
        if not isinstance(batch_id, str):
            return None
        found = self._batch.describe([batch_id])
        if not found:
            return None
        job = found[0]
        tenant = str(job.get("tags", {}).get(naming.TAG_TENANT, ""))
        job_id = self._owned(tenant, job) if tenant else None
        if job_id is None:
            return None
        return self._view(tenant, job_id, job)

    # Internals --------------------------------------------------------------------------

    def _prefix(self, tenant: str, model_name: str, job_id: str) -> str:
        return names.job_prefix(self._output_prefix, tenant, model_name, job_id)

    def _find(self, tenant: str, job_id: str) -> dict[str, Any]:
        missing = NotFound(
            code="PACKAGING_JOB_NOT_FOUND", detail=f"There is no packaging job '{job_id}'."
        )
        if not names.is_job_id(job_id):
            raise missing
        ids = self._batch.ids_named(names.batch_job_name(tenant, job_id))
        for job in self._batch.describe(ids):
            if self._owned(tenant, job) == job_id:
                return job
        raise missing

    @staticmethod
    def _owned(tenant: str, job: Mapping[str, Any]) -> str | None:
        """The job id when the Batch job is this tenant's (by name and by tag)."""
        tags = job.get("tags") or {}
        if tags.get(naming.TAG_TENANT) != tenant or tags.get(naming.TAG_MANAGED_BY) != "mlm":
            return None
        return names.job_id_of(tenant, str(job.get("jobName", "")))

    def _view(self, tenant: str, job_id: str, job: dict[str, Any]) -> PackagingJob:
        params: dict[str, str] = dict(job.get("parameters") or {})
        model_name = params.get("model_name", "")
        prefix = self._prefix(tenant, model_name, job_id)
        found = self._objects.read(prefix + names.STATUS_OBJECT)
        status_doc = None if found is None else found[0]
        registration = None
        view = build_view(job_id, job, status_doc, None)
        if view.status == "succeeded" and view.target["register_version"]:
            result = (status_doc or {}).get("result")
            registration = self._registration.ensure(
                tenant,
                job_id,
                prefix + names.REGISTRATION_OBJECT,
                params,
                result if isinstance(result, dict) else None,
                naming.managed_tag_map(tenant, model_name),
            )
            view = build_view(job_id, job, status_doc, registration)
        return view


def _tags(tenant: str, model_name: str, job_id: str) -> dict[str, str]:
    tags = naming.managed_tag_map(tenant, model_name)
    tags["mlm:packaging-job-id"] = job_id
    return tags
