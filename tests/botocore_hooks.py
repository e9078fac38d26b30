"""Botocore event hooks for tests: watch or bend a client's calls inside a block only."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

ALL_SERVICES = ("sagemaker", "dynamodb", "cloudwatch", "sqs", "sagemaker-runtime")


@contextmanager
def hooked(client: Any, event: str, handler: Callable[..., None]) -> Iterator[None]:
    """``handler`` runs on ``client``'s ``event`` (e.g. "before-parameter-build.s3.PutObject")
    until the block ends, however it ends."""
    client.meta.events.register(event, handler)
    try:
        yield
    finally:
        client.meta.events.unregister(event, handler)


@contextmanager
def aws_calls(clients: Any, services: tuple[str, ...] = ALL_SERVICES) -> Iterator[list[str]]:
    """Every AWS call ``clients`` (a ClientFactory) makes in the block, as
    ``"service:Operation"``, in order (threads included)."""
    calls: list[str] = []
    registered = []
    for service in services:
        client = clients.client(service)
        prefix = client.meta.service_model.endpoint_prefix

        def record(model: Any, _prefix: str = prefix, **_: Any) -> None:
            calls.append(f"{_prefix}:{model.name}")

        client.meta.events.register("before-call", record)
        registered.append((client, record))
    try:
        yield calls
    finally:
        for client, record in registered:
            client.meta.events.unregister("before-call", record)
