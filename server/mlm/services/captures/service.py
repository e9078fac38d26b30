"""An endpoint's captured invocations over a time range, read where SageMaker wrote them.

The location is the tenant's own (``data_capture.destination``) followed by the physical
endpoint name, which carries the tenant too: a caller can only ever read its own tenant's
captures, and another tenant's endpoint is a 404 before S3 is touched. SageMaker files
records by the UTC hour of the inference (``<variant>/yyyy/mm/dd/hh/``), so a read lists
only the hour folders the range covers (at most ``MAX_RANGE``), orders objects by time
(their names start with minute-second-millisecond), and keeps the records whose
``inferenceTime`` is in the range. A page token pins the range and says where the last
page stopped (object key and record index), signed like every other token.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from mlm.aws.capture_objects import CaptureObjects
from mlm.errors import BadRequest
from mlm.pagination import Page, PageTokens
from mlm.services.captures.views import CapturedRecord, parse
from mlm.services.endpoints import data_capture, names
from mlm.services.endpoints.views import Endpoint

DEFAULT_RANGE = timedelta(hours=1)
MAX_RANGE = timedelta(hours=24)


class EndpointReads(Protocol):
    def get(self, tenant: str, name: str) -> Endpoint: ...


@dataclass(frozen=True)
class CapturesRequest:
    start: datetime | None = None
    end: datetime | None = None
    variant: str | None = None
    page_size: int = 50
    page_token: str | None = None


def _utc_now() -> datetime:
    return datetime.now(UTC)


class CaptureService:
    def __init__(
        self,
        objects: CaptureObjects,
        endpoints: EndpointReads,
        page_tokens: PageTokens,
        base_uri: str | None,
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        self._objects = objects
        self._endpoints = endpoints
        self._tokens = page_tokens
        self._base = base_uri
        self._now = now

    def list_captures(
        self, tenant: str, endpoint: str, request: CapturesRequest
    ) -> Page[CapturedRecord]:
        self._endpoints.get(tenant, endpoint)  # 404 unless the caller's tenant owns it
        location = data_capture.destination(self._base, tenant)
        bucket, _, root = location.removeprefix("s3://").partition("/")
        prefix = f"{root.strip('/')}/{names.endpoint_name(tenant, endpoint)}/".lstrip("/")
        query: dict[str, object] = {
            "tenant": tenant,
            "endpoint": endpoint,
            "variant": request.variant,
        }
        if request.page_token is not None:
            start, end, after_key, after_index = self._decode(request.page_token, query)
        else:
            start, end = self._range(request)
            after_key, after_index = "", -1
        variants = (
            [request.variant]
            if request.variant is not None
            else self._objects.subfolders(bucket, prefix)
        )
        keys = sorted(
            (
                (key[len(prefix) + len(variant) + 1 :], variant, key)
                for variant in variants
                for hour in _hours(start, end)
                for key in self._objects.keys(bucket, f"{prefix}{variant}/{hour}/")
            ),
        )
        items: list[CapturedRecord] = []
        resume = (after_key, after_index)
        for order, variant, key in keys:
            if after_key and (order, key) < _order_of(after_key, prefix, variants):
                continue
            text = self._objects.read_text(bucket, key)
            lines = (text or "").splitlines()
            for index, line in enumerate(lines):
                if key == after_key and index <= after_index:
                    continue
                record = parse(line, variant, key)
                if record is None or not start <= record.inference_time < end:
                    continue
                if len(items) == request.page_size:
                    token = self._encode(start, end, resume, query)
                    return Page(items, token)
                items.append(record)
                resume = (key, index)
        return Page(items, None)

    def _range(self, request: CapturesRequest) -> tuple[datetime, datetime]:
        now = self._now()
        end = request.end or now
        start = request.start or end - DEFAULT_RANGE
        if start >= end:
            raise BadRequest(
                code="INVALID_TIME_RANGE", detail="start_time must be before end_time."
            )
        if end - start > MAX_RANGE:
            raise BadRequest(
                code="TIME_RANGE_TOO_WIDE",
                detail=f"Captures are read at most {MAX_RANGE.days * 24} hours at a time; "
                "ask for a shorter range.",
            )
        return start, end

    def _encode(
        self,
        start: datetime,
        end: datetime,
        resume: tuple[str, int],
        query: dict[str, object],
    ) -> str:
        after = json.dumps(
            {"s": start.isoformat(), "e": end.isoformat(), "k": resume[0], "i": resume[1]}
        )
        return self._tokens.encode(after, query)

    def _decode(self, token: str, query: dict[str, object]) -> tuple[datetime, datetime, str, int]:
        body = json.loads(self._tokens.decode(token, query))
        return (
            datetime.fromisoformat(body["s"]),
            datetime.fromisoformat(body["e"]),
            str(body["k"]),
            int(body["i"]),
        )


def _order_of(key: str, prefix: str, variants: list[str]) -> tuple[str, str]:
    for variant in variants:
        head = f"{prefix}{variant}/"
        if key.startswith(head):
            return key[len(head) :], key
    return "", key


def _hours(start: datetime, end: datetime) -> list[str]:
    """The ``yyyy/mm/dd/hh`` folders of every UTC hour that [start, end) touches."""
    hour = start.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    found = []
    while hour < end:
        found.append(hour.strftime("%Y/%m/%d/%H"))
        hour += timedelta(hours=1)
    return found
