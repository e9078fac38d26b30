"""The one place boto3 clients are made (standard retries; emulator or real AWS)."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

import boto3
from botocore.config import Config

from mlm import request_log
from mlm.settings import Settings

if TYPE_CHECKING:
    from mypy_boto3_cloudwatch import CloudWatchClient
    from mypy_boto3_dynamodb import DynamoDBClient
    from mypy_boto3_events import EventBridgeClient
    from mypy_boto3_iam import IAMClient
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sagemaker import SageMakerClient
    from mypy_boto3_sagemaker_runtime import SageMakerRuntimeClient
    from mypy_boto3_sqs import SQSClient
    from mypy_boto3_sts import STSClient

# Credentials the emulator accepts; never used against real AWS.
EMULATOR_CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


class ClientFactory:
    """Builds boto3 clients lazily and caches one per service (clients are thread-safe)."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        credentials = EMULATOR_CREDENTIALS if settings.mode == "emulator" else {}
        self._session = boto3.session.Session(
            region_name=settings.region,
            aws_access_key_id=credentials.get("aws_access_key_id"),
            aws_secret_access_key=credentials.get("aws_secret_access_key"),
        )
        self._config = Config(
            retries={"mode": "standard", "max_attempts": settings.aws_max_attempts},
            connect_timeout=settings.aws_connect_timeout_seconds,
            read_timeout=settings.aws_read_timeout_seconds,
            max_pool_connections=32,
        )
        # InvokeEndpoint is not idempotent: a retried invocation would run the model twice,
        # and a retried read timeout would keep a client waiting minutes for its 504. One
        # attempt, and a read timeout just past SageMaker's 60 s model timeout.
        self._runtime_config = self._config.merge(
            Config(retries={"mode": "standard", "total_max_attempts": 1}, read_timeout=70)
        )
        self._clients: dict[str, Any] = {}
        self._lock = threading.Lock()

    def client(self, service: str) -> Any:
        with self._lock:
            if service in self._clients:
                return self._clients[service]
            client = self._session.client(
                service,  # type: ignore[call-overload]
                config=self._runtime_config if service == "sagemaker-runtime" else self._config,
                endpoint_url=self._settings.aws_endpoint_url,
            )
            client.meta.events.register("after-call", request_log.record_aws_call)
            self._clients[service] = client
            return client

    def client_without_retries(self, service: str) -> Any:
        """A client that sends each call once: for writes AWS cannot deduplicate, whose
        caller retries after checking whether the first attempt went through."""
        key = f"{service}#once"
        with self._lock:
            if key not in self._clients:
                client = self._session.client(
                    service,  # type: ignore[call-overload]
                    config=self._config.merge(
                        Config(retries={"mode": "standard", "total_max_attempts": 1})
                    ),
                    endpoint_url=self._settings.aws_endpoint_url,
                )
                client.meta.events.register("after-call", request_log.record_aws_call)
                self._clients[key] = client
            return self._clients[key]

    def sagemaker(self) -> SageMakerClient:
        client: SageMakerClient = self.client("sagemaker")
        return client

    def sagemaker_runtime(self) -> SageMakerRuntimeClient:
        client: SageMakerRuntimeClient = self.client("sagemaker-runtime")
        return client

    def s3(self) -> S3Client:
        client: S3Client = self.client("s3")
        return client

    def dynamodb(self) -> DynamoDBClient:
        client: DynamoDBClient = self.client("dynamodb")
        return client

    def cloudwatch(self) -> CloudWatchClient:
        client: CloudWatchClient = self.client("cloudwatch")
        return client

    def sqs(self) -> SQSClient:
        client: SQSClient = self.client("sqs")
        return client

    def events(self) -> EventBridgeClient:
        client: EventBridgeClient = self.client("events")
        return client

    def iam(self) -> IAMClient:
        client: IAMClient = self.client("iam")
        return client

    def sts(self) -> STSClient:
        client: STSClient = self.client("sts")
        return client
