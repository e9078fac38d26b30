"""SageMaker runtime: InvokeEndpoint and InvokeEndpointWithResponseStream (one boto3 client).

Bodies and content types pass through as bytes and strings; nothing is parsed. Runtime
errors become domain errors here: a missing or not-serving endpoint → ``NotFound``
(the runtime says "not found" for both; the service tells them apart), a ``ModelError``
→ ``ModelFailed`` (424, with the model's own status and message) or, when SageMaker gave
up waiting for the container, ``InvocationTimeout`` (504), as is a read timeout.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError, ReadTimeoutError

from mlm.aws.errors import RETRY_AFTER_SECONDS, translate
from mlm.errors import (
    BadRequest,
    InvocationTimeout,
    ModelFailed,
    NotFound,
    ServiceUnavailable,
)

if TYPE_CHECKING:
    from mypy_boto3_sagemaker_runtime import SageMakerRuntimeClient

# SageMaker's limit on a real-time request payload.
MAX_PAYLOAD_BYTES = 6 * 1024 * 1024


@dataclass(frozen=True)
class Invocation:
    endpoint: str  # the physical endpoint name
    body: bytes
    content_type: str | None = None
    accept: str | None = None
    target_variant: str | None = None


@dataclass(frozen=True)
class Answer:
    body: bytes
    content_type: str | None
    variant: str | None


@dataclass(frozen=True)
class StreamFailure:
    """The model (or SageMaker) failed after the stream started."""

    code: str
    message: str


@dataclass(frozen=True)
class StreamedAnswer:
    content_type: str | None
    variant: str | None
    parts: Iterator[bytes | StreamFailure]


@contextmanager
def runtime_errors(endpoint: str) -> Iterator[None]:
    """The runtime's own errors mapped here; everything else as every adapter maps it."""
    try:
        yield
    except ClientError as error:
        err = error.response.get("Error", {})
        code, message = str(err.get("Code", "")), str(err.get("Message", ""))
        if code == "ModelError":
            raise _model_error(endpoint, error) from error
        if code in {"ValidationError", "ValidationException"}:
            if "not found" in message.lower():
                raise NotFound(
                    code="ENDPOINT_NOT_FOUND", detail=f"Endpoint '{endpoint}' is not serving."
                ) from error
            raise BadRequest(code="INVALID_INVOCATION", detail=translate(error).detail) from error
        if code == "ModelNotReadyException":
            raise ServiceUnavailable(
                code="MODEL_NOT_READY",
                detail="The model is not ready or the endpoint is scaling; try again shortly.",
                headers={"Retry-After": RETRY_AFTER_SECONDS},
            ) from error
        raise translate(error) from error
    except ReadTimeoutError as error:
        raise _timeout(endpoint) from error
    except BotoCoreError as error:
        raise translate(error) from error


def _model_error(endpoint: str, error: ClientError) -> ModelFailed | InvocationTimeout:
    response: dict[str, Any] = dict(error.response)
    message = str(response.get("Error", {}).get("Message", ""))
    if "timed out" in message.lower():
        return _timeout(endpoint)
    status = response.get("OriginalStatusCode")
    original = response.get("OriginalMessage")
    return ModelFailed(
        code="MODEL_ERROR",
        detail=f"The model behind endpoint '{endpoint}' answered with an error"
        + (f" ({status})" if status is not None else "")
        + (f": {original}" if original else "."),
        extensions={
            "original_status_code": None if status is None else int(status),
            "original_message": None if original is None else str(original),
        },
    )


def _timeout(endpoint: str) -> InvocationTimeout:
    return InvocationTimeout(
        code="INVOCATION_TIMEOUT",
        detail=f"The model behind endpoint '{endpoint}' did not answer in time.",
    )


class SageMakerRuntime:
    def __init__(self, client: SageMakerRuntimeClient) -> None:
        self._rt = client

    def _args(self, call: Invocation, accept_key: str = "Accept") -> dict[str, Any]:
        args: dict[str, Any] = {"EndpointName": call.endpoint, "Body": call.body}
        if call.content_type:
            args["ContentType"] = call.content_type
        if call.accept:
            args[accept_key] = call.accept
        if call.target_variant:
            args["TargetVariant"] = call.target_variant
        return args

    def invoke(self, call: Invocation) -> Answer:
        with runtime_errors(call.endpoint):
            out = self._rt.invoke_endpoint(**self._args(call))
            body = out["Body"].read()
        return Answer(
            body=body,
            content_type=out.get("ContentType"),
            variant=out.get("InvokedProductionVariant"),
        )

    def invoke_stream(self, call: Invocation) -> StreamedAnswer:
        with runtime_errors(call.endpoint):
            out = self._rt.invoke_endpoint_with_response_stream(**self._args(call))
        return StreamedAnswer(
            content_type=out.get("ContentType"),
            variant=out.get("InvokedProductionVariant"),
            parts=_parts(out["Body"]),
        )


def _parts(stream: Any) -> Iterator[bytes | StreamFailure]:
    """Each PayloadPart as it arrives; a failure mid-stream ends it with a StreamFailure."""
    try:
        for event in stream:
            part = event.get("PayloadPart")
            if part is not None:
                yield part.get("Bytes", b"")
    except ClientError as error:  # botocore's EventStreamError for an exception event
        err = error.response.get("Error", {})
        yield StreamFailure(
            code=str(err.get("Code") or "MODEL_STREAM_ERROR"),
            message=str(err.get("Message", "")),
        )
    except ReadTimeoutError:
        yield StreamFailure(code="INVOCATION_TIMEOUT", message="The model stopped answering.")
    finally:
        stream.close()
