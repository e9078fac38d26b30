"""ClientFactory: which clients botocore may repeat calls of."""

from __future__ import annotations

from mlm.aws.clients import ClientFactory
from mlm.settings import Settings


def factory() -> ClientFactory:
    return ClientFactory(Settings(aws_endpoint_url="http://127.0.0.1:9"))


def test_invocations_are_sent_once() -> None:
    """A repeated InvokeEndpoint would run the model twice."""
    assert factory().sagemaker_runtime().meta.config.retries["total_max_attempts"] == 1


def test_a_client_without_retries_sends_each_call_once() -> None:
    client = factory().client_without_retries("batch")
    assert client.meta.config.retries["total_max_attempts"] == 1


def test_other_clients_retry_with_the_configured_attempts() -> None:
    clients = ClientFactory(Settings(aws_endpoint_url="http://127.0.0.1:9", aws_max_attempts=3))
    assert clients.sagemaker().meta.config.retries["total_max_attempts"] == 4
