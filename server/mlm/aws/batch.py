"""AWS Batch adapter: submit, describe, list and terminate the packaging jobs.

SubmitJob takes no client token, and Batch accepts any number of jobs of one name: a
repeat of a submission whose reply was lost would start the job twice. So SubmitJob
goes out through a client that never repeats a call, and ``submit`` retries itself,
looking the job up by its (per-request) name before every attempt.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from mlm.aws.errors import aws_errors
from mlm.errors import ServiceUnavailable

# DescribeJobs takes at most 100 ids per call.
DESCRIBE_BATCH = 100
SUBMIT_ATTEMPTS = 4
_BACKOFF_SECONDS = 0.2


class BatchJobs:
    def __init__(
        self,
        client: Any,
        queue: str,
        definition: str,
        submit_client: Any | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._client = client
        # A client with botocore's retries off (see the module's docstring).
        self._submit_client = submit_client or client
        self._queue = queue
        self._definition = definition
        self._sleep = sleep

    def submit(
        self,
        name: str,
        parameters: Mapping[str, str],
        command: list[str],
        tags: Mapping[str, str],
        memory_mib: int,
        vcpus: int,
        environment: Mapping[str, str] | None = None,
    ) -> str:
        """Submit one job named ``name`` (unless one of that name exists: a submission
        that did go through); its id. The command is given in full (no ``Ref::``)."""
        for attempt in range(SUBMIT_ATTEMPTS):
            existing = self.ids_named(name)
            if existing:
                return existing[0]
            try:
                return self._submit_once(
                    name, parameters, command, tags, memory_mib, vcpus, environment
                )
            except ServiceUnavailable:
                if attempt == SUBMIT_ATTEMPTS - 1:
                    raise
                self._sleep(_BACKOFF_SECONDS * 2**attempt)
        raise AssertionError("unreachable")  # the loop returns or raises

    def _submit_once(
        self,
        name: str,
        parameters: Mapping[str, str],
        command: list[str],
        tags: Mapping[str, str],
        memory_mib: int,
        vcpus: int,
        environment: Mapping[str, str] | None,
    ) -> str:
        with aws_errors("BATCH_QUEUE_NOT_FOUND"):
            answer = self._submit_client.submit_job(
                jobName=name,
                jobQueue=self._queue,
                jobDefinition=self._definition,
                parameters=dict(parameters),
                containerOverrides={
                    "command": command,
                    "environment": [
                        {"name": k, "value": v} for k, v in (environment or {}).items()
                    ],
                    "resourceRequirements": [
                        {"type": "MEMORY", "value": str(memory_mib)},
                        {"type": "VCPU", "value": str(vcpus)},
                    ],
                },
                tags=dict(tags),
                propagateTags=True,
            )
        return str(answer["jobId"])

    def describe(self, job_ids: list[str]) -> list[dict[str, Any]]:
        """Full descriptions (with tags and parameters); unknown ids are left out."""
        found: list[dict[str, Any]] = []
        for start in range(0, len(job_ids), DESCRIBE_BATCH):
            with aws_errors():
                answer = self._client.describe_jobs(jobs=job_ids[start : start + DESCRIBE_BATCH])
            found.extend(answer.get("jobs", []))
        return found

    def ids_named(self, name_or_prefix: str) -> list[str]:
        """Ids of the queue's jobs whose name is ``name_or_prefix`` (``*`` at the end: a
        prefix). With a name filter Batch lists jobs in every status."""
        return [summary["jobId"] for summary in self._summaries(name_or_prefix)]

    def _summaries(self, name_filter: str) -> Iterator[dict[str, Any]]:
        token: str | None = None
        while True:
            request: dict[str, Any] = {
                "jobQueue": self._queue,
                "filters": [{"name": "JOB_NAME", "values": [name_filter]}],
            }
            if token:
                request["nextToken"] = token
            with aws_errors("BATCH_QUEUE_NOT_FOUND"):
                answer = self._client.list_jobs(**request)
            yield from answer.get("jobSummaryList", [])
            token = answer.get("nextToken")
            if not token:
                return

    def terminate(self, job_id: str, reason: str) -> None:
        """Stop a job in any state (CancelJob would leave a running one running)."""
        with aws_errors():
            self._client.terminate_job(jobId=job_id, reason=reason)

    def tag(self, job_arn: str, tags: Mapping[str, str]) -> None:
        with aws_errors():
            self._client.tag_resource(resourceArn=job_arn, tags=dict(tags))
