"""AWS event-stream frames (``application/vnd.amazon.eventstream``), as botocore decodes them.

A frame is: a 12-byte prelude (total length, headers length, CRC32 of those 8 bytes),
the headers, the payload and a CRC32 of everything before it. Header values here are
only strings (type 7), which is all InvokeEndpointWithResponseStream's events use.
"""

from __future__ import annotations

import json
import struct
import zlib

CONTENT_TYPE = "application/vnd.amazon.eventstream"
_STRING = 7


def _headers(headers: dict[str, str]) -> bytes:
    out = bytearray()
    for name, value in headers.items():
        raw_name, raw_value = name.encode(), value.encode()
        out += struct.pack("!B", len(raw_name)) + raw_name
        out += struct.pack("!BH", _STRING, len(raw_value)) + raw_value
    return bytes(out)


def frame(headers: dict[str, str], payload: bytes) -> bytes:
    encoded = _headers(headers)
    total = 12 + len(encoded) + len(payload) + 4
    prelude = struct.pack("!II", total, len(encoded))
    prelude += struct.pack("!I", zlib.crc32(prelude))
    message = prelude + encoded + payload
    return message + struct.pack("!I", zlib.crc32(message))


def payload_part(data: bytes) -> bytes:
    """One ``PayloadPart`` event: a piece of the model's answer."""
    return frame(
        {
            ":message-type": "event",
            ":event-type": "PayloadPart",
            ":content-type": "application/octet-stream",
        },
        data,
    )


def model_stream_error(message: str, error_code: str) -> bytes:
    """A ``ModelStreamError`` exception event: the model failed after the stream started."""
    body = json.dumps({"Message": message, "ErrorCode": error_code}).encode()
    return frame(
        {
            ":message-type": "exception",
            ":exception-type": "ModelStreamError",
            ":content-type": "application/json",
        },
        body,
    )
