"""WARC files (warcio): each HTML ``response`` record becomes an HTML document.

warcio streams plain and per-record-gzipped WARCs; a truncated file yields the records
read so far and one IngestError that says where it stopped.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import Any

from wirecheck.ingest.decode import DecodeError, decode_bytes
from wirecheck.ingest.html import extract_html
from wirecheck.model import IngestError, RawDocument
from wirecheck.settings.ingest import IngestSettings

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _is_html_record(record: Any) -> bool:
    if record.rec_type not in ("response", "resource"):
        return False
    headers = record.http_headers
    ctype = headers.get_header("Content-Type") if headers is not None else None
    ctype = ctype or record.rec_headers.get_header("Content-Type") or ""
    return any(kind in ctype.lower() for kind in _HTML_TYPES)


def _record_document(
    source: str, record: Any, settings: IngestSettings
) -> RawDocument | IngestError | None:
    """The document of an HTML record (None for other records)."""
    if not _is_html_record(record):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    payload = record.content_stream().read(settings.max_record_bytes + 1)
    if len(payload) > settings.max_record_bytes:
        limit = settings.max_record_bytes // (1024 * 1024)
        return IngestError(source=source, reason=f"record larger than the {limit} MB limit")
    try:
        html = decode_bytes(payload, settings)
    except DecodeError as err:
        return IngestError(source=source, reason=str(err))
    return extract_html(source, html, settings, url=uri, fmt="warc")


def _truncated(record: Any) -> bool:
    """A record whose stream ended before its declared Content-Length (or had no headers)."""
    return record.length is None or getattr(record.raw_stream, "limit", 0) > 0


def read_warc(
    source: str, data: bytes, settings: IngestSettings
) -> Iterator[RawDocument | IngestError]:
    """Documents of the HTML records; a truncated archive ends with one IngestError.

    warcio stops quietly at a cut-off record, so truncation is checked here: a record
    shorter than its Content-Length, or bytes left over after the last whole record.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = kept = end = 0
    cut = False
    iterator = ArchiveIterator(io.BytesIO(data))
    try:
        for record in iterator:
            doc = _record_document(f"{source}#{records + 1}", record, settings)
            iterator.read_to_end(record)
            if _truncated(record):
                cut = True
                break
            records += 1
            end = iterator.get_record_offset() + iterator.get_record_length()
            if doc is not None:
                kept += isinstance(doc, RawDocument)
                yield doc
    except (ArchiveLoadFailed, zlib.error, EOFError, OSError):
        cut = True
    except Exception:  # warcio fails with assorted errors on a header cut mid-way
        cut = True
    if cut or data[end:].strip():
        what = "gzip stream" if data.startswith(b"\x1f\x8b") else "WARC file"
        reason = (
            f"truncated {what} after {_plural(records, 'record')} ({_plural(kept, 'article')} kept)"
        )
        yield IngestError(source=source, reason=reason)
    elif records == 0:
        yield IngestError(source=source, reason="no WARC records found")


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
