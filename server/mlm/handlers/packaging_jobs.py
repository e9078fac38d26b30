"""/v1/packaging-jobs — model packaging on AWS Batch (operationIds = function names)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from connexion.lifecycle import ConnexionResponse

from mlm import web
from mlm.idempotency import Reply
from mlm.services.packaging.requests import PackagingRequest
from mlm.services.packaging.views import PackagingJob
from mlm.settings import Role


def _location(job: PackagingJob) -> dict[str, str]:
    return {"Location": f"/v1/packaging-jobs/{job.job_id}"}


def create_packaging_job(body: Mapping[str, Any]) -> ConnexionResponse:
    source, target = body["source"], body["target"]
    registers = bool(target.get("register_version", True))
    # A job that registers a version publishes it: the publish role, as adding one directly.
    principal = web.caller(
        web.container().settings.version_publisher if registers else Role.OPERATOR
    )
    request = PackagingRequest(
        model_name=str(target["model_name"]),
        platform=str(source["platform"]),
        model_id=source.get("model_id"),
        revision=source.get("revision"),
        s3_uri=source.get("s3_uri"),
        register_version=bool(target.get("register_version", True)),
        artifact_format=str(target.get("format", "s3_prefix")),
        series=body.get("series"),
        options=dict(body.get("options") or {}),
        hf_token_secret_arn=body.get("hf_token_secret_arn"),
    )

    def create() -> Reply:
        # The service checks the request in here, after the Idempotency-Key lookup: a key
        # reused with another body is answered as such, whatever else is wrong with it.
        key = web.header("Idempotency-Key")
        job = web.container().packaging_jobs.submit(principal.tenant, request, key)
        return Reply(body=job.to_api(), status=202, headers=_location(job))

    return web.respond_once("create_packaging_job", principal, body, create)


def list_packaging_jobs(
    status: str | None = None,
    model_name: str | None = None,
    page_size: int = 50,
    page_token: str | None = None,
) -> ConnexionResponse:
    principal = web.caller(Role.VIEWER)
    page = web.container().packaging_jobs.list_jobs(
        principal.tenant, status, model_name, page_size, page_token
    )
    items = [job.to_api() for job in page.items]
    return web.respond({"items": items, "next_page_token": page.next_page_token})


def get_packaging_job(job_id: str) -> ConnexionResponse:
    principal = web.caller(Role.VIEWER)
    job = web.container().packaging_jobs.get(principal.tenant, job_id)
    return web.respond(job.to_api())


def cancel_packaging_job(job_id: str) -> ConnexionResponse:
    principal = web.caller(Role.OPERATOR)
    job = web.container().packaging_jobs.cancel(principal.tenant, job_id, principal.key_name)
    return web.respond(job.to_api(), 202, _location(job))
