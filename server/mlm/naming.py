"""Physical AWS names, derived deterministically from tenant and API names.

Every name the service gives an AWS resource starts with ``mlm-<tenant>-`` (tenants are
lowercase letters and digits only, so one tenant's prefix is never another's) and fits
the 63-character limit of SageMaker names. Names that would be longer keep a readable
head and end in a hash of the whole, so they stay unique and deterministic.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

AWS_NAME_MAX = 63
# API names: lowercase letters, digits and single hyphens; short enough for derived names.
API_NAME_PATTERN = r"^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,31}$"
API_NAME_MAX = 32
VARIANT_NAME_PATTERN = r"^[a-z](?:[a-z0-9]|-(?=[a-z0-9])){0,15}$"
_API_NAME = re.compile(API_NAME_PATTERN)

TAG_TENANT = "mlm:tenant"
TAG_MANAGED_BY = "mlm:managed-by"
TAG_NAME = "mlm:name"
MANAGED_BY = "mlm"
RESERVED_TAG_PREFIXES = ("mlm:", "aws:")


def is_api_name(name: str) -> bool:
    return bool(_API_NAME.match(name))


def tenant_prefix(tenant: str) -> str:
    return f"mlm-{tenant}-"


def physical_name(tenant: str, *parts: str) -> str:
    """``mlm-<tenant>-<part>-<part>…``, hashed down to 63 characters when longer."""
    full = tenant_prefix(tenant) + "-".join(parts)
    if len(full) <= AWS_NAME_MAX:
        return full
    digest = hashlib.sha256(full.encode()).hexdigest()[:10]
    return full[: AWS_NAME_MAX - len(digest) - 1].rstrip("-") + "-" + digest


def api_name(tenant: str, physical: str) -> str | None:
    """The API name behind a top-level physical name, or None if not this tenant's."""
    prefix = tenant_prefix(tenant)
    if not physical.startswith(prefix):
        return None
    rest = physical[len(prefix) :]
    return rest if is_api_name(rest) else None


def split_physical(physical: str) -> tuple[str, str] | None:
    """``(tenant, API name)`` behind a top-level physical name of any tenant, else None."""
    head, _, rest = physical.partition("-")
    tenant, _, name = rest.partition("-")
    if head != "mlm" or not tenant.isalnum() or not is_api_name(name):
        return None
    return tenant, name


def content_hash(payload: str, length: int = 8) -> str:
    """A short deterministic id for a desired state (retries of one change share it)."""
    return hashlib.sha256(payload.encode()).hexdigest()[:length]


def managed_tag_map(
    tenant: str, name: str, user_tags: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The tags every resource the service creates carries, as ``{key: value}``."""
    tags = dict(user_tags or {})
    tags.update({TAG_TENANT: tenant, TAG_MANAGED_BY: MANAGED_BY, TAG_NAME: name})
    return tags


def managed_tags(
    tenant: str, name: str, user_tags: dict[str, str] | None = None
) -> list[dict[str, str]]:
    """The AWS tag list every resource the service creates carries."""
    tags = managed_tag_map(tenant, name, user_tags)
    return [{"Key": key, "Value": value} for key, value in sorted(tags.items())]


def user_tag_map(tags: Mapping[str, str]) -> dict[str, str]:
    """The tags a user set: ``{key: value}`` tags less the service's own (and AWS's)."""
    return {key: value for key, value in tags.items() if not key.startswith(RESERVED_TAG_PREFIXES)}


def user_tags(aws_tags: list[dict[str, str]]) -> dict[str, str]:
    """The tags a user set: AWS tags less the service's own."""
    return user_tag_map({tag["Key"]: tag["Value"] for tag in aws_tags})
