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
from wirecheck.model import (
    Analysis,
    Article,
    ClaimGroup,
    ClaimKind,
    ClaimMention,
    FeatureScore,
    stable_id,
)

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


Sentence = tuple[str, int, int]  # (article, start, end)


def _sentences(group: ClaimGroup) -> frozenset[Sentence]:
    return frozenset((m.article, m.start, m.end) for m in group.mentions)


def _backing(pos: int, groups: list[ClaimGroup], spans: list[frozenset[Sentence]],
             by_sentence: dict[Sentence, list[int]]) -> int | None:
    """Position of another live group that already cites every sentence of statement group
    ``pos``: a supply/quantity/quote group, or a statement group over more (or the same,
    listed earlier) sentences. Candidates are the groups citing its first sentence."""
    own = spans[pos]
    for other in by_sentence.get(min(own), []) if own else []:
        if other == pos or not own <= spans[other]:
            continue
        if groups[other].kind != ClaimKind.STATEMENT or own < spans[other] or other < pos:
            return other
    return None


def drop_restated(groups: list[ClaimGroup]) -> list[ClaimGroup]:
    """``groups`` without statement groups that only restate the sentences of another group.

    Extraction gives a reported sentence both a statement mention and, say, a quantity
    mention; both would become groups over the same passages, one line twice in a
    briefing. A statement group is kept when it has a sentence no other single group
    cites (it then carries corroboration the others lack) or when it is in a conflict.
    The group that backs it notes the fold in its explanation.
    """
    spans = [_sentences(g) for g in groups]
    by_sentence: dict[Sentence, list[int]] = {}
    for pos, own in enumerate(spans):
        for sentence in own:
            by_sentence.setdefault(sentence, []).append(pos)
    kept: list[ClaimGroup] = []
    for pos, group in enumerate(groups):
        other = None
        if group.kind == ClaimKind.STATEMENT and not group.conflicts:
            other = _backing(pos, groups, spans, by_sentence)
        if other is None:
            kept.append(group)
            continue
        for sentence in spans[pos]:  # a dropped group backs nothing
            by_sentence[sentence].remove(pos)
        backer = groups[other].explanation
        if backer is not None:
            backer.features.append(FeatureScore(
                name="restated_as_statement", value=1.0, weight=0.0,
                note=f"statement group {group.id} over the same sentences folded in"))
    return kept
