"""Batch-level line signals: short lines repeated across documents, stock paragraphs."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

from wirecheck.clean.cues import cue_hits
from wirecheck.clean.lines import ends_sentence, norm_key, split_lines, word_count
from wirecheck.model import RawDocument
from wirecheck.settings.clean import CleanSettings

_TEMPLATE_LINES = 2  # short lines two documents must share to count as one site template
# Documents per shared long line compared pairwise for the stock-paragraph test: bounds the
# work when a story is copied hundreds of times (all copies share all its lines).
_MAX_HOLDERS = 24


@dataclass(frozen=True)
class BatchSignals:
    """What the batch says about lines: short repeated lines, and stock paragraphs."""

    repeated: frozenset[str] = frozenset()
    stock: frozenset[str] = frozenset()


def batch_signals(docs: Sequence[RawDocument], settings: CleanSettings) -> BatchSignals:
    short: list[set[str]] = []
    long: list[set[str]] = []
    for doc in docs:
        keys = [(norm_key(line.text), line.text) for line in split_lines(doc.text)]
        short.append({k for k, t in keys if k and word_count(t) <= settings.short_line_words})
        long.append({k for k, t in keys if k and word_count(t) > settings.short_line_words})
    repeated = _shared(short, settings.repeated_min_docs)
    return BatchSignals(repeated=repeated, stock=_stock(docs, long, repeated, settings))


def _shared(key_sets: list[set[str]], min_docs: int) -> frozenset[str]:
    counts: Counter[str] = Counter(k for keys in key_sets for k in keys)
    return frozenset(k for k, n in counts.items() if n >= min_docs)


def _stock(
    docs: Sequence[RawDocument],
    long: list[set[str]],
    repeated: frozenset[str],
    settings: CleanSettings,
) -> frozenset[str]:
    """Long lines of one site template found in unrelated stories: the site's stock text.

    A shared long line is stock when every document holding it carries the same site
    chrome (at least two common chrome-shaped repeated lines) and two of them are
    unrelated: their names and numbers (the line's own left out) overlap below
    ``stock_max_similarity``. An agency's background sentence also turns up in unrelated
    stories, but in the agency's own texts and in copies on other sites, so no single
    template holds it all: it is news text and stays.
    """
    holders: dict[str, list[int]] = {}
    for index, keys in enumerate(long):
        for key in keys:
            holders.setdefault(key, []).append(index)
    shared = {k: v for k, v in holders.items() if len(v) >= settings.repeated_min_docs}
    chrome = [_chrome_keys(doc, repeated) for doc in docs]
    data = _StockData(chrome, [_words_without(d, chrome[i]) for i, d in enumerate(docs)])
    out = set()
    for key, members in shared.items():
        if not _one_template(chrome, members):
            continue
        line_words = len(_line_salient(docs[members[0]], key))
        if any(
            data.overlap(pair, line_words) < settings.stock_max_similarity
            for pair in combinations(members[:_MAX_HOLDERS], 2)
        ):
            out.add(key)
    return frozenset(out)


def _one_template(chrome: list[set[str]], members: list[int]) -> bool:
    """Do all these documents share at least two chrome lines (one site's template)?"""
    common = set(chrome[members[0]])
    for index in members[1:]:
        common &= chrome[index]
        if len(common) < _TEMPLATE_LINES:
            return False
    return len(common) >= _TEMPLATE_LINES


@dataclass
class _StockData:
    """Per-document chrome keys and names/numbers, with memoised pair overlaps."""

    chrome: list[set[str]]
    words: list[set[str]]
    sizes: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)

    def overlap(self, pair: tuple[int, int], line_words: int) -> float:
        if pair not in self.sizes:
            a, b = (self.words[i] for i in pair)
            self.sizes[pair] = (len(a & b), min(len(a), len(b)))
        return _overlap_without(self.sizes[pair], line_words)


def _line_salient(doc: RawDocument, key: str) -> set[str]:
    """Names and numbers of the line of ``doc`` whose key is ``key``."""
    for line in split_lines(doc.text):
        if norm_key(line.text) == key:
            return {m.group(0).lower() for m in _SALIENT.finditer(line.text)}
    return set()


def _overlap_without(sizes: tuple[int, int], line_words: int) -> float:
    """Overlap coefficient (shared / smaller set) of two documents leaving out the words of
    a line both contain: an excerpt of a story overlaps it fully, an unrelated story not."""
    inter, smaller = sizes[0] - line_words, sizes[1] - line_words
    return inter / smaller if smaller > 0 else 1.0


def _chrome_keys(doc: RawDocument, repeated: frozenset[str]) -> set[str]:
    """Keys of the document's batch-repeated lines that are chrome-shaped (a cue, or no
    sentence end: menus, widgets, other stories' headlines); repeated news sentences, which
    copies of one story share, are not chrome."""
    out: set[str] = set()
    for line in split_lines(doc.text):
        key = norm_key(line.text)
        if key in repeated and (cue_hits(line.text) or not ends_sentence(line.text)):
            out.add(key)
    return out


# Names and numbers: capitalised word runs not opening a sentence, and figures.
_SALIENT = re.compile(r"(?<![.!?\"“]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*|\d[\d,.]*\d|\d")


def _words_without(doc: RawDocument, chrome: set[str]) -> set[str]:
    """Names and numbers of a document, leaving out its chrome lines.

    Names and numbers, not all words: unrelated reports of the same kind of event share
    much vocabulary ("strike", "dockworkers") but not their places, firms and figures.
    """
    words: set[str] = set()
    for line in split_lines(doc.text):
        if norm_key(line.text) not in chrome:
            words.update(m.group(0).lower() for m in _SALIENT.finditer(line.text))
    return words
