"""What a client sends to an endpoint's model, and the check made before it is sent."""

from __future__ import annotations

from dataclasses import dataclass

from mlm.aws.sagemaker_runtime import MAX_PAYLOAD_BYTES
from mlm.errors import PayloadTooLarge


@dataclass(frozen=True)
class InvocationRequest:
    body: bytes
    content_type: str | None = None
    accept: str | None = None
    target_variant: str | None = None


def check_body_size(request: InvocationRequest) -> None:
    """A body SageMaker would refuse is refused here, saying why."""
    if len(request.body) > MAX_PAYLOAD_BYTES:
        raise PayloadTooLarge(
            code="PAYLOAD_TOO_LARGE",
            detail=f"The body is {len(request.body)} bytes; SageMaker accepts at most "
            f"{MAX_PAYLOAD_BYTES} bytes (6 MB) per invocation.",
        )
