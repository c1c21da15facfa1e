"""Batch-level line signals: short lines repeated across documents, stock paragraphs.

Linear in the batch: lines are grouped by their normalised key in dicts (a hash table,
no pairwise comparison of documents or lines); only the documents holding one shared
long line are compared, at most ``_MAX_HOLDERS`` of them, and each document's names and
numbers are computed once, when first needed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations

from wirecheck.clean.cues import cue_hits
from wirecheck.clean.lines import Line, ends_sentence, norm_key, split_lines, word_count
from wirecheck.clean.ops import OpCounter
from wirecheck.model import RawDocument
from wirecheck.settings.clean import CleanSettings

_TEMPLATE_LINES = 2  # short lines two documents must share to count as one site template
# Documents per shared long line compared pairwise for the stock-paragraph test: bounds the
# work when a story is copied hundreds of times (all copies share all its lines), so the
# work per shared line is at most 276 pairs however large the batch.
_MAX_HOLDERS = 24


@dataclass(frozen=True)
class DocLines:
    """The non-empty lines of a document and their comparison keys, computed once."""

    lines: list[Line]
    keys: list[str]


def doc_lines(doc: RawDocument) -> DocLines:
    lines = split_lines(doc.text)
    return DocLines(lines, [norm_key(line.text) for line in lines])


@dataclass(frozen=True)
class BatchSignals:
    """What the batch says about lines: short repeated lines, and stock paragraphs."""

    repeated: frozenset[str] = frozenset()
    stock: frozenset[str] = frozenset()


def batch_signals(
    docs: Sequence[RawDocument],
    settings: CleanSettings,
    prepared: Sequence[DocLines] | None = None,
    ops: OpCounter | None = None,
) -> BatchSignals:
    """Line signals of the batch; ``prepared`` reuses split lines, ``ops`` (tests) counts
    the work of the stock-paragraph test."""
    prepared = prepared if prepared is not None else [doc_lines(doc) for doc in docs]
    short: list[set[str]] = []
    long: list[set[str]] = []
    for entry in prepared:
        short_keys: set[str] = set()
        long_keys: set[str] = set()
        for line, key in zip(entry.lines, entry.keys, strict=True):
            if key:
                is_short = word_count(line.text) <= settings.short_line_words
                (short_keys if is_short else long_keys).add(key)
        short.append(short_keys)
        long.append(long_keys)
    repeated = _shared(short, settings.repeated_min_docs)
    data = _StockData(prepared, repeated)
    return BatchSignals(repeated=repeated, stock=_stock(data, long, settings, ops))


def _shared(key_sets: list[set[str]], min_docs: int) -> frozenset[str]:
    counts: Counter[str] = Counter(k for keys in key_sets for k in keys)
    return frozenset(k for k, n in counts.items() if n >= min_docs)


def _stock(
    data: _StockData, long: list[set[str]], settings: CleanSettings, ops: OpCounter | None
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
    out = set()
    for key, members in holders.items():
        if len(members) < settings.repeated_min_docs or not _one_template(data, members):
            continue
        line_words = len(data.line_salient(members[0], key))
        if any(
            data.overlap(pair, line_words, ops) < settings.stock_max_similarity
            for pair in combinations(members[:_MAX_HOLDERS], 2)
        ):
            out.add(key)
    return frozenset(out)


def _one_template(data: _StockData, members: list[int]) -> bool:
    """Do all these documents share at least two chrome lines (one site's template)?"""
    common = set(data.chrome(members[0]))
    for index in members[1:]:
        common &= data.chrome(index)
        if len(common) < _TEMPLATE_LINES:
            return False
    return len(common) >= _TEMPLATE_LINES


@dataclass
class _StockData:
    """Per-document chrome keys and names/numbers, computed when first asked for (most
    documents hold no shared long line), with memoised pair overlaps."""

    docs: Sequence[DocLines]
    repeated: frozenset[str]
    _chrome: dict[int, set[str]] = field(default_factory=dict)
    _words: dict[int, set[str]] = field(default_factory=dict)
    sizes: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)

    def chrome(self, index: int) -> set[str]:
        if index not in self._chrome:
            self._chrome[index] = _chrome_keys(self.docs[index], self.repeated)
        return self._chrome[index]

    def words(self, index: int) -> set[str]:
        if index not in self._words:
            self._words[index] = _words_without(self.docs[index], self.chrome(index))
        return self._words[index]

    def line_salient(self, index: int, key: str) -> set[str]:
        """Names and numbers of the line of document ``index`` whose key is ``key``."""
        entry = self.docs[index]
        for line, line_key in zip(entry.lines, entry.keys, strict=True):
            if line_key == key:
                return _salient(line.text)
        return set()

    def overlap(self, pair: tuple[int, int], line_words: int, ops: OpCounter | None) -> float:
        if pair not in self.sizes:
            if ops is not None:
                ops["pairs"] += 1
            a, b = (self.words(i) for i in pair)
            self.sizes[pair] = (len(a & b), min(len(a), len(b)))
        return _overlap_without(self.sizes[pair], line_words)


def _overlap_without(sizes: tuple[int, int], line_words: int) -> float:
    """Overlap coefficient (shared / smaller set) of two documents leaving out the words of
    a line both contain: an excerpt of a story overlaps it fully, an unrelated story not."""
    inter, smaller = sizes[0] - line_words, sizes[1] - line_words
    return inter / smaller if smaller > 0 else 1.0


def _chrome_keys(entry: DocLines, repeated: frozenset[str]) -> set[str]:
    """Keys of the document's batch-repeated lines that are chrome-shaped (a cue, or no
    sentence end: menus, widgets, other stories' headlines); repeated news sentences, which
    copies of one story share, are not chrome."""
    out: set[str] = set()
    for line, key in zip(entry.lines, entry.keys, strict=True):
        if key in repeated and (cue_hits(line.text) or not ends_sentence(line.text)):
            out.add(key)
    return out


# Names and numbers: capitalised word runs not opening a sentence, and figures.
_SALIENT = re.compile(r"(?<![.!?\"“]\s)(?<!^)\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*|\d[\d,.]*\d|\d")


def _salient(text: str) -> set[str]:
    return {m.group(0).lower() for m in _SALIENT.finditer(text)}


def _words_without(entry: DocLines, chrome: set[str]) -> set[str]:
    """Names and numbers of a document, leaving out its chrome lines.

    Names and numbers, not all words: unrelated reports of the same kind of event share
    much vocabulary ("strike", "dockworkers") but not their places, firms and figures.
    """
    words: set[str] = set()
    for line, key in zip(entry.lines, entry.keys, strict=True):
        if key not in chrome:
            words.update(_salient(line.text))
    return words
