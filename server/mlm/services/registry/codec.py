"""Free text in AWS tags and customer metadata, which only allow a narrow alphabet.

SageMaker has no UpdateModelPackageGroup, so a model's mutable fields live in the group's
tags; a version's extra fields live in its CustomerMetadataProperties. Both allow only
letters, digits, spaces and ``_.:/=+-@`` (values ≤256 characters). So the fields are kept
as one small JSON document, compressed, base64url-encoded (no padding) and split over
numbered entries ``<prefix>:0``, ``<prefix>:1``… with the chunk count in ``<prefix>:n``.
The count makes a rewrite safe: readers ignore chunks beyond it, so leftovers of a longer
older document never corrupt a newer one and are removed on the next write.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import zlib
from collections.abc import Mapping
from typing import Any

CHUNK = 256
DOC_PREFIX = "mlm:doc"
# What AWS accepts in tag and customer-metadata values, restricted to ASCII so that what
# we check here is exactly what every AWS region accepts.
_SAFE = re.compile(r"^[A-Za-z0-9 _.:/=+\-@]*$")
_ENCODED = "b64:"


class CorruptDocument(ValueError):
    """Stored entries that do not decode (written by something other than this codec)."""


def is_safe(text: str, max_length: int = CHUNK) -> bool:
    """Whether ``text`` can be stored as an AWS tag or metadata value as it is."""
    return len(text) <= max_length and bool(_SAFE.match(text))


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def encode_value(text: str) -> str:
    """One short value: as it is when AWS allows it, else ``b64:`` + base64url."""
    if text and is_safe(text) and not text.startswith(_ENCODED):
        return text
    return _ENCODED + _b64(text.encode())


def decode_value(stored: str) -> str:
    if not stored.startswith(_ENCODED):
        return stored
    try:
        return _unb64(stored[len(_ENCODED) :]).decode()
    except (binascii.Error, ValueError) as exc:
        raise CorruptDocument(f"unreadable encoded value {stored[:20]!r}") from exc


def encode_doc(doc: Mapping[str, Any], prefix: str = DOC_PREFIX) -> dict[str, str]:
    """Entries holding ``doc`` (JSON-serialisable): ``<prefix>:n`` and the chunks."""
    payload = json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    encoded = _b64(zlib.compress(payload.encode(), 9))
    chunks = [encoded[i : i + CHUNK] for i in range(0, len(encoded), CHUNK)]
    entries = {f"{prefix}:{index}": chunk for index, chunk in enumerate(chunks)}
    entries[f"{prefix}:n"] = str(len(chunks))
    return entries


def decode_doc(entries: Mapping[str, str], prefix: str = DOC_PREFIX) -> dict[str, Any]:
    """The document stored in ``entries``; empty when there is none."""
    count_text = entries.get(f"{prefix}:n")
    if count_text is None:
        return {}
    try:
        count = int(count_text)
        encoded = "".join(entries[f"{prefix}:{index}"] for index in range(count))
        doc = json.loads(zlib.decompress(_unb64(encoded)).decode())
    except (KeyError, ValueError, zlib.error, binascii.Error) as exc:
        raise CorruptDocument(f"entries under {prefix!r} do not decode") from exc
    if not isinstance(doc, dict):
        raise CorruptDocument(f"entries under {prefix!r} are not a document")
    return doc
