"""Start the emulator (moto server on 127.0.0.1) and create what the service needs."""

from __future__ import annotations

import json
import urllib.request
from dataclasses import dataclass

from moto.moto_server.threaded_moto_server import ThreadedMotoServer

from mlm.emulator import patches
from mlm.emulator.bootstrap import bootstrap
from mlm.emulator.patches import batch
from mlm.emulator.patches.endpoint_events import EndpointEvents
from mlm.settings import Settings


@dataclass
class Emulator:
    """A running emulator; ``url`` is what boto3's ``endpoint_url`` should be."""

    server: ThreadedMotoServer
    url: str
    events: EndpointEvents

    def stop(self) -> None:
        self.events.stop()
        batch.shutdown()
        self.server.stop()


def start_emulator(settings: Settings) -> tuple[Emulator, Settings]:
    """Start the emulator and return it with settings that point the service at it."""
    patches.apply(
        transition_seconds=settings.emulator_transition_seconds,
        minute_seconds=settings.emulator_minute_seconds,
    )
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=settings.emulator_port, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    batch.configure(endpoint_url=url)
    _configure_moto(url)
    configured = settings.model_copy(update={"aws_endpoint_url": url})
    resources = bootstrap(configured)
    configured = configured.model_copy(
        update={
            "artifact_bucket": configured.artifact_bucket or resources.bucket,
            "execution_role_arn": configured.execution_role_arn or resources.role_arn,
        }
    )
    events = EndpointEvents()
    events.start()
    return Emulator(server=server, url=url, events=events), configured


def _configure_moto(url: str) -> None:
    # Batch jobs must not try to start Docker containers.
    body = json.dumps({"batch": {"use_docker": False}}).encode()
    request = urllib.request.Request(  # noqa: S310 - loopback URL we just started
        f"{url}/moto-api/config",
        data=body,
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10):  # noqa: S310
        pass
