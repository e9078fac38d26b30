"""Free text in AWS tags and customer metadata, which only allow a narrow alphabet.

(A model's fields are kept readable where they fit: see ``encode_readable`` below.)

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
        if count == 0:
            return {}
        encoded = "".join(entries[f"{prefix}:{index}"] for index in range(count))
        doc = json.loads(zlib.decompress(_unb64(encoded)).decode())
    except (KeyError, ValueError, zlib.error, binascii.Error) as exc:
        raise CorruptDocument(f"entries under {prefix!r} do not decode") from exc
    if not isinstance(doc, dict):
        raise CorruptDocument(f"entries under {prefix!r} are not a document")
    return doc


# Readable form (models' tags): what fits an AWS tag as it is gets one plain tag, so that
# someone looking at the group in the SageMaker console reads it; only the rest goes into
# the compressed document above (always written, ``<prefix>:n = 0`` when empty, so that a
# reader never mistakes an older document for the current one).
PLAIN_FIELDS = {
    "description": "mlm:description",
    "task": "mlm:task",
    "owner": "mlm:owner",
    "updated_at": "mlm:updated-at",
    "made_by": "mlm:made-by",
}
META_PREFIX = "mlm:meta:"
TAG_KEY_MAX = 128


def is_plain_key(key: str) -> bool:
    """Whether ``key`` is a tag of the readable form (a field or a metadata entry)."""
    return key.startswith(META_PREFIX) or key in PLAIN_FIELDS.values()


def encode_readable(doc: Mapping[str, Any], room: int, prefix: str = DOC_PREFIX) -> dict[str, str]:
    """Entries for ``doc`` (text fields and a ``metadata`` map): plain tags for what AWS
    takes as it is, the compressed document for the rest. When plain tags would need more
    than ``room`` entries, metadata entries (then fields) move into the document, which
    packs many into one chunk."""
    plain: dict[str, str] = {}
    packed: dict[str, Any] = {}
    for key, value in doc.items():
        tag = PLAIN_FIELDS.get(key)
        if key == "metadata":
            continue
        if tag is not None and isinstance(value, str) and is_safe(value):
            plain[tag] = value
        else:
            packed[key] = value
    packed_meta: dict[str, str] = {}
    for key, value in (doc.get("metadata") or {}).items():
        tag = META_PREFIX + key
        if is_safe(tag, TAG_KEY_MAX) and is_safe(value):
            plain[tag] = value
        else:
            packed_meta[key] = value

    def entries() -> dict[str, str]:
        rest = {**packed, **({"metadata": packed_meta} if packed_meta else {})}
        document = encode_doc(rest, prefix) if rest else {f"{prefix}:n": "0"}
        return {**plain, **document}

    # Popped from the end: metadata entries first, the fields last.
    movable = [t for t in plain if not t.startswith(META_PREFIX)]
    movable += [t for t in plain if t.startswith(META_PREFIX)]
    result = entries()
    while len(result) > room and movable:
        tag = movable.pop()
        value = plain.pop(tag)
        if tag.startswith(META_PREFIX):
            packed_meta[tag.removeprefix(META_PREFIX)] = value
        else:
            packed[next(k for k, t in PLAIN_FIELDS.items() if t == tag)] = value
        result = entries()
    return result


def decode_readable(entries: Mapping[str, str], prefix: str = DOC_PREFIX) -> dict[str, Any]:
    """The document of ``encode_readable`` entries, or of the older all-compressed form."""
    doc = decode_doc(entries, prefix)
    metadata: dict[str, str] = dict(doc.get("metadata") or {})
    for key, tag in PLAIN_FIELDS.items():
        if tag in entries:
            doc[key] = entries[tag]
    for tag, value in entries.items():
        if tag.startswith(META_PREFIX):
            metadata[tag.removeprefix(META_PREFIX)] = value
    if metadata or "metadata" in doc:
        doc["metadata"] = metadata
    return doc
