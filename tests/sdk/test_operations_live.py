"""The typed methods beyond the lifecycle, against a live `mlm serve` (with a local hub):
packaging jobs and their waiter, instances, metrics, invocation as bytes, text, JSON and
streams, in `MLM` and `AsyncMLM`."""

from __future__ import annotations

import asyncio
import datetime
from collections.abc import Iterator

import pytest
from mlm_client import (
    MLM,
    AsyncMLM,
    InvocationChunk,
    ModelFailed,
    ResourceFailed,
)
from mlm_client.models import PackagingJob

from tests.live_server import LiveServer, live_server
from tests.packager.hub import demo_repos, serve_hub
from tests.sdk.conftest import POLL_SECONDS, WAIT_TIMEOUT_SECONDS
from tests.sdk.payloads import endpoint_body, model_body, version_body

pytestmark = pytest.mark.process

BINARY = "application/octet-stream"
MINILM = "sentence-transformers/all-MiniLM-L6-v2"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with serve_hub() as hub:
        for repo in demo_repos():
            hub.add(repo)
        with live_server(tmp_path_factory.mktemp("ops"), MLM_HF_ENDPOINT=hub.url) as running:
            yield running


@pytest.fixture(scope="module")
def endpoint(server: LiveServer) -> str:
    """One in-service endpoint the invocation and observability tests share."""
    with MLM(server.base_url, server.api_key, poll_interval=POLL_SECONDS) as mlm:
        mlm.create_model(model_body("ops-model"))
        mlm.create_model_version("ops-model", version_body())
        mlm.create_endpoint(endpoint_body("ops-endpoint", "ops-model"))
        mlm.wait_for_endpoint("ops-endpoint", timeout=WAIT_TIMEOUT_SECONDS)
    return "ops-endpoint"


def packaging_body(model_name: str) -> dict[str, object]:
    return {
        "source": {"platform": "huggingface", "model_id": MINILM},
        "target": {"model_name": model_name, "register_version": True},
    }


def test_packaging_waiter_reports_progress_and_returns_the_registered_version(
    mlm: MLM, name: str
) -> None:
    mlm.create_model(model_body(name))
    job = mlm.create_packaging_job(packaging_body(name))
    seen: list[PackagingJob] = []

    done = mlm.wait_for_packaging_job(
        job.job_id, timeout=WAIT_TIMEOUT_SECONDS, on_progress=seen.append
    )

    assert (done.status, done.model_version) == ("succeeded", 1)
    assert seen[-1] is done
    assert mlm.get_model_version(name, 1).version == 1


def test_packaging_output_keeps_its_environment(mlm: MLM, name: str) -> None:
    mlm.create_model(model_body(name))
    job = mlm.create_packaging_job(packaging_body(name))
    done = mlm.wait_for_packaging_job(job.job_id, timeout=WAIT_TIMEOUT_SECONDS)
    assert done.output is not None
    # openapi-python-client dropped PackagingOutput whole before scripts/generators/sdk_spec.py
    # moved its nullability onto the reference.
    assert isinstance(done.output.environment.to_dict(), dict)
    assert done.output.environment.to_dict()


def test_packaging_jobs_list_and_iterate_newest_first(mlm: MLM, name: str) -> None:
    mlm.create_model(model_body(name))
    first = mlm.create_packaging_job(packaging_body(name))
    second = mlm.create_packaging_job(packaging_body(name))
    listed = [job.job_id for job in mlm.iter_packaging_jobs(model_name=name, page_size=1)]
    assert listed == [second.job_id, first.job_id]
    assert mlm.list_packaging_jobs(model_name=name).items[0].job_id == second.job_id


def test_cancelled_packaging_job_makes_the_waiter_raise(mlm: MLM, name: str) -> None:
    mlm.create_model(model_body(name))
    job = mlm.create_packaging_job(packaging_body(name))
    cancelled = mlm.cancel_packaging_job(job.job_id)
    assert cancelled.job_id == job.job_id
    with pytest.raises(ResourceFailed) as raised:
        mlm.wait_for_packaging_job(job.job_id, timeout=WAIT_TIMEOUT_SECONDS)
    assert raised.value.status == "cancelled"


def test_invoke_json_answers_the_models_json(mlm: MLM, endpoint: str) -> None:
    answer = mlm.invoke_endpoint_json(endpoint, {"inputs": "Hello"})
    assert answer.json()["request"]["json"] == {"inputs": "Hello"}
    assert answer.invoked_variant == "primary"


def test_invoke_text_passes_the_text_through(mlm: MLM, endpoint: str) -> None:
    answer = mlm.invoke_endpoint_text(endpoint, "plain words")
    received = answer.json()["request"]
    assert (received["text"], received["content_type"]) == (
        "plain words",
        "text/plain; charset=utf-8",
    )


def test_invoke_bytes_passes_the_bytes_through(mlm: MLM, endpoint: str) -> None:
    answer = mlm.invoke_endpoint(endpoint, b"\xff\xfe binary")
    received = answer.json()["request"]
    assert (received["base64"], received["content_type"]) == ("//4gYmluYXJ5", BINARY)


def test_invoke_model_error_raises_model_failed_with_the_models_status(
    mlm: MLM, endpoint: str
) -> None:
    with pytest.raises(ModelFailed) as raised:
        mlm.invoke_endpoint_json(
            endpoint, {"mlm_emulator": {"model_error": {"status": 500, "message": "boom"}}}
        )
    assert (raised.value.status, raised.value.original_status_code) == (424, 500)


def test_invoke_stream_yields_every_chunk(mlm: MLM, endpoint: str) -> None:
    chunks = list(
        mlm.invoke_endpoint_stream(endpoint, b'{"inputs": "Hi", "mlm_emulator": {"chunks": 4}}')
    )
    assert len(chunks) == 4
    assert all(isinstance(chunk, InvocationChunk) and chunk.data for chunk in chunks)


def test_async_invoke_stream_is_an_async_iterator_of_chunks(
    server: LiveServer, endpoint: str
) -> None:
    async def stream() -> list[InvocationChunk]:
        async with AsyncMLM(server.base_url, server.api_key) as mlm:
            body = b'{"inputs": "Hi", "mlm_emulator": {"chunks": 3}}'
            return [chunk async for chunk in mlm.invoke_endpoint_stream(endpoint, body)]

    assert len(asyncio.run(stream())) == 3


def test_instances_show_each_variant(mlm: MLM, endpoint: str) -> None:
    instances = mlm.get_endpoint_instances(endpoint)
    assert [variant.name for variant in instances.variants] == ["primary"]


def test_metrics_count_the_invocations(mlm: MLM, endpoint: str) -> None:
    mlm.invoke_endpoint_json(endpoint, {"inputs": "count me"})
    # The range ends past now: the current minute's period is not complete before then.
    end = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=2)
    metrics = mlm.get_endpoint_metrics(endpoint, metrics=["invocations"], period=60, end_time=end)
    assert {series.metric for series in metrics.series} == {"invocations"}
    assert sum(point.value for series in metrics.series for point in series.points) >= 1


def test_async_packaging_waiter_reports_progress(server: LiveServer, name: str) -> None:
    async def package() -> tuple[PackagingJob, int]:
        async with AsyncMLM(server.base_url, server.api_key, poll_interval=POLL_SECONDS) as mlm:
            await mlm.create_model(model_body(name))
            job = await mlm.create_packaging_job(packaging_body(name))
            seen: list[PackagingJob] = []
            done = await mlm.wait_for_packaging_job(
                job.job_id, timeout=WAIT_TIMEOUT_SECONDS, on_progress=seen.append
            )
            return done, len(seen)

    done, reads = asyncio.run(package())
    assert done.status == "succeeded"
    assert reads >= 1


def test_endpoint_logs_show_an_invocation(mlm: MLM, endpoint: str) -> None:
    mlm.invoke_endpoint_json(endpoint, {"inputs": "logged"})
    page = mlm.get_endpoint_logs(endpoint, contains="/invocations 200", page_size=100)
    assert page.items
    assert page.items[0].variant == "primary"


def test_alarms_are_set_and_read_back(mlm: MLM, endpoint: str) -> None:
    set_ = mlm.put_endpoint_alarms(endpoint, {"alarms": [{"kind": "no_traffic"}]})
    assert [a.kind for a in set_.alarms] == ["no_traffic"]
    assert [a.kind for a in mlm.get_endpoint_alarms(endpoint).alarms] == ["no_traffic"]
    mlm.put_endpoint_alarms(endpoint, {"alarms": []})


def test_captures_of_an_endpoint_without_data_capture_are_empty(mlm: MLM, endpoint: str) -> None:
    assert mlm.list_endpoint_captures(endpoint).items == []
