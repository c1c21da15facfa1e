"""Per-sentence facts of one parsed article, computed once and shared by every extractor."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from wirecheck.extract.actors import Actor, sentence_actors
from wirecheck.extract.attribution import Attribution, SourceContext, attribute
from wirecheck.extract.goods_spans import GoodsHit, find_goods

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


@dataclass
class SentenceInfo:
    """A sentence with its trimmed body span, actors, goods and attribution."""

    span: Span
    start: int  # trimmed char span in the body
    end: int
    text: str
    actors: list[Actor]
    goods: list[GoodsHit]
    attribution: Attribution | None


def sentence_infos(
    doc: Doc, body: str, spans: list[tuple[int, int, str]]
) -> list[SentenceInfo]:
    """Each sentence of ``doc`` (whose text is ``body``) with its actors, goods and source."""
    blocked = {i for s, e, label in spans if label == "ORG" for i in range(s, e)}
    context = SourceContext()
    out: list[SentenceInfo] = []
    for sent in doc.sents:
        raw = sent.text
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        if not text:
            continue
        start = sent.start_char + lead
        attribution = attribute(sent, context) or _continued(body, out, start)
        info = SentenceInfo(
            sent,
            start,
            start + len(text),
            text,
            sentence_actors(doc, sent, spans),
            find_goods(sent, blocked),
            attribution,
        )
        out.append(info)
    return out


def _continued(text: str, previous: list[SentenceInfo], start: int) -> Attribution | None:
    """Reported speech goes on in the next sentence of the same paragraph ("Officials said
    X. Nearly 70% of Y came from Z."): the sentence keeps the previous source, marked as
    inherited (it never makes a statement of its own)."""
    last = previous[-1] if previous else None
    if last is None or last.attribution is None or "\n" in text[last.end : start]:
        return None
    return replace(last.attribution, inherited=True, named=False)


def source_of(sentence: SentenceInfo) -> str | None:
    return sentence.attribution.source if sentence.attribution else None
