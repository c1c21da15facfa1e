"""Clean scraped text: site chrome, metadata, captions and site summaries leave the body.

``clean_documents`` is the stage function: a batch of ``RawDocument`` in, ``Article`` out.
Every removed line is kept in ``Article.removed`` with its reason and the rule that
fired. The batch matters: a short line repeated across documents is chrome, and an
article whose text gives no date borrows the date context of its nearest neighbour.
"""

from __future__ import annotations

from collections.abc import Sequence

from wirecheck.clean import dates
from wirecheck.clean.corpus import batch_signals, doc_lines
from wirecheck.clean.datebatch import DateState, body_words, borrow_dates
from wirecheck.clean.document import Marked, mark_document
from wirecheck.clean.language import article_language
from wirecheck.clean.metadata import lead_title
from wirecheck.model import Article, RawDocument, RemovalReason
from wirecheck.settings.clean import CleanSettings

__all__ = ["clean_document", "clean_documents"]


def clean_documents(docs: Sequence[RawDocument], settings: CleanSettings) -> list[Article]:
    """Clean a batch of documents (order kept); corpus-level signals use the whole batch."""
    prepared = [doc_lines(doc) for doc in docs]  # lines split and keyed once per document
    batch = batch_signals(docs, settings, prepared)
    marked = [mark_document(d, batch, settings, p) for d, p in zip(docs, prepared, strict=True)]
    states = [own_date(m) for m in marked]
    ids = [Article.make_id(doc.source, doc.text) for doc in docs]
    if settings.borrow_dates:
        borrow_dates(states, ids, settings)
    return [_article(m, s, i) for m, s, i in zip(marked, states, ids, strict=True)]


def clean_document(doc: RawDocument, settings: CleanSettings) -> Article:
    """Clean one document on its own (no batch signals)."""
    return clean_documents([doc], settings)[0]


def own_date(state: Marked) -> DateState:
    """The date a document gives by itself, with where it came from.

    Order: metadata, a leading date line, the dominant full date of the body, a
    month-day reference given a year by any full date of the text (captions included:
    they are dated near publication), else left for the batch pass.
    """
    body = state.body
    evidence = DateState(
        date=None,
        source=None,
        words=body_words(body),
        weekdays=dates.weekdays(body),
        month_days=dates.month_days(body),
    )
    meta = dates.parse_iso(state.doc.date)
    if meta is not None:
        evidence.date, evidence.source = meta, "metadata"
    elif state.date is not None:
        evidence.date, evidence.source = dates.parse_iso(state.date), state.date_source
    elif (found := dates.dominant([h.value for h in dates.full_dates(body)])) is not None:
        evidence.date, evidence.source = found, "dominant full date of the body"
    else:
        context = [h.value for h in dates.full_dates(state.doc.text)]
        for month, day in evidence.month_days:
            resolved = dates.resolve_month_day(month, day, context)
            if resolved is not None:
                evidence.date = resolved
                evidence.source = "month-day in body, year from a full date of the text"
                break
    return evidence


def _article(state: Marked, when: DateState, article_id: str) -> Article:
    doc = state.doc
    body = state.body
    title, title_reason = state.title, state.title_reason
    if not title and body and (lead := lead_title(body)) is not None:
        title, title_reason = lead
    language, language_source = article_language(doc.language, body)
    return Article(
        id=article_id,
        source=doc.source,
        title=title,
        title_reason=title_reason,
        date=when.date.isoformat() if when.date else None,
        date_source=when.source if when.date else "not found",
        outlet=doc.outlet,
        byline=state.byline,
        language=language,
        language_source=language_source,
        url=doc.url,
        body=body,
        removed=sorted(state.removed, key=lambda r: r.line_no),
        raw_sha1=state.raw_sha1(),
    )


def removed_of(article: Article, reason: RemovalReason) -> list[str]:
    """Texts of the lines removed from ``article`` for ``reason``."""
    return [r.text for r in article.removed if r.reason == reason]
