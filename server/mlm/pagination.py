"""Opaque, tamper-evident page tokens (AIP-158).

A token records where the previous page ended (the last item's sort key) and a
fingerprint of the query (tenant and filters), signed with HMAC. A token altered, made
up, or reused with other filters is ``400 INVALID_PAGE_TOKEN``, never a 500.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from mlm.errors import BadRequest

T = TypeVar("T")

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T]
    next_page_token: str | None


class PageTokens:
    def __init__(self, secret: str) -> None:
        self._key = secret.encode()

    def _fingerprint(self, query: dict[str, object]) -> str:
        canonical = json.dumps(query, sort_keys=True, default=str)
        return hashlib.sha256(canonical.encode()).hexdigest()[:16]

    def _sign(self, body: bytes) -> str:
        return hmac.new(self._key, body, hashlib.sha256).hexdigest()[:32]

    def encode(self, after: str, query: dict[str, object]) -> str:
        body = json.dumps({"a": after, "q": self._fingerprint(query)}, separators=(",", ":"))
        raw = body.encode()
        token = raw + b"." + self._sign(raw).encode()
        return base64.urlsafe_b64encode(token).decode().rstrip("=")

    def decode(self, token: str, query: dict[str, object]) -> str:
        """The sort key the page starts after; 400 when the token is not one of ours."""
        invalid = BadRequest(
            code="INVALID_PAGE_TOKEN",
            detail="page_token is not a token this service issued for this query; "
            "start again without page_token.",
        )
        try:
            padded = token + "=" * (-len(token) % 4)
            raw, _, signature = base64.urlsafe_b64decode(padded.encode()).rpartition(b".")
            if not hmac.compare_digest(self._sign(raw).encode(), signature):
                raise invalid
            body = json.loads(raw)
        except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
            raise invalid from exc
        if not isinstance(body, dict) or body.get("q") != self._fingerprint(query):
            raise invalid
        after = body.get("a")
        if not isinstance(after, str):
            raise invalid
        return after

    def paginate(
        self,
        items: Sequence[T],
        key: Callable[[T], str],
        page_size: int,
        page_token: str | None,
        query: dict[str, object],
    ) -> Page[T]:
        """One page of ``items`` (any order; sorted here by ``key``)."""
        ordered = sorted(items, key=key)
        if page_token:
            after = self.decode(page_token, query)
            ordered = [item for item in ordered if key(item) > after]
        page = ordered[:page_size]
        more = len(ordered) > page_size
        return Page(page, self.encode(key(page[-1]), query) if more and page else None)
