"""How the SDK reads a streamed invocation's server-sent events (mlm_client/_invocations.py),
as server/mlm/handlers/invocations.py writes them."""

from __future__ import annotations

import pytest
from mlm_client import InvocationChunk, InvocationStreamError
from mlm_client._invocations import EventDecoder


def feed(decoder: EventDecoder, text: str) -> list[InvocationChunk]:
    return [chunk for line in text.split("\n") if (chunk := decoder.feed(line)) is not None]


def test_a_chunk_event_joins_its_data_lines_with_newlines() -> None:
    assert feed(EventDecoder(), "event: chunk\ndata: one\ndata: two\n\n") == [
        InvocationChunk(b"one\ntwo")
    ]


def test_a_binary_event_is_decoded_from_base64() -> None:
    assert feed(EventDecoder(), "event: binary\ndata: AAH/\n\n") == [
        InvocationChunk(b"\x00\x01\xff")
    ]


def test_the_end_event_ends_the_stream_without_a_chunk() -> None:
    decoder = EventDecoder()
    assert feed(decoder, "event: end\ndata: {}\n\n") == []
    assert decoder.ended


def test_an_error_event_raises_with_the_code_and_message() -> None:
    with pytest.raises(InvocationStreamError) as raised:
        feed(EventDecoder(), 'event: error\ndata: {"code": "MODEL_ERROR", "message": "boom"}\n\n')
    assert (raised.value.code, raised.value.message) == ("MODEL_ERROR", "boom")
