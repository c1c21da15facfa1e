"""Plain text: one article a file; the whole text is the document (the cleaner finds title/date)."""

from __future__ import annotations

from collections.abc import Iterator

from wirecheck.model import IngestError, RawDocument
from wirecheck.settings.ingest import IngestSettings


def read_text(
    source: str, text: str, settings: IngestSettings
) -> Iterator[RawDocument | IngestError]:
    if len(text.strip()) < settings.min_text_chars:
        yield IngestError(source=source, reason="empty input")
        return
    yield RawDocument(source=source, text=text, format="text")
