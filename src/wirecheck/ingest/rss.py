"""RSS/Atom feeds (feedparser): each entry becomes a document; its HTML becomes text via lxml.

Feed entries carry fragments (a summary, or the full content), not whole pages, so
trafilatura's page-level boilerplate detection does not apply; lxml's text with block
elements turned into line breaks keeps the paragraphs the cleaner needs.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from wirecheck.model import IngestError, RawDocument
from wirecheck.settings.ingest import IngestSettings

_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr")


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment with one line per block element; scripts and styles dropped."""
    import lxml.html  # type: ignore[import-untyped]
    from lxml import etree

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment.strip()
    etree.strip_elements(root, "script", "style", "iframe", with_tail=False)
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if c.get("value")]
    raw = max(values, key=len) if values else entry.get("summary", "")
    return fragment_to_text(raw or "")


def _entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


def read_rss(
    source: str, text: str, settings: IngestSettings
) -> Iterator[RawDocument | IngestError]:
    import feedparser

    feed = feedparser.parse(text)
    if not feed.entries:
        why = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield IngestError(source=source, reason=f"feed has no entries{why}")
        return
    outlet = feed.feed.get("title")
    empty = 0
    for number, entry in enumerate(feed.entries, start=1):
        body = _entry_text(entry)
        if len(body) < settings.min_text_chars:
            empty += 1
            continue
        yield RawDocument(
            source=f"{source}#{number}",
            text=body,
            title=entry.get("title"),
            date=_entry_date(entry),
            outlet=outlet,
            byline=entry.get("author"),
            url=entry.get("link"),
            format="rss",
            preclean=True,
        )
    if empty:
        yield IngestError(
            source=source, reason=f"{empty} of {len(feed.entries)} entries had no text"
        )
