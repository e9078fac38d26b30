"""Start ``mlm serve`` as a real process for tests that drive it over HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.polling import poll

MLM = Path(sys.executable).with_name("mlm")
START_DEADLINE_SECONDS = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class LiveServer:
    base_url: str
    api_key: str
    process: subprocess.Popen[str]
    output_path: Path

    def output(self) -> str:
        return self.output_path.read_text()


@contextmanager
def live_server(tmp_path: Path, **env: str) -> Iterator[LiveServer]:
    """``mlm serve`` on a free port; yields once /v1/health answers; always stops it."""
    port = free_port()
    api_key = env.pop("MLM_DEV_API_KEY", "live-test-key")
    environment = {
        **os.environ,
        "MLM_PORT": str(port),
        "MLM_DEV_API_KEY": api_key,
        "MLM_EMULATOR_TRANSITION_SECONDS": "0.2",
        **env,
    }
    output_path = tmp_path / "mlm-serve.log"
    with output_path.open("w") as output:
        process = subprocess.Popen(
            [str(MLM), "serve"],
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
        )
    server = LiveServer(f"http://127.0.0.1:{port}/v1", api_key, process, output_path)
    try:
        _wait_until_healthy(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_healthy(server: LiveServer) -> None:
    def healthy() -> bool:
        if server.process.poll() is not None:
            raise RuntimeError(f"mlm serve exited early:\n{server.output()}")
        try:
            return httpx.get(f"{server.base_url}/health", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    poll(healthy, bool, "mlm serve to answer /v1/health", START_DEADLINE_SECONDS, 0.2)
