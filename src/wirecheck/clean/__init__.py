"""Clean scraped text: site chrome, metadata, captions and site summaries leave the body.

``clean_documents`` is the stage function: a batch of ``RawDocument`` in, ``Article`` out.
Every removed line is kept in ``Article.removed`` with its reason and the rule that
fired. The batch matters: a short line repeated across documents is chrome, and an
article whose text gives no date borrows the date context of its nearest neighbour.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from wirecheck.clean import dates
from wirecheck.clean.captions import is_archive_caption
from wirecheck.clean.corpus import BatchSignals, DocLines, batch_signals, doc_lines
from wirecheck.clean.datebatch import DateState, body_words, borrow_dates
from wirecheck.clean.document import Marked, mark_document
from wirecheck.clean.language import article_language
from wirecheck.clean.metadata import lead_title
from wirecheck.model import Article, RawDocument, RemovalReason
from wirecheck.settings.clean import CleanSettings

__all__ = ["clean_document", "clean_documents"]


# Each document cleaned with the batch's signals: the article with the date the document
# gives by itself, and that date's evidence for the batch pass (``clean_each``; an
# incremental run passes one that reuses stored results, ``wirecheck.incremental.clean``).
EachFn = Callable[
    [Sequence[RawDocument], BatchSignals, CleanSettings, Sequence[DocLines]],
    list[tuple[Article, DateState]],
]


def clean_documents(
    docs: Sequence[RawDocument], settings: CleanSettings, each: EachFn | None = None
) -> list[Article]:
    """Clean a batch of documents (order kept); corpus-level signals use the whole batch."""
    prepared = [doc_lines(doc) for doc in docs]  # lines split and keyed once per document
    batch = batch_signals(docs, settings, prepared)
    cleaned = (each or clean_each)(docs, batch, settings, prepared)
    states = [state for _, state in cleaned]
    ids = [article.id for article, _ in cleaned]
    if settings.borrow_dates:
        contents = [article.raw_sha1 for article, _ in cleaned]
        borrow_dates(states, ids, settings, contents)  # updates the states of undated articles
    return [with_date(article, state) for article, state in cleaned]


def clean_each(
    docs: Sequence[RawDocument],
    batch: BatchSignals,
    settings: CleanSettings,
    prepared: Sequence[DocLines],
) -> list[tuple[Article, DateState]]:
    """Every document marked with the batch's signals, dated by itself."""
    out = []
    for doc, lines in zip(docs, prepared, strict=True):
        marked = mark_document(doc, batch, settings, lines)
        state = own_date(marked)
        out.append((_article(marked, state, Article.make_id(doc.source, doc.text)), state))
    return out


def batch_lines(batch: BatchSignals, prepared: DocLines) -> tuple[frozenset[str], frozenset[str]]:
    """The part of the batch's signals a document's cleaning reads: which of its own line
    keys are repeated across the batch, and which are stock paragraphs (``mark_document``
    asks nothing else of the batch)."""
    keys = set(prepared.keys)
    return batch.repeated & keys, batch.stock & keys


def _date_fields(state: DateState) -> tuple[str | None, str | None]:
    """The article's ``date`` and ``date_source`` from the date evidence."""
    return (state.date.isoformat(), state.source) if state.date else (None, "not found")


def with_date(article: Article, state: DateState) -> Article:
    """``article`` with the date of ``state`` (after the batch pass may have lent one)."""
    date, source = _date_fields(state)
    if article.date == date and article.date_source == source:
        return article
    return article.model_copy(update={"date": date, "date_source": source})


def clean_document(doc: RawDocument, settings: CleanSettings) -> Article:
    """Clean one document on its own (no batch signals)."""
    return clean_documents([doc], settings)[0]


def own_date(state: Marked) -> DateState:
    """The date a document gives by itself, with where it came from.

    Order: metadata, a leading date line, the dominant full date of the body, a
    month-day reference given a year by any full date of the text (captions included:
    they are dated near publication; not a file picture's, taken years before), else
    left for the batch pass.
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
        context = [h.value for h in dates.full_dates(_without_archive_captions(state))]
        for month, day in evidence.month_days:
            resolved = dates.resolve_month_day(month, day, context)
            if resolved is not None:
                evidence.date = resolved
                evidence.source = "month-day in body, year from a full date of the text"
                break
    return evidence


def _without_archive_captions(state: Marked) -> str:
    return "\n".join(line.text for line in state.lines if not is_archive_caption(line.text))


def _article(state: Marked, when: DateState, article_id: str) -> Article:
    doc = state.doc
    body = state.body
    title, title_reason = state.title, state.title_reason
    if not title and body and (lead := lead_title(body)) is not None:
        title, title_reason = lead
    language, language_source = article_language(doc.language, body)
    date, date_source = _date_fields(when)
    return Article(
        id=article_id,
        source=doc.source,
        title=title,
        title_reason=title_reason,
        date=date,
        date_source=date_source,
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
