"""A captured invocation as the API shows it (SageMaker's record, in snake_case)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any


@dataclass(frozen=True)
class CapturedData:
    content_type: str
    encoding: str  # CSV | JSON | BASE64, as SageMaker wrote it
    data: str

    def to_api(self) -> dict[str, Any]:
        return {
            "content_type": self.content_type,
            "encoding": self.encoding.lower(),
            "data": self.data,
        }


@dataclass(frozen=True)
class CapturedRecord:
    event_id: str
    variant: str
    inference_time: datetime
    input: CapturedData | None
    output: CapturedData | None
    object_key: str

    def to_api(self) -> dict[str, Any]:
        utc = self.inference_time.astimezone(UTC)
        stamp = utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"
        return {
            "event_id": self.event_id,
            "variant": self.variant,
            "inference_time": stamp,
            "input": None if self.input is None else self.input.to_api(),
            "output": None if self.output is None else self.output.to_api(),
        }


def parse(line: str, variant: str, key: str) -> CapturedRecord | None:
    """One JSON Lines record of SageMaker's format; None when it is not one."""
    try:
        record = json.loads(line)
        meta = record["eventMetadata"]
        captured = record.get("captureData") or {}
        moment = datetime.fromisoformat(str(meta["inferenceTime"]).replace("Z", "+00:00"))
    except (ValueError, KeyError, TypeError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return CapturedRecord(
        event_id=str(meta.get("eventId", "")),
        variant=variant,
        inference_time=moment,
        input=_data(captured.get("endpointInput")),
        output=_data(captured.get("endpointOutput")),
        object_key=key,
    )


def _data(raw: Any) -> CapturedData | None:
    if not isinstance(raw, dict):
        return None
    return CapturedData(
        content_type=str(raw.get("observedContentType", "")),
        encoding=str(raw.get("encoding", "BASE64")),
        data=str(raw.get("data", "")),
    )
