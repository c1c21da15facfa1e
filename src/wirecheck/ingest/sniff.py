"""Content sniffing: which reader handles a byte string (content first, extension second)."""

from __future__ import annotations

import re
from pathlib import PurePath

GZIP_MAGIC = b"\x1f\x8b"
WARC_MAGIC = b"WARC/"

_FEED = re.compile(rb"<(rss|rdf:rdf|feed)[\s>]", re.IGNORECASE)
_HTML = re.compile(
    rb"<(!doctype\s+html|html|head|body|article|div|p|meta|title)[\s>/]", re.IGNORECASE
)
_JSON_START = re.compile(rb'(\{\s*"|\[\s*(\{|\]))')
_EXT_FORMAT = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".rss": "rss",
    ".atom": "rss",
    ".xml": "rss",
    ".warc": "warc",
    ".arc": "warc",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
}


def strip_compression_suffix(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def extension_format(name: str) -> str | None:
    """The format a file name suggests (``.gz`` stripped), or None."""
    suffix = PurePath(strip_compression_suffix(name)).suffix.lower()
    return _EXT_FORMAT.get(suffix)


def _markup_head(head: bytes) -> bytes:
    """The head as lower-effort ASCII for tag sniffing (UTF-16 NULs dropped, BOM stripped)."""
    if b"\x00" in head[:200]:
        head = head.replace(b"\x00", b"")
    return head.lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n")


def sniff_format(head: bytes, name: str = "") -> str:
    """One of gzip|warc|rss|html|jsonl|text for the first bytes of an input."""
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(WARC_MAGIC):
        return "warc"
    markup = _markup_head(head)
    if markup.startswith(b"<"):
        window = markup[:2048]
        if _FEED.search(window) and not re.search(rb"<html[\s>]", window, re.IGNORECASE):
            return "rss"
        if _HTML.search(window):
            return "html"
    if _JSON_START.match(markup):
        return "jsonl"
    by_ext = extension_format(name)
    if by_ext == "html" and b"<" in markup[:4096]:
        return "html"
    return "text"
