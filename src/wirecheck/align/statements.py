"""Statement and quote mentions for sentences the extraction stage left without one.

Single-source verdicts need every reported fact as a claim, not only supply
relations and numbers. Extraction gives statement/quote mentions for the
sentences it parses; any other body sentence that states something (a full
sentence of >= 7 words, or a reported one: reporting verb, quote marks, named
actors) becomes a ``statement``/``quote`` mention here, with an id prefixed
``ms-`` so its origin is visible. Headings and fragments are left out.
Regexes, not spaCy: extraction already ran the parser once, and a
sentence-level claim needs no parse.
"""

from __future__ import annotations

import re

from wirecheck.align.text import quote_spans, sentences, tokens
from wirecheck.model import Analysis, Article, ClaimKind, ClaimMention, stable_id

_REPORTING = re.compile(
    r"\b(said|says|say|told|tells|added|adds|warned|warns|accused|accuses|announced|announces|"
    r"according to|stressed|urged|urges|noted|claimed|claims|denied|denies|insisted|"
    r"estimated|reported|reports|confirmed|confirms|alleged|argued|believes?|declared)\b",
    re.IGNORECASE,
)
_CAPITAL = re.compile(r"(?<=[\s(“\"])[A-Z][\w'’.-]+")
# A sentence shorter than this (words) is a heading or a fragment, not a claim;
# the seeds' and samples' headings have <= 6 words, their shortest claims 8.
_MIN_WORDS = 7
# Capitalised words (after the first) that make an unattributed sentence a reported
# fact about named actors ("the US and UK prohibited ...").
_MIN_NAMES = 2


def _covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _kind_of(body: str, start: int, end: int) -> ClaimKind | None:
    """Quote (has quote marks), statement (a full sentence or a reported one), or None."""
    text = body[start:end]
    if len(tokens(text)) < _MIN_WORDS:
        return None
    if any(s < end and start < e for s, e in quote_spans(body)):
        return ClaimKind.QUOTE
    full = text.rstrip().endswith((".", "!", "?", "”", '"'))
    if full or _REPORTING.search(text) or len(_CAPITAL.findall(text)) >= _MIN_NAMES:
        return ClaimKind.STATEMENT
    return None


def article_statements(art: Article, taken: list[tuple[int, int]]) -> list[ClaimMention]:
    """Statement/quote mentions of the sentences of ``art`` outside ``taken`` spans."""
    out = []
    for start, end in sentences(art.body):
        if _covered(taken, start, end):
            continue
        kind = _kind_of(art.body, start, end)
        if kind is None:
            continue
        out.append(ClaimMention(
            id=stable_id("ms", art.id, str(start), str(end)), article=art.id, kind=kind,
            start=start, end=end, text=art.body[start:end],
        ))
    return out


def fill_statements(analysis: Analysis, mentions: list[ClaimMention]) -> list[ClaimMention]:
    """``mentions`` plus derived statement/quote mentions for the sentences they leave."""
    taken: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        taken.setdefault(m.article, []).append((m.start, m.end))
    extra = [m for art in analysis.articles
             for m in article_statements(art, taken.get(art.id, []))]
    return list(mentions) + extra
