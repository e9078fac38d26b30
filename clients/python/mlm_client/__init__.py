"""Python SDK for the MLM REST API: `MLM` (sync) and `AsyncMLM` (asyncio).

`mlm_client._generated` is generated from spec/openapi.yaml by scripts/generate.sh and
never edited; this layer beside it survives regeneration. Of the layer, sync_client.py is
generated too, from async_client.py (unasync): the async client is the one to edit.
"""

from ._common import Tagged
from ._invocations import Invocation, InvocationChunk
from ._retry import RetryPolicy
from .async_client import AsyncMLM
from .errors import (
    BadRequest,
    Conflict,
    FieldError,
    Forbidden,
    InvocationStreamError,
    MLMError,
    ModelFailed,
    NotFound,
    PreconditionFailed,
    ResourceFailed,
    ServiceUnavailable,
    TooManyRequests,
    Unauthorized,
    ValidationFailed,
    WaiterError,
    WaiterTimeout,
)
from .sync_client import MLM

__all__ = [
    "MLM",
    "AsyncMLM",
    "BadRequest",
    "Conflict",
    "FieldError",
    "Forbidden",
    "Invocation",
    "InvocationChunk",
    "InvocationStreamError",
    "MLMError",
    "ModelFailed",
    "NotFound",
    "PreconditionFailed",
    "ResourceFailed",
    "RetryPolicy",
    "ServiceUnavailable",
    "Tagged",
    "TooManyRequests",
    "Unauthorized",
    "ValidationFailed",
    "WaiterError",
    "WaiterTimeout",
]
