"""Issue 4's path end to end, over HTTP against a live `mlm serve`: a Hugging Face model id
(served by the local test hub) → a packaging job on the emulated Batch running the real
packager → a registered model version whose artifact and manifest are in S3 → an endpoint."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import httpx
import pytest

from tests.live_server import LiveServer, live_server
from tests.packager.hub import Hub, Repo, demo_repos
from tests.packager.models import LLAMA, tiny_llm_files
from tests.polling import poll

pytestmark = pytest.mark.process
MODEL = "tiny-llama"


@pytest.fixture(scope="module")
def server(hub: Hub, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with live_server(tmp_path_factory.mktemp("serve"), MLM_HF_ENDPOINT=hub.url) as running:
        yield running


@pytest.fixture(scope="module")
def api(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(
        base_url=server.base_url, headers={"X-Api-Key": server.api_key}, timeout=30
    ) as client:
        yield client


@pytest.fixture(scope="module")
def finished_job(hub: Hub, api: httpx.Client) -> dict[str, Any]:
    hub.add(Repo("acme/tiny-llama", tiny_llm_files(LLAMA)))
    assert api.post("/models", json={"name": MODEL, "metadata": {"license": "mit"}}).is_success
    created = api.post(
        "/packaging-jobs",
        json={
            "source": {"platform": "huggingface", "model_id": "acme/tiny-llama"},
            "target": {"model_name": MODEL, "register_version": True},
        },
    )
    assert created.status_code == 202, created.text
    job_id = created.json()["job_id"]
    seen: list[str] = []

    def read() -> dict[str, Any]:
        job: dict[str, Any] = api.get(f"/packaging-jobs/{job_id}").json()
        seen.append(job["status"])
        return job

    job = poll(read, lambda j: j["status"] in {"succeeded", "failed"}, "the job to end", 120, 0.2)
    job["seen_statuses"] = seen
    return job


def s3_client(server: LiveServer) -> Any:
    url = next(
        line.split(" at ")[1].split(" ")[0]
        for line in server.output().splitlines()
        if line.startswith("Emulated AWS at")
    )
    return boto3.client(
        "s3",
        region_name="us-east-1",
        endpoint_url=url,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def test_the_job_goes_through_batch_states_and_succeeds(finished_job: dict[str, Any]) -> None:
    assert finished_job["status"] == "succeeded", finished_job.get("failure_reason")
    assert "running" in finished_job["seen_statuses"]
    assert finished_job["phase"] == "done"
    assert finished_job["progress"]["files_done"] == finished_job["progress"]["files_total"]


def test_a_version_is_registered_with_the_packaged_artifact(
    finished_job: dict[str, Any], api: httpx.Client
) -> None:
    number = finished_job["model_version"]
    version = api.get(f"/models/{MODEL}/versions/{number}").json()
    assert version["packaging_job_id"] == finished_job["job_id"]
    assert version["artifact"]["uri"] == finished_job["output"]["artifact_uri"]
    assert api.get(f"/models/{MODEL}").json()["version_count"] == 1


def test_the_manifest_checksums_match_the_uploaded_files(
    finished_job: dict[str, Any], server: LiveServer
) -> None:
    s3 = s3_client(server)
    bucket, key = finished_job["output"]["manifest_uri"].removeprefix("s3://").split("/", 1)
    manifest = json.loads(s3.get_object(Bucket=bucket, Key=key)["Body"].read())
    artifact = finished_job["output"]["artifact_uri"].removeprefix(f"s3://{bucket}/")
    assert manifest["files"]
    for entry in manifest["files"]:
        body = s3.get_object(Bucket=bucket, Key=artifact + entry["path"])["Body"].read()
        assert hashlib.sha256(body).hexdigest() == entry["sha256"]


def test_the_registered_version_deploys_to_an_endpoint(
    finished_job: dict[str, Any], api: httpx.Client
) -> None:
    body = {
        "name": "tiny-ep",
        "variants": [
            {
                "model_name": MODEL,
                "model_version": finished_job["model_version"],
                "instance_type": finished_job["output"]["recommended_instance_types"][0]
                if finished_job["output"]["recommended_instance_types"]
                else "ml.g5.xlarge",
            }
        ],
    }
    assert api.post("/endpoints", json=body).status_code == 202
    poll(
        lambda: api.get("/endpoints/tiny-ep").json()["status"],
        lambda s: s == "in_service",
        "the endpoint to be in service",
        30,
    )


def test_no_incomplete_multipart_upload_is_left(
    finished_job: dict[str, Any], server: LiveServer
) -> None:
    s3 = s3_client(server)
    bucket = finished_job["output"]["artifact_uri"].removeprefix("s3://").split("/", 1)[0]
    assert s3.list_multipart_uploads(Bucket=bucket).get("Uploads", []) == []


def readme_packaging_walkthrough() -> str:
    text = (Path(__file__).parents[2] / "README.md").read_text()
    block = re.search(r"<!-- packaging-walkthrough -->\n```bash\n(.*?)```", text, re.S)
    assert block, "README.md lost its packaging walk-through"
    return block.group(1)


def test_the_readme_packaging_walkthrough_runs_as_written(hub: Hub, tmp_path: Path) -> None:
    for repo in demo_repos():  # what `python -m tests.packager.hub` serves
        hub.add(repo)
    with live_server(tmp_path, MLM_HF_ENDPOINT=hub.url) as server:
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", readme_packaging_walkthrough()],
            env={**os.environ, "MLM": server.base_url, "MLM_API_KEY": server.api_key},
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "succeeded done" in result.stdout
    assert '"name":"minilm-ep"' in result.stdout


def test_the_test_hub_runs_alone_serving_the_demo_models() -> None:
    command = [sys.executable, "-m", "tests.packager.hub", "--port", "0"]
    root = Path(__file__).parents[2]
    with subprocess.Popen(command, cwd=root, stdout=subprocess.PIPE, text=True) as hub:
        try:
            assert hub.stdout is not None
            url = hub.stdout.readline().split()[3]
            info = httpx.get(f"{url}/api/models/THUDM/glm-4-9b-chat", timeout=10).json()
        finally:
            hub.terminate()
    assert "modeling_chatglm.py" in {s["rfilename"] for s in info["siblings"]}
