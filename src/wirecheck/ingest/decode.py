"""Bytes to text: BOMs, UTF-16, binary sniffing, charset detection, CRLF and NUL clean-up.

Charset detection is charset-normalizer's; we only add the cheap fast paths (BOM, strict
UTF-8) in front of it because most news text is UTF-8 and detection costs ~1 ms a page.
"""

from __future__ import annotations

import codecs
import re

from wirecheck.settings.ingest import IngestSettings

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
TIE_PREFERENCE = "cp1252"
# A charset declared in the first bytes of an HTML/XML document (<meta charset>, http-equiv
# content type, <?xml encoding?>); honoured when the bytes are not UTF-8.
_DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    """The bytes are not text; ``str(err)`` is the reason shown to the user."""


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding named by a byte-order mark and the BOM length, if there is one."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without BOM shows NULs in every other byte of ASCII text."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def binary_reason(data: bytes, settings: IngestSettings) -> str | None:
    """Why ``data`` is binary (NUL bytes in its head), or None when it looks like text."""
    head = data[: settings.sniff_bytes]
    if not head:
        return None
    ratio = head.count(0) / len(head)
    if ratio > settings.max_nul_ratio:
        kib = max(1, len(head) // 1024)
        return f"binary content (NUL bytes in {ratio:.0%} of the first {kib} KiB)"
    return None


def normalize_text(text: str) -> str:
    """CRLF/CR to LF, drop NULs and other C0 controls (tabs and newlines kept)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _CONTROL.search(text):
        text = _CONTROL.sub("", text)
    return text


def detect_encoding(data: bytes) -> str:
    """The encoding of ``data``: BOM, UTF-16 pattern, strict UTF-8, else charset-normalizer."""
    found = bom_encoding(data)
    if found is not None:
        return found[0]
    utf16 = utf16_without_bom(data[:4096])
    if utf16 is not None:
        return utf16
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    declared = declared_encoding(data[:2048])
    if declared is not None:
        return declared
    from charset_normalizer import from_bytes

    results = from_bytes(data[: 256 * 1024])
    best = results.best()
    if best is None:
        return "utf-8"
    # Several single-byte code pages decode Western text identically well; charset-normalizer
    # then returns the first (often cp1250, mangling ñ/ã). On ties prefer windows-1252, the
    # web's default legacy encoding (WHATWG maps latin-1 to it), so Western text comes out right.
    ties = [m for m in results if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    if any(TIE_PREFERENCE in m.could_be_from_charset for m in ties):
        return TIE_PREFERENCE
    return best.encoding


def declared_encoding(head: bytes) -> str | None:
    """The encoding a markup head declares, if Python knows it (UTF-8 claims are ignored:
    they were already tried and failed)."""
    match = _DECLARED.search(head)
    if match is None:
        return None
    try:
        name = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    return None if name in ("utf-8", "utf-16", "utf-32") else name


def decode_bytes(data: bytes, settings: IngestSettings) -> str:
    """Decode ``data`` to normalised text, or raise ``DecodeError`` with the reason."""
    if not data.strip():
        raise DecodeError("empty input")
    encoding = detect_encoding(data)
    if not encoding.startswith("utf-16") and not encoding.startswith("utf-32"):
        reason = binary_reason(data, settings)
        if reason is not None:
            raise DecodeError(reason)
    bom = bom_encoding(data)
    body = data[bom[1] :] if bom is not None else data
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError:  # count only what decoding replaced, not U+FFFD in the text
        text = body.decode(encoding, errors="replace")
        bad = text.count("\ufffd") - body.decode(encoding, errors="ignore").count("\ufffd")
        if bad > settings.max_replacement_ratio * max(1, len(text)):
            raise DecodeError(
                f"not valid text ({bad} undecodable characters as {encoding})"
            ) from None
    text = normalize_text(text)
    if not text.strip():
        raise DecodeError("empty input (no text after decoding)")
    return text
