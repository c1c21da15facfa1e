"""Quotations with their speakers.

A quotation is text between typographic or straight double quotes with at least
``min_quote_words`` words (shorter ones are scare quotes). Its speaker is the source of
the sentence where it closes ("..., said X"), else where it opens ("X said: ..."), else
the previous sentence when that ends with a colon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_QUOTE = re.compile(r"“([^”]{2,3000})”|\"([^\"\n]{2,3000})\"")


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # char span of the quoted words (without marks)
    end: int
    text: str


def find_quotes(text: str, min_words: int) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    for match in _QUOTE.finditer(text):
        group = 1 if match.group(1) is not None else 2
        words = match.group(group).split()
        if len(words) >= min_words:
            out.append(QuoteSpan(match.start(group), match.end(group), match.group(group).strip()))
    return out


def sentence_index(bounds: list[tuple[int, int]], char: int) -> int:
    """Index of the sentence (by char bounds) that contains ``char`` (or the last before it)."""
    found = 0
    for index, (start, _) in enumerate(bounds):
        if start <= char:
            found = index
        else:
            break
    return found


def speaker_sentence(
    bounds: list[tuple[int, int]], sources: list[str | None], texts: list[str], quote: QuoteSpan
) -> int | None:
    """The sentence whose attribution names the speaker of ``quote``."""
    first = sentence_index(bounds, quote.start)
    last = sentence_index(bounds, max(quote.start, quote.end - 1))
    candidates = [last, min(last + 1, len(bounds) - 1), first]
    for index in candidates:
        if sources[index] is not None and _outside_quote(bounds[index], quote):
            return index
    if first > 0 and texts[first - 1].rstrip().endswith(":") and sources[first - 1] is not None:
        return first - 1
    for index in range(first, last + 1):
        if sources[index] is not None:
            return index
    return None


def _outside_quote(bound: tuple[int, int], quote: QuoteSpan) -> bool:
    """The sentence has text outside the quotation (where an attribution can be)."""
    start, end = bound
    return start < quote.start - 1 or end > quote.end + 1
