"""Quantity claims: every measured number of a sentence with its interval, period, measure."""

from __future__ import annotations

from typing import TYPE_CHECKING

from wirecheck.extract.goods import load_taxonomy
from wirecheck.extract.lexicon import PERSON_NOUNS
from wirecheck.extract.measures import measure_of
from wirecheck.extract.periods import assign_periods, find_periods
from wirecheck.extract.quantities import parse_quantities
from wirecheck.extract.sentences import SentenceInfo, source_of
from wirecheck.model import Article, ClaimKind, ClaimMention, Quantity, stable_id
from wirecheck.settings.extract import ExtractSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc


def quantity_mentions(
    article: Article, doc: Doc, sentences: list[SentenceInfo], settings: ExtractSettings
) -> list[ClaimMention]:
    out: list[ClaimMention] = []
    for sentence in sentences:
        quantities = parse_quantities(sentence.text, settings, offset=sentence.start)
        if not quantities:
            continue
        periods = find_periods(sentence.text, article.date, offset=sentence.start)
        quantities = assign_periods(quantities, periods, settings.period_max_gap)
        last_count: str | None = None
        previous: tuple[Quantity, str | None] | None = None
        for quantity in quantities:
            measure = measure_of(doc, quantity, sentence.goods)
            if measure is None and previous and _conversion(sentence, previous[0], quantity):
                measure = previous[1]  # "$900m (£723m)": the same amount in another currency
            previous = (quantity, measure)
            if quantity.unit == "count":
                measure = measure or last_count
                last_count = measure
                if measure is None or _vague_person_count(quantity, measure):
                    continue
            if measure is not None:
                out.append(_quantity_mention(article, sentence, quantity, measure))
    return out


def _vague_person_count(quantity: Quantity, measure: str) -> bool:
    """"two senior officials" says who spoke, not how many: a person count is a claim only
    when qualified or written in digits ("about 1,500 members", "at least 9 people")."""
    if measure.split()[-1] not in PERSON_NOUNS:
        return False
    return quantity.qualifier is None and not quantity.text.strip()[:1].isdigit()


def _conversion(sentence: SentenceInfo, first: Quantity, second: Quantity) -> bool:
    """Two amounts of one sentence in two currencies, the second in brackets or after "or"."""
    between = sentence.text[first.end - sentence.start : second.start - sentence.start]
    return between.strip() in ("(", "or", ", or") and first.unit != second.unit


def _quantity_mention(
    article: Article, sentence: SentenceInfo, quantity: Quantity, measure: str
) -> ClaimMention:
    key = (article.id, "quantity", str(quantity.start), quantity.text)
    return ClaimMention(
        id=stable_id("m", *key),
        article=article.id,
        kind=ClaimKind.QUANTITY,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        quantity=quantity,
        measure=measure,
        attribution=source_of(sentence),
        hedge=None,
        goods_category=_category_of(measure),
    )


def _category_of(measure: str) -> str | None:
    taxonomy = load_taxonomy()
    thing = measure.split(" of ", 1)[-1]
    return next((cid for cid, label in taxonomy.labels.items() if label == thing), None)
