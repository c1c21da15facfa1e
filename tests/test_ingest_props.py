"""Property tests for the byte-level parts of ingest: decoding, sniffing and JSON Lines."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from wirecheck.ingest import read_bytes
from wirecheck.ingest.decode import DecodeError, decode_bytes, normalize_text
from wirecheck.model import IngestError, RawDocument
from wirecheck.settings.ingest import IngestSettings

SETTINGS = IngestSettings()
PROPS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Printable text plus the whitespace that matters (newlines, CR, tabs); no other controls.
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=["Cc", "Cs"]) | st.sampled_from("\n\r\t "),
    min_size=1,
    max_size=300,
).filter(lambda t: bool(t.strip()))
NAMES = st.sampled_from(["a.txt", "a.html", "a.jsonl", "a.xml", "a.warc", "a.gz", "noext", ""])


@PROPS
@given(data=st.binary(max_size=2048), name=NAMES)
def test_any_bytes_give_documents_or_errors_never_exceptions(data: bytes, name: str) -> None:
    items = list(read_bytes("x", data, SETTINGS, name))
    assert all(isinstance(i, RawDocument | IngestError) for i in items)
    for item in items:
        if isinstance(item, RawDocument):
            assert "\x00" not in item.text and "\r" not in item.text
        else:
            assert item.reason and "\n" not in item.line()


@PROPS
@given(text=TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
@example(text="\ufffd", encoding="utf-8")  # a replacement character in the text is text
def test_unicode_encodings_round_trip(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), SETTINGS) == normalize_text(text)


@PROPS
@given(data=st.binary(max_size=512))
def test_decode_fails_only_with_a_reason(data: bytes) -> None:
    try:
        text = decode_bytes(data, SETTINGS)
    except DecodeError as err:
        assert str(err)
    else:
        assert text.strip() and "\r" not in text


@PROPS
@given(rows=st.lists(st.fixed_dictionaries({"title": TEXT, "text": TEXT}), min_size=1, max_size=8))
def test_jsonl_keeps_every_good_record_in_order(rows: list[dict[str, str]]) -> None:
    data = "\n".join(json.dumps(r) for r in rows).encode("utf-8")
    docs = [d for d in read_bytes("f.jsonl", data, SETTINGS, "f.jsonl")]
    assert all(isinstance(d, RawDocument) for d in docs)
    assert not any("\r" in d.text or "\x00" in d.text for d in docs if isinstance(d, RawDocument))
    assert [(d.title, d.text) for d in docs if isinstance(d, RawDocument)] == [
        (normalize_text(r["title"]).strip(), normalize_text(r["text"]).strip()) for r in rows
    ]
