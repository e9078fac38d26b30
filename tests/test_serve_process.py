"""`mlm serve` as a user runs it: a real process, real HTTP, the embedded emulator."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator

import boto3
import httpx
import pytest

from tests.live_server import LiveServer, free_port, live_server

pytestmark = pytest.mark.process

_EMULATOR_URL = re.compile(r"Emulated AWS at (http://[0-9.]+:\d+)")


@pytest.fixture(scope="module")
def emulator_port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, emulator_port: int) -> Iterator[LiveServer]:
    env = {
        "MLM_DEV_API_KEY": secrets.token_urlsafe(16),
        "MLM_EMULATOR_PORT": str(emulator_port),
        # Wide enough that rich does not wrap the lines these tests read.
        "COLUMNS": "240",
    }
    with live_server(tmp_path_factory.mktemp("serve"), **env) as server:
        yield server


def _emulator_url(served: LiveServer) -> str:
    match = _EMULATOR_URL.search(served.output())
    assert match, served.output()
    return match.group(1)


def test_health_answers(served: LiveServer) -> None:
    response = httpx.get(f"{served.base_url}/health")
    assert response.status_code == 200
    assert response.json()["backend"] == {
        "mode": "emulator",
        "region": "us-east-1",
        "reachable": True,
    }


def test_an_operation_without_a_key_is_401(served: LiveServer) -> None:
    response = httpx.get(f"{served.base_url}/instance-types")
    assert response.status_code == 401
    assert response.headers["Content-Type"] == "application/problem+json"


def test_the_dev_key_opens_an_authenticated_operation(served: LiveServer) -> None:
    response = httpx.get(
        f"{served.base_url}/instance-types",
        params={"family": "g5"},
        headers={"X-Api-Key": served.api_key},
    )
    assert response.status_code == 200
    assert "ml.g5.12xlarge" in [item["name"] for item in response.json()["items"]]


def test_swagger_ui_is_served(served: LiveServer) -> None:
    response = httpx.get(f"{served.base_url}/ui/")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")
    assert "swagger-ui" in response.text


def test_the_openapi_document_is_served(served: LiveServer) -> None:
    response = httpx.get(f"{served.base_url}/openapi.json")
    assert response.status_code == 200
    assert "/instance-types" in response.json()["paths"]


def test_the_dev_key_is_printed(served: LiveServer) -> None:
    assert served.api_key in served.output()


def test_the_emulator_url_is_printed(served: LiveServer) -> None:
    assert _emulator_url(served).startswith("http://127.0.0.1:")


def test_the_emulator_listens_on_mlm_emulator_port(served: LiveServer, emulator_port: int) -> None:
    assert _emulator_url(served) == f"http://127.0.0.1:{emulator_port}"


def test_the_printed_emulator_url_answers_boto3(served: LiveServer) -> None:
    sts = boto3.client(
        "sts",
        endpoint_url=_emulator_url(served),
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    assert sts.get_caller_identity()["Account"].isdigit()
