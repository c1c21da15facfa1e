"""Dates across the batch: an undated article borrows its nearest neighbour's date context.

An article whose text names no full date often names a weekday ("on Friday") or a day
and month ("on April 12"). Resolved against the date of a very similar article of the
batch (a copy or rewrite of the same report), they give the article's own date; with no
such reference, the neighbour's date is taken. ``date_source`` says which happened.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from wirecheck.clean import dates
from wirecheck.clean.lines import content_words, jaccard
from wirecheck.clean.ops import OpCounter
from wirecheck.settings.clean import CleanSettings

_RARE_WORDS = 20  # rarest words per article used to find similar articles (blocking keys)
_MAX_CANDIDATES = 20  # most word-sharing articles scored as date neighbours
# Postings read per undated article (rarest blocking words first): without a bound, an
# article whose rarest words are common ones (a small shared vocabulary) is counted against
# most of the batch, and the pass grows with the square of the batch (bench_ingest corpus:
# every word in most documents). Measured on the synthetic corpus (2,000 docs, seed 7):
# median 1,946 postings per undated article, max 2,886; with 2,000 the borrowed date of 39
# of 748 undated articles changes, none from right to wrong (1,252 gold dates matched
# either way); seeds and samples are unchanged.
_MAX_POSTINGS = 2000
# Every ``date_source`` of a borrowed date says whose date it took ("... similar a-...");
# TAKEN_WHOLE opens the one of a date taken whole (no weekday or day of its own).
BORROWED = "similar"
TAKEN_WHOLE = f"date of {BORROWED} article"
YEAR_BORROWED = f"month-day in text, year from {BORROWED}"


@dataclass
class DateState:
    """Date evidence of one cleaned article, for the batch pass."""

    date: date | None
    source: str | None
    words: set[str]
    weekdays: list[int] = field(default_factory=list)
    month_days: list[tuple[int, int]] = field(default_factory=list)


def borrow_dates(
    states: list[DateState],
    ids: list[str],
    settings: CleanSettings,
    contents: list[str],
) -> None:
    """Date undated articles from their most similar dated neighbour.

    An article first waits for its own nearest neighbour (a near copy is the best anchor)
    and takes its date as soon as that one has one. When every remaining article waits on
    an undated one, the single strongest link from an undated article to a dated one is
    taken, and waiting resumes: dates spread along the strongest similarities first, so
    a text similar to everything only weakly does not take a date before its nearest
    neighbour has one (it used to, in one pass of all waiting articles in input order:
    which lender it got depended on the order of the batch).

    ``contents``: a hash of each article's text. Articles are taken in that order (then by
    id), so ties, the postings budget and the order of equal links depend neither on the
    order the batch came in nor on where its files lie (an id hashes the source path too:
    the same corpus read from another folder took other lenders among equal copies).
    """
    if all(state.date is None for state in states):
        return  # nothing to borrow from
    order = sorted(range(len(states)), key=lambda k: (contents[k], ids[k]))
    states, ids = [states[k] for k in order], [ids[k] for k in order]  # the same objects
    neighbours = _neighbours(states, settings.date_similarity)
    waiting: dict[int, list[int]] = {}  # nearest neighbour -> articles waiting for it
    lenders: dict[int, list[tuple[float, int]]] = {}  # article -> (score, undated article)
    for index, found in enumerate(neighbours):
        if found:
            waiting.setdefault(found[0][1], []).append(index)
            for score, j in found:
                lenders.setdefault(j, []).append((score, index))
    dated = [j for j, state in enumerate(states) if state.date is not None]
    strongest: list[tuple[float, int, int]] = []  # (-score, undated article, dated lender)
    while True:
        while dated:
            j = dated.pop()
            for score, index in lenders.get(j, []):
                heapq.heappush(strongest, (-score, index, j))
            for index in waiting.get(j, []):
                if states[index].date is None:
                    _anchor(states[index], states[j], ids[j], settings)
                    dated.append(index)
        while strongest and states[strongest[0][1]].date is not None:
            heapq.heappop(strongest)
        if not strongest:
            return
        _, index, j = heapq.heappop(strongest)
        _anchor(states[index], states[j], ids[j], settings)
        dated.append(index)


def _anchor(state: DateState, other: DateState, other_id: str, settings: CleanSettings) -> None:
    anchor = other.date
    assert anchor is not None
    for month, day in state.month_days:
        found = dates.resolve_month_day(month, day, [anchor])
        if found is not None:
            state.date, state.source = found, f"{YEAR_BORROWED} {other_id}"
            return
    found = dates.resolve_weekday(state.weekdays, anchor, settings.weekday_max_days)
    if found is not None:
        state.date = found
        state.source = f"weekday in text, resolved against {BORROWED} {other_id}"
        return
    state.date, state.source = anchor, f"{TAKEN_WHOLE} {other_id}"


def own_date(date_value: str | None, source: str | None) -> str | None:
    """The date as evidence for story grouping: None when the article took its date whole
    from a similar article, or took its year from one for a day and month it names.

    The lender is the most *word*-similar dated text, which on same-template coverage is
    often another event weeks away; its date then kept the article out of its own story
    (generated corpus: 208 of 239 texts split from their story carried a borrowed date).
    A day and month in the text often name an earlier event, not the day of writing (news
    style gives a weekday for the past week and a date beyond it): a follow-up written in
    March that recalls "the fire on January 9" took that day and its lender's year and so
    joined the January story (realdev, two texts of another occasion). A weekday the text
    names, resolved against the lender, is kept: it says when, within days."""
    if source is not None and source.startswith((TAKEN_WHOLE, YEAR_BORROWED)):
        return None
    return date_value


def placing_date(date_value: str | None, source: str | None) -> str | None:
    """The date that places an article among the days of coverage (which texts of a busy
    name's week it is counted with): its own, or one taken whole from its most similar
    text, as an agency's original takes it from a copy that prints it. Not a day and month
    read from the text with a borrowed year: that names an earlier event as often as the
    day of writing (``own_date``), and a follow-up placed on the first day paired with it
    (realdev: a later occasion joined the first day's story)."""
    if source is not None and source.startswith(YEAR_BORROWED):
        return None
    return date_value


def _neighbours(
    states: list[DateState], threshold: float, ops: OpCounter | None = None
) -> list[list[tuple[float, int]]]:
    """For each undated article, similar articles (Jaccard >= threshold), best first (by
    rarity-weighted cosine).

    Candidates come from an inverted index over each article's rarest shared words, so a
    large batch is not compared all-pairs; at most ``_MAX_POSTINGS`` postings are read per
    article and at most ``_MAX_CANDIDATES`` scored, so the work is linear in the batch.
    ``ops`` (tests) counts postings read and pairs scored.
    """
    df: Counter[str] = Counter(w for s in states for w in s.words)
    postings: dict[str, list[int]] = {}
    for index, state in enumerate(states):
        for word in _rare(state.words, df):
            postings.setdefault(word, []).append(index)
    out: list[list[tuple[float, int]]] = []
    n = len(states)

    def idf(word: str) -> float:
        return math.log(n / df[word])

    cosine = _IdfCosine(idf)

    for index, state in enumerate(states):
        if state.date is not None:
            out.append([])
            continue
        shared = _shared_postings(_rare(state.words, df), idf, postings, ops)
        shared.pop(index, None)
        candidates = heapq.nlargest(_MAX_CANDIDATES, shared, key=shared.__getitem__)
        if ops is not None:
            ops["pairs"] += len(candidates)
        similar = [j for j in candidates if jaccard(state.words, states[j].words) >= threshold]
        scored = [(cosine(index, state.words, j, states[j].words), j) for j in similar]
        # equal similarity: a neighbour dated by itself first (its date is evidence; an
        # undated one would only pass on a borrowed date), then the batch's order
        out.append(sorted(scored, key=lambda s: (-s[0], states[s[1]].date is None, s[1])))
    return out


class _IdfCosine:
    """Cosine of two word sets, each word weighted by its rarity in the batch (tf-idf
    with binary counts): the best anchor is a text of the same report, which shares its rare
    names, not one of another event written from the same template (which shares as many
    words, but common ones). Squared weights let the rare names decide where an idf-weighted
    Jaccard still let a template's common words outnumber them (docs/provenance.md).
    Generated corpora, weekday dates resolved more than 10 days from the story's date (with
    the strongest-link spreading of ``borrow_dates``): s0 45 -> 19, s7 43 -> 17; realdev
    labelled borrowed dates unchanged (docs/provenance.md).

    Each word's squared weight and each article's norm are computed once (an article is
    scored against up to ``_MAX_CANDIDATES`` others, and is a candidate of as many)."""

    def __init__(self, idf: Callable[[str], float]) -> None:
        self._idf = idf
        self._squares: dict[str, float] = {}
        self._norms: dict[int, float] = {}

    def __call__(self, i: int, a: set[str], j: int, b: set[str]) -> float:
        den = self._norm(i, a) * self._norm(j, b)
        return math.fsum(self._square(w) for w in a & b) / den if den else 0.0

    def _square(self, word: str) -> float:
        found = self._squares.get(word)
        if found is None:
            found = self._squares[word] = self._idf(word) ** 2
        return found

    def _norm(self, index: int, words: set[str]) -> float:
        found = self._norms.get(index)
        if found is None:  # fsum: order-free, exact
            found = self._norms[index] = math.sqrt(math.fsum(self._square(w) for w in words))
        return found


def _shared_postings(
    words: list[str],
    idf: Callable[[str], float],
    postings: dict[str, list[int]],
    ops: OpCounter | None,
) -> dict[int, float]:
    """The summed rarity (idf) of ``words`` (rarest first) each article holds, within the
    postings budget: a text holding the article's rare names outranks one holding more of
    its commoner words."""
    shared: dict[int, float] = {}
    budget = _MAX_POSTINGS
    for word in words:
        posting = postings.get(word, [])[:budget]
        weight = idf(word)
        for j in posting:
            shared[j] = shared.get(j, 0.0) + weight
        budget -= len(posting)
        if ops is not None:
            ops["postings"] += len(posting)
        if budget <= 0:
            break
    return shared


def _rare(words: set[str], df: Counter[str]) -> list[str]:
    shared = [w for w in words if df[w] >= 2]
    return sorted(shared, key=lambda w: (df[w], w))[:_RARE_WORDS]


def body_words(body: str) -> set[str]:
    return content_words(body, min_len=5)
