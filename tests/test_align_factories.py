"""Small factories for align tests: invented articles and the mentions extraction would give.

All texts are invented (fictional companies, places and people). Helpers, no tests.
"""

from __future__ import annotations

from wirecheck.model import (
    Analysis,
    Article,
    ClaimKind,
    ClaimMention,
    Derivation,
    DerivationKind,
    Family,
    Quantity,
    Story,
    stable_id,
)

STORY = "s-test"


def article(key: str, body: str, family: str | None = None, date: str | None = None) -> Article:
    return Article(id=f"a-{key}", source=f"{key}.txt", body=body, story=STORY,
                   family=family or f"f-{key}", date=date)


def span_of(art: Article, sentence: str) -> tuple[int, int]:
    start = art.body.index(sentence)
    return start, start + len(sentence)


def quantity_mention(art: Article, sentence: str, number_text: str, value: float, unit: str,
                     qualifier: str | None = None, measure: str | None = None,
                     period: str | None = None) -> ClaimMention:
    start, end = span_of(art, sentence)
    q_start = art.body.index(number_text, start)
    quantity = Quantity(value=value, unit=unit, qualifier=qualifier, text=number_text,
                        period=period, start=q_start, end=q_start + len(number_text))
    return ClaimMention(id=stable_id("m", art.id, str(q_start)), article=art.id,
                        kind=ClaimKind.QUANTITY, start=start, end=end, text=sentence,
                        quantity=quantity, measure=measure)


def supply_mention(art: Article, sentence: str, supplier: str, recipient: str, goods: str,
                   category: str, negated: bool = False) -> ClaimMention:
    start, end = span_of(art, sentence)
    return ClaimMention(id=stable_id("m", art.id, str(start), supplier, category),
                        article=art.id, kind=ClaimKind.SUPPLY, start=start, end=end,
                        text=sentence, supplier=supplier, recipient=recipient, goods=goods,
                        goods_category=category, negated=negated)


def statement_mention(art: Article, sentence: str, kind: ClaimKind = ClaimKind.STATEMENT,
                      speaker: str | None = None) -> ClaimMention:
    start, end = span_of(art, sentence)
    return ClaimMention(id=stable_id("m", art.id, str(start), kind.value), article=art.id,
                        kind=kind, start=start, end=end, text=sentence, speaker=speaker)


def analysis(articles: list[Article], mentions: list[ClaimMention] | None = None,
             derivations: list[tuple[str, str, DerivationKind]] | None = None) -> Analysis:
    """An analysis as the provenance and extraction stages would hand it to align."""
    families: dict[str, list[str]] = {}
    for art in articles:
        families.setdefault(art.family or art.id, []).append(art.id)
    story = Story(id=STORY, articles=[a.id for a in articles],
                  families=[Family(id=f, articles=ids) for f, ids in families.items()],
                  independent_origins=len(families))
    edges = [Derivation(derived=d, source=s, kind=k, score=1.0) for d, s, k in derivations or []]
    return Analysis(articles=articles, mentions=mentions or [], stories=[story],
                    derivations=edges)
