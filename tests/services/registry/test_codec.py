import re

import pytest

from mlm.services.registry import codec

SAFE = re.compile(r"^[A-Za-z0-9 _.:/=+\-@]*$")


def test_a_document_round_trips() -> None:
    doc = {"description": "模型 «chat»\nline 2", "metadata": {"a": "100% ✓"}}
    assert codec.decode_doc(codec.encode_doc(doc)) == doc


def test_entries_fit_aws_tag_values() -> None:
    doc = {"description": "".join(chr(0x4E00 + i * 37 % 20000) for i in range(1024))}
    entries = codec.encode_doc(doc)
    assert len(entries) > 2
    assert all(len(value) <= 256 and SAFE.match(value) for value in entries.values())
    assert all(len(key) <= 128 and SAFE.match(key) for key in entries)


def test_chunks_beyond_the_count_are_ignored() -> None:
    entries = codec.encode_doc({"description": "short"})
    entries["mlm:doc:5"] = "leftover"
    assert codec.decode_doc(entries) == {"description": "short"}


def test_no_entries_is_an_empty_document() -> None:
    assert codec.decode_doc({"team": "x"}) == {}


def test_damaged_entries_raise_corrupt_document() -> None:
    entries = codec.encode_doc({"description": "x"})
    entries["mlm:doc:0"] = "!!!"
    with pytest.raises(codec.CorruptDocument):
        codec.decode_doc(entries)


def test_safe_values_are_stored_as_they_are() -> None:
    assert codec.encode_value("t0/admin") == "t0/admin"


def test_other_values_are_encoded_and_round_trip() -> None:
    for text in ["Zoë <zoe@example.com>", "b64:looks-encoded", ""]:
        stored = codec.encode_value(text)
        assert SAFE.match(stored)
        assert codec.decode_value(stored) == text


# readable form ------------------------------------------------------------------------------


def test_fields_and_metadata_that_fit_a_tag_are_plain_tags() -> None:
    doc = {"task": "text-generation", "owner": "ml@example.com", "metadata": {"license": "mit"}}
    entries = codec.encode_readable(doc, room=40)
    assert entries == {
        "mlm:task": "text-generation",
        "mlm:owner": "ml@example.com",
        "mlm:meta:license": "mit",
        "mlm:doc:n": "0",
    }
    assert codec.decode_readable(entries) == doc


def test_text_a_tag_cannot_hold_goes_into_the_compressed_document() -> None:
    doc = {"description": "support & sales", "metadata": {"license": "mit", "note": "100% ✓"}}
    entries = codec.encode_readable(doc, room=40)
    assert entries["mlm:meta:license"] == "mit"
    assert "mlm:description" not in entries
    assert "mlm:meta:note" not in entries
    assert codec.decode_readable(entries) == doc


def test_metadata_moves_into_the_document_when_plain_tags_do_not_fit() -> None:
    doc = {"task": "t", "metadata": {f"k{i}": f"v{i}" for i in range(20)}}
    entries = codec.encode_readable(doc, room=10)
    assert len(entries) <= 10
    assert entries["mlm:task"] == "t"
    assert codec.decode_readable(entries) == doc


def test_the_older_all_compressed_form_still_reads() -> None:
    doc = {"task": "t", "metadata": {"license": "mit"}, "updated_at": "2026-11-22T01:02:03Z"}
    assert codec.decode_readable(codec.encode_doc(doc)) == doc
