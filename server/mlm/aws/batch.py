"""AWS Batch adapter: submit, describe, list and terminate the packaging jobs."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from mlm.aws.errors import aws_errors

# DescribeJobs takes at most 100 ids per call.
DESCRIBE_BATCH = 100


class BatchJobs:
    def __init__(self, client: Any, queue: str, definition: str) -> None:
        self._client = client
        self._queue = queue
        self._definition = definition

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
        """Submit one job; its id. The command is given in full (no ``Ref::`` guessing)."""
        with aws_errors("BATCH_QUEUE_NOT_FOUND"):
            answer = self._client.submit_job(
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
