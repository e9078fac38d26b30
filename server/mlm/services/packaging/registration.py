"""Registering a succeeded packaging job's output as a model version, exactly once.

A poll (GET) and an EventBridge event may notice the same success at the same moment.
Whoever first writes ``registration.json`` under the job's prefix (an S3 conditional
write, ``If-None-Match: *``) registers; the others read that record. A claim left by a
process that died mid-way is taken over after ``STALE_CLAIM_SECONDS`` (conditional on
its ETag), and the taker first looks for a version already carrying the job id.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol

from mlm.aws.job_objects import JobObjects
from mlm.errors import ApiError, ServiceUnavailable
from mlm.services.registry.versions import ModelVersion

STALE_CLAIM_SECONDS = 300
ACTOR = "packaging-job"


class VersionRegistry(Protocol):
    def create(
        self,
        tenant: str,
        model_name: str,
        body: dict[str, Any],
        actor: str,
        packaging_job_id: str | None = None,
    ) -> ModelVersion: ...

    def find_by_job(self, tenant: str, model_name: str, job_id: str) -> int | None: ...


def version_body(job_id: str, params: dict[str, str], result: dict[str, Any]) -> dict[str, Any]:
    """The new version: the packager's artifact, image and environment, the source pinned
    to the commit it resolved, and where the manifest is."""
    body: dict[str, Any] = {
        "container": {
            "image": result["container_image"],
            "environment": dict(result.get("environment") or {}),
        },
        "artifact": {"uri": result["artifact_uri"], "format": result["format"]},
        "description": f"Packaged by packaging job {job_id}.",
        "metadata": {"manifest_uri": str(result.get("manifest_uri"))},
    }
    if result.get("series"):
        body["series"] = result["series"]
    source_id = params.get("model_id") or params.get("s3_uri")
    if source_id:
        body["source"] = {
            "platform": params.get("platform", "huggingface"),
            "model_id": source_id,
            "revision": result.get("source_commit") or params.get("revision"),
        }
    memory = result.get("estimated_gpu_memory_gib")
    if isinstance(memory, int | float) and memory > 0:
        body["requirements"] = {"gpu_memory_gib": memory}
    return body


class Registration:
    def __init__(
        self,
        objects: JobObjects,
        versions: VersionRegistry,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._objects = objects
        self._versions = versions
        self._clock = clock

    def ensure(
        self,
        tenant: str,
        job_id: str,
        key: str,
        params: dict[str, str],
        result: dict[str, Any] | None,
        tags: dict[str, str],
    ) -> dict[str, Any] | None:
        """The registration record of a succeeded job, registering first if nobody has."""
        found = self._objects.read(key)
        if found is not None and not self._stale(found[0]):
            return found[0]
        claim = {"state": "claimed", "claimed_at": self._clock()}
        won = (
            self._objects.create(key, claim, tags)
            if found is None
            else self._objects.replace(key, claim, tags, etag=found[1])
        )
        if not won:
            again = self._objects.read(key)
            return None if again is None else again[0]
        # Only a taken-over claim can have a version already (its owner died mid-way).
        record = self._register(tenant, job_id, params, result, takeover=found is not None)
        if record is None:
            self._objects.delete(key)  # a passing trouble: the next poll tries again
            return None
        self._objects.replace(key, record, tags)
        return record

    def _stale(self, record: dict[str, Any]) -> bool:
        claimed = record.get("claimed_at")
        return (
            record.get("state") == "claimed"
            and isinstance(claimed, int | float)
            and self._clock() - claimed > STALE_CLAIM_SECONDS
        )

    def _register(
        self,
        tenant: str,
        job_id: str,
        params: dict[str, str],
        result: dict[str, Any] | None,
        takeover: bool,
    ) -> dict[str, Any] | None:
        model_name = params["model_name"]
        if result is None:
            return {
                "state": "failed",
                "reason": "The job succeeded but left no result to register (its status "
                "object is missing or incomplete); nothing was registered.",
            }
        try:
            existing = self._versions.find_by_job(tenant, model_name, job_id) if takeover else None
            if existing is not None:
                return {"state": "registered", "version": existing}
            body = version_body(job_id, params, result)
            version = self._versions.create(tenant, model_name, body, ACTOR, job_id)
        except ServiceUnavailable:
            return None
        except (ApiError, KeyError) as error:
            detail = error.detail if isinstance(error, ApiError) else f"missing {error}"
            return {
                "state": "failed",
                "reason": "The model was packaged, but registering it as a version of "
                f"'{model_name}' failed: {detail}",
            }
        return {"state": "registered", "version": version.version}
