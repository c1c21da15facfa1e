"""Readers: turn paths, directories, URLs and stdin into RawDocuments (or IngestErrors).

``read_inputs`` never raises for a bad input: each one yields an ``IngestError`` naming
the input and the reason, and the batch goes on. Formats are found by content sniffing
(``sniff.py``), extensions only break ties; gzip is read transparently.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from wirecheck.ingest.decode import DecodeError, decode_bytes
from wirecheck.ingest.sniff import sniff_format, strip_compression_suffix
from wirecheck.ingest.url import fetch_url, format_from_content_type, is_url, make_client
from wirecheck.ingest.walk import walk_directory
from wirecheck.model import IngestError, RawDocument
from wirecheck.settings.ingest import IngestSettings

if TYPE_CHECKING:
    import httpx

Item = RawDocument | IngestError
TextReader = Callable[[str, str, IngestSettings], Iterator[Item]]
STDIN = "-"

__all__ = ["Item", "LazyClient", "expand_inputs", "read_bytes", "read_inputs", "read_unit"]


def _text_readers() -> dict[str, TextReader]:
    from wirecheck.ingest.html import read_html
    from wirecheck.ingest.jsonl import read_jsonl
    from wirecheck.ingest.rss import read_rss
    from wirecheck.ingest.text import read_text

    return {"html": read_html, "jsonl": read_jsonl, "rss": read_rss, "text": read_text}


def _limit_reason(settings: IngestSettings, what: str = "") -> str:
    return f"larger than the {settings.max_bytes // (1024 * 1024)} MB limit{what}"


def gunzip(data: bytes, settings: IngestSettings) -> bytes | str:
    """Decompressed ``data`` (capped at ``max_bytes``), or the reason it cannot be."""
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            out = stream.read(settings.max_bytes + 1)
    except EOFError:
        return "truncated gzip stream (no complete content)"
    except (gzip.BadGzipFile, zlib.error) as err:
        return f"corrupt gzip stream ({err})"
    if len(out) > settings.max_bytes:
        return _limit_reason(settings, " when decompressed")
    return out


def read_bytes(
    source: str, data: bytes, settings: IngestSettings, name: str = "", hint: str | None = None
) -> Iterator[Item]:
    """Dispatch one input's bytes to its reader by sniffed content (``hint`` breaks ties)."""
    fmt = sniff_format(data[: settings.sniff_bytes], name)
    if fmt == "gzip":
        yield from _read_gzip(source, data, settings, name)
        return
    if fmt == "warc" or (hint == "warc" and fmt == "text"):
        from wirecheck.ingest.warc import read_warc

        yield from read_warc(source, data, settings)
        return
    if fmt == "text" and hint in ("html", "rss", "jsonl"):
        fmt = hint
    try:
        text = decode_bytes(data, settings)
    except DecodeError as err:
        yield IngestError(source=source, reason=str(err))
        return
    yield from _text_readers()[fmt](source, text, settings)


def _read_gzip(source: str, data: bytes, settings: IngestSettings, name: str) -> Iterator[Item]:
    try:
        head = zlib.decompressobj(wbits=31).decompress(data[: 64 * 1024], 16)
    except zlib.error:
        head = b""
    if head.startswith(b"WARC/"):
        from wirecheck.ingest.warc import read_warc

        yield from read_warc(source, data, settings)
        return
    out = gunzip(data, settings)
    if isinstance(out, str):
        yield IngestError(source=source, reason=out)
        return
    yield from read_bytes(source, out, settings, strip_compression_suffix(name))


def read_file(path: str, settings: IngestSettings) -> Iterator[Item]:
    """One file (size-capped before reading) through ``read_bytes``."""
    try:
        size = os.path.getsize(path)
        if size > settings.max_bytes:
            yield IngestError(source=path, reason=_limit_reason(settings))
            return
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as err:
        yield IngestError(source=path, reason=f"cannot read ({err.strerror or err})")
        return
    yield from read_bytes(path, data, settings, os.path.basename(path))


def _read_stdin(settings: IngestSettings) -> Iterator[Item]:
    data = sys.stdin.buffer.read(settings.max_bytes + 1)
    if len(data) > settings.max_bytes:
        yield IngestError(source="<stdin>", reason=_limit_reason(settings))
        return
    yield from read_bytes("<stdin>", data, settings)


def _read_url(url: str, client: httpx.Client, settings: IngestSettings) -> Iterator[Item]:
    fetched = fetch_url(url, client, settings)
    if isinstance(fetched, IngestError):
        yield fetched
        return
    body, content_type = fetched
    hint = format_from_content_type(content_type)
    for item in read_bytes(url, body, settings, url.rsplit("/", 1)[-1], hint):
        if isinstance(item, RawDocument) and item.url is None:
            item = item.model_copy(update={"url": url})
        yield item


def expand_inputs(paths: Sequence[str], settings: IngestSettings) -> Iterator[str | IngestError]:
    """Inputs as units of reading: directories become their files (sorted); others pass."""
    for path in paths:
        if path != STDIN and not is_url(path) and os.path.isdir(path):
            yield from walk_directory(path, settings)
        else:
            yield path


def read_unit(
    unit: str, settings: IngestSettings, client: Callable[[], httpx.Client]
) -> Iterator[Item]:
    """Documents of one unit of ``expand_inputs`` (a file, URL or stdin)."""
    if unit == STDIN:
        yield from _read_stdin(settings)
    elif is_url(unit):
        yield from _read_url(unit, client(), settings)
    elif os.path.lexists(unit):
        yield from read_file(unit, settings)
    else:
        yield IngestError(source=unit, reason="no such file or directory")


class LazyClient:
    """An httpx client made on first use (most runs read no URL) and closed at the end."""

    def __init__(self, settings: IngestSettings, transport: httpx.BaseTransport | None) -> None:
        self._settings = settings
        self._transport = transport
        self._client: httpx.Client | None = None

    def __call__(self) -> httpx.Client:
        if self._client is None:
            self._client = make_client(self._settings, self._transport)
        return self._client

    def close(self) -> None:
        if self._client is not None:
            self._client.close()


def read_inputs(
    paths: Sequence[str], settings: IngestSettings, transport: httpx.BaseTransport | None = None
) -> Iterator[Item]:
    """Every document of every input, in input order; bad inputs yield IngestErrors."""
    client = LazyClient(settings, transport)
    try:
        for unit in expand_inputs(paths, settings):
            if isinstance(unit, IngestError):
                yield unit
            else:
                yield from read_unit(unit, settings, client)
    finally:
        client.close()
