"""Physical names of what an endpoint is made of.

API names never contain "--", so "--" separates the endpoint's own physical name from
derived parts: ``mlm-<tenant>-<endpoint>--c-<hash>`` (endpoint config) and
``mlm-<tenant>-<endpoint>--m-<hash>-<index>`` (SageMaker model of variant ``index``).
``<hash>`` is ``naming.content_hash`` of the desired variant set and of the request's
nonce (``request_nonce``): two requests never share a part, so a failed one can remove
what it made without touching another's, and a retry with the same Idempotency-Key
derives the same names and finishes what its first attempt made. With a tenant of at
most 12 characters, an API name of at most 32 and at most 10 variants, every name fits
SageMaker's 63 characters.
"""

from __future__ import annotations

import json
import secrets

from mlm import naming

TAG_ENDPOINT = "mlm:endpoint"


def endpoint_name(tenant: str, endpoint: str) -> str:
    return naming.physical_name(tenant, endpoint)


def parts_prefix(tenant: str, endpoint: str) -> str:
    """What every config and model of this endpoint (and no other) starts with."""
    return endpoint_name(tenant, endpoint) + "--"


def config_name(tenant: str, endpoint: str, digest: str) -> str:
    return f"{parts_prefix(tenant, endpoint)}c-{digest}"


def model_name(tenant: str, endpoint: str, digest: str, index: int) -> str:
    return f"{parts_prefix(tenant, endpoint)}m-{digest}-{index}"


def request_nonce(tenant: str, request_key: str | None) -> str:
    """What makes a change's part names its own: derived from its Idempotency-Key (a
    retry with the key finds the parts of the first attempt), else random."""
    if request_key is None:
        return secrets.token_hex(8)
    return naming.content_hash(f"{tenant}\n{request_key}", 16)


def desired_digest(desired: object) -> str:
    """A short hash of a JSON-able description of the desired variant set."""
    return naming.content_hash(json.dumps(desired, sort_keys=True, separators=(",", ":")))


def tags(tenant: str, endpoint: str, user_tags: dict[str, str] | None) -> dict[str, str]:
    """Tags of the endpoint and of every config and model made for it."""
    return naming.managed_tag_map(tenant, endpoint, user_tags) | {TAG_ENDPOINT: endpoint}
