"""`AsyncMLM` against a live `mlm serve`: the same lifecycle, pages and errors over asyncio."""

from __future__ import annotations

import asyncio

import pytest
from mlm_client import AsyncMLM, NotFound, PreconditionFailed

from tests.live_server import LiveServer
from tests.sdk.conftest import POLL_SECONDS, WAIT_TIMEOUT_SECONDS
from tests.sdk.payloads import endpoint_body, model_body, version_body

pytestmark = pytest.mark.process


def client(server: LiveServer) -> AsyncMLM:
    return AsyncMLM(server.base_url, server.api_key, poll_interval=POLL_SECONDS)


def test_lifecycle_from_model_to_deleted_endpoint(server: LiveServer, name: str) -> None:
    async def lifecycle() -> None:
        async with client(server) as mlm:
            await mlm.create_model(model_body(name))
            await mlm.create_model_version(name, version_body())
            await mlm.create_endpoint(endpoint_body(name, name))
            ready = await mlm.wait_for_endpoint(name, timeout=WAIT_TIMEOUT_SECONDS)
            assert ready.status == "in_service"

            scale = {"variants": [{"name": "primary", "instance_count": 2}]}
            await mlm.update_endpoint(name, scale)
            scaled = await mlm.wait_for_endpoint(name, timeout=WAIT_TIMEOUT_SECONDS)
            assert scaled.variants[0].current_instance_count == 2

            await mlm.update_endpoint(
                name, {"variants": [{"name": "primary", "instance_type": "ml.g6e.xlarge"}]}
            )
            moved = await mlm.wait_for_endpoint(name, timeout=WAIT_TIMEOUT_SECONDS)
            assert moved.variants[0].instance_type == "ml.g6e.xlarge"

            await mlm.delete_endpoint(name)
            await mlm.wait_for_endpoint_deleted(name, timeout=WAIT_TIMEOUT_SECONDS)
            await mlm.delete_model(name, force=True)
            with pytest.raises(NotFound):
                await mlm.get_model(name)

    asyncio.run(lifecycle())


def test_iter_models_follows_next_page_token_past_one_page(server: LiveServer, name: str) -> None:
    async def listed() -> list[str]:
        async with client(server) as mlm:
            for index in range(3):
                await mlm.create_model(model_body(f"{name}-{index}"))
            return [model.name async for model in mlm.iter_models(name_prefix=name, page_size=2)]

    assert sorted(asyncio.run(listed())) == [f"{name}-{index}" for index in range(3)]


def test_missing_model_raises_not_found_with_code(server: LiveServer, name: str) -> None:
    async def get_missing() -> None:
        async with client(server) as mlm:
            await mlm.get_model(name)

    with pytest.raises(NotFound) as raised:
        asyncio.run(get_missing())
    assert raised.value.code == "MODEL_NOT_FOUND"


def test_update_with_a_stale_etag_raises_precondition_failed(server: LiveServer, name: str) -> None:
    async def update_twice() -> None:
        async with client(server) as mlm:
            await mlm.create_model(model_body(name))
            stale = (await mlm.get_model_with_etag(name)).etag
            await mlm.update_model(name, {"owner": "first"}, if_match=stale)
            await mlm.update_model(name, {"owner": "second"}, if_match=stale)

    with pytest.raises(PreconditionFailed):
        asyncio.run(update_twice())
