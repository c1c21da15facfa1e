"""JSON Lines (and JSON arrays) of articles; field names come from the settings."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from typing import Any

from wirecheck.ingest.decode import normalize_text
from wirecheck.ingest.html import extract_html
from wirecheck.model import IngestError, RawDocument
from wirecheck.settings.ingest import IngestSettings

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _first(record: dict[str, Any], keys: Sequence[str]) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, str):
            value = normalize_text(value).strip()  # JSON escapes can carry CR/NUL
            if value:
                return value
        if isinstance(value, dict):  # e.g. {"source": {"name": "..."}}
            name = value.get("name") or value.get("title")
            if isinstance(name, str) and name.strip():
                return name.strip()
    return None


def iso_day(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from an ISO 8601 or RFC 2822 date/time string; None if it is neither."""
    if not value:
        return None
    match = _ISO_DAY.match(value)
    if match:
        return match.group(0)
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def record_to_document(
    source: str, record: dict[str, Any], settings: IngestSettings
) -> RawDocument | IngestError:
    """One JSON object to a RawDocument (HTML fields go through the HTML reader)."""
    meta = {
        "title": _first(record, settings.jsonl_title_fields),
        "url": _first(record, settings.jsonl_url_fields),
        "date": iso_day(_first(record, settings.jsonl_date_fields)),
        "outlet": _first(record, settings.jsonl_outlet_fields),
    }
    text = _first(record, settings.jsonl_text_fields)
    if text is not None:
        return RawDocument(source=source, text=text, format="jsonl", **meta)
    html = _first(record, settings.jsonl_html_fields)
    if html is None:
        wanted = "|".join(settings.jsonl_text_fields + settings.jsonl_html_fields)
        return IngestError(source=source, reason=f"no text field ({wanted})")
    doc = extract_html(source, html, settings, url=meta["url"], fmt="jsonl")
    if isinstance(doc, IngestError):
        return doc
    update = {k: v for k, v in meta.items() if v is not None}
    return doc.model_copy(update=update)


def _records(text: str) -> Iterator[tuple[int, Any]]:
    """(line number, parsed value or the JSONDecodeError) for each non-empty line."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            values = json.loads(stripped)
        except json.JSONDecodeError as err:
            yield 1, err
            return
        yield from enumerate(values if isinstance(values, list) else [values], start=1)
        return
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            try:
                yield number, json.loads(line)
            except json.JSONDecodeError as err:
                yield number, err


def read_jsonl(
    source: str, text: str, settings: IngestSettings
) -> Iterator[RawDocument | IngestError]:
    """Each good line yields a document; bad lines are summarised in one IngestError."""
    bad: list[str] = []
    total = 0
    for number, value in _records(text):
        total += 1
        if isinstance(value, json.JSONDecodeError):
            bad.append(f"{number} (invalid JSON)")
            continue
        if not isinstance(value, dict):
            bad.append(f"{number} (not an object)")
            continue
        doc = record_to_document(f"{source}#{number}", value, settings)
        if isinstance(doc, IngestError):
            bad.append(f"{number} ({doc.reason})")
        else:
            yield doc
    if bad:
        shown = ", ".join(bad[:5]) + (", ..." if len(bad) > 5 else "")
        reason = f"{len(bad)} of {total} records skipped: line {shown}"
        yield IngestError(source=source, reason=reason)
