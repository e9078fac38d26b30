"""Input checks and output shapes shared by the model and model-version services.

The spec validates requests first; these checks repeat what matters so that a service
called directly (or a spec that drifts) still answers 400, never a 500 or an AWS error.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime

from mlm import naming
from mlm.errors import BadRequest, FieldError, NotFound
from mlm.services.registry import codec
from mlm.timestamps import rfc3339

MAX_MAP_ENTRIES = 20
MAX_TEXT = 1024
MAX_MAP_VALUE = 256
# AWS tag keys (at most 128) and values (at most 256) use a narrow alphabet (registry_codec).
MAX_TAG_KEY = 128
MAX_TAG_VALUE = 256


def now() -> str:
    return rfc3339(datetime.now(UTC))


def invalid(field: str, message: str, code: str = "INVALID_FIELD") -> BadRequest:
    return BadRequest(code=code, detail=f"{field}: {message}", errors=[FieldError(field, message)])


def check_name(name: object, field: str = "name") -> str:
    if not isinstance(name, str) or not naming.is_api_name(name):
        raise invalid(
            field,
            f"must be 1 to {naming.API_NAME_MAX} lowercase letters, digits and single hyphens, "
            "starting with a letter",
            code="INVALID_NAME",
        )
    return name


def model_not_found(name: str) -> NotFound:
    return NotFound(code="MODEL_NOT_FOUND", detail=f"There is no model named '{name}'.")


def optional_text(
    value: object, field: str, max_length: int = MAX_TEXT, pattern: str | None = None
) -> str | None:
    """``value`` when it is text of at most ``max_length`` (matching ``pattern``), or None."""
    if value is None:
        return None
    if not isinstance(value, str) or len(value) > max_length:
        raise invalid(field, f"must be text of at most {max_length} characters")
    if pattern is not None and not re.match(pattern, value):
        raise invalid(field, f"must match {pattern}")
    return value


def string_map(
    value: object,
    field: str,
    max_entries: int = MAX_MAP_ENTRIES,
    max_key: int = 128,
    max_value: int = MAX_MAP_VALUE,
) -> dict[str, str]:
    """A ``{text: text}`` object of at most ``max_entries`` entries (None is empty)."""
    if value is None:
        return {}
    if not isinstance(value, Mapping) or len(value) > max_entries:
        raise invalid(field, f"must be an object of at most {max_entries} text entries")
    out: dict[str, str] = {}
    for key, item in value.items():
        if not isinstance(key, str) or not key or len(key) > max_key:
            raise invalid(field, f"keys must be 1 to {max_key} characters")
        if not isinstance(item, str) or len(item) > max_value:
            raise invalid(f"{field}.{key}", f"must be text of at most {max_value} characters")
        out[key] = item
    return out


def user_tags(value: object, field: str = "tags") -> dict[str, str]:
    """User tags, stored as plain AWS tags: AWS's alphabet, no reserved prefixes."""
    tags = string_map(value, field)
    for key, item in tags.items():
        if key.startswith(naming.RESERVED_TAG_PREFIXES):
            raise invalid(
                f"{field}.{key}",
                "keys starting with 'mlm:' or 'aws:' are reserved for the service and AWS",
                code="RESERVED_TAG",
            )
        if not codec.is_safe(key, MAX_TAG_KEY) or not codec.is_safe(item, MAX_TAG_VALUE):
            raise invalid(
                f"{field}.{key}",
                "AWS tags allow only letters, digits, spaces and _ . : / = + - @ "
                f"(keys at most {MAX_TAG_KEY}, values at most {MAX_TAG_VALUE} characters); "
                "put free text in metadata instead",
                code="INVALID_TAG",
            )
    return tags
