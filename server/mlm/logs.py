"""Structured logs: JSON lines in AWS, readable lines locally. Never a key or secret."""

from __future__ import annotations

import json
import logging
import sys
from typing import Any

_EXTRA = ("request_id", "tenant", "operation_id", "status", "latency_ms", "aws_request_ids")


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        out.update({key: getattr(record, key) for key in _EXTRA if hasattr(record, key)})
        if record.exc_info:
            out["exception"] = self.formatException(record.exc_info)
        return json.dumps(out, default=str)


class TextFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        extras = " ".join(
            f"{key}={getattr(record, key)}"
            for key in _EXTRA
            if getattr(record, key, None) not in (None, [], "")
        )
        return f"{line} {extras}".rstrip()


def configure_logging(fmt: str, level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        JsonFormatter()
        if fmt == "json"
        else TextFormatter("%(asctime)s %(levelname)s %(name)s %(message)s")
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # botocore logs request bodies at DEBUG; keep it quiet whatever the level.
    for noisy in ("botocore", "boto3", "urllib3", "werkzeug"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
