"""Near-verbatim passages two texts share, and the word spans in which they differ.

Two bodies are anchored where they share a run of ``anchor_words`` normalised
words (spelling variants folded, see ``text.word_key``). Around each anchor the
two windows are diffed word by word (difflib's algorithm, ``diffing.py``); the
aligned passage grows across differing spans while each gap stays under
``max_gap_words``. Only the *interior* differences (with shared words on both
sides) are reported: what lies beyond the passage ends is different framing,
not a changed wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from wirecheck.align.diffing import matching_blocks
from wirecheck.align.text import Token, quote_spans, tokens
from wirecheck.settings.align import ChangeSettings


@dataclass(frozen=True)
class Gap:
    """One differing span inside an aligned passage (indices into each token list)."""

    a_from: int
    a_to: int
    b_from: int
    b_to: int


@dataclass
class AlignedRegion:
    """A passage of A aligned to a passage of B with the gaps between shared runs."""

    a_from: int
    a_to: int
    b_from: int
    b_to: int
    anchor: int  # longest shared run, in words
    gaps: list[Gap] = field(default_factory=list)  # only gaps next to an anchor-long run
    all_gaps: list[Gap] = field(default_factory=list)
    blocks: list[tuple[int, int, int]] = field(default_factory=list)  # shared runs (a, b, size)

    def agrees_at(self, a_from: int, a_to: int) -> bool:
        """True when A's words ``[a_from, a_to)`` (or the join at ``a_from``) are shared here."""
        lo, hi = (a_from, a_to) if a_to > a_from else (a_from - 1, a_from + 1)
        return any(blk[0] <= lo and hi <= blk[0] + blk[2] for blk in self.blocks)


@dataclass
class Doc:
    """A body with its tokens and quote spans (computed once per article)."""

    id: str
    body: str
    toks: list[Token]
    quotes: list[tuple[int, int]]
    keys: list[str] = field(default_factory=list)  # the tokens' keys, in order
    # n -> where each n-word run of keys starts (a doc is diffed against every other text
    # of its family: its runs are indexed once, not once per pair)
    _runs: dict[int, dict[tuple[str, ...], list[int]]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def runs(self, n: int) -> dict[tuple[str, ...], list[int]]:
        """Start positions of each n-word run of keys, runs in order of first occurrence."""
        found = self._runs.get(n)
        if found is None:
            found = {}
            keys = self.keys
            for i in range(len(keys) - n + 1):
                found.setdefault(tuple(keys[i : i + n]), []).append(i)
            self._runs[n] = found
        return found

    def quoted(self, start: int, stop: int) -> bool:
        """True when tokens ``[start, stop)`` lie inside quote marks."""
        if start >= stop:
            return False
        lo, hi = self.toks[start].start, self.toks[stop - 1].end
        return any(q0 <= lo and hi <= q1 for q0, q1 in self.quotes)

    def span(self, start: int, stop: int) -> tuple[int, int]:
        if start >= stop:
            pos = self.toks[start].start if start < len(self.toks) else len(self.body)
            return pos, pos
        return self.toks[start].start, self.toks[stop - 1].end


def make_doc(article_id: str, body: str) -> Doc:
    toks = tokens(body)
    return Doc(article_id, body, toks, quote_spans(body), [t.key for t in toks])


def _seeds(a: Doc, b: Doc, n: int) -> list[tuple[int, int]]:
    """(i, j) starts of n-word runs shared by both, one per diagonal stretch, in A's order."""
    theirs = b.runs(n)
    shared = sorted(
        (i, j) for run, starts in a.runs(n).items() if run in theirs
        for i in starts for j in theirs[run]
    )  # fmt: skip
    covered = set(shared)
    return [(i, j) for i, j in shared if (i - 1, j - 1) not in covered]


def _window_blocks(a: list[str], b: list[str], seed: tuple[int, int],
                   width: int) -> list[tuple[int, int, int]]:
    """Shared runs (a, b, size) of the two windows around a seed."""
    a0, b0 = max(0, seed[0] - width), max(0, seed[1] - width)
    a1, b1 = min(len(a), seed[0] + 2 * width), min(len(b), seed[1] + 2 * width)
    return [(m.a + a0, m.b + b0, m.size) for m in matching_blocks(a[a0:a1], b[b0:b1])]


def _region(chain: list[tuple[int, int, int]], anchor_words: int) -> AlignedRegion:
    pairs = list(pairwise(chain))
    all_gaps = [Gap(x[0] + x[2], y[0], x[1] + x[2], y[1]) for x, y in pairs]
    near_anchor = [max(x[2], y[2]) >= anchor_words for x, y in pairs]
    gaps = [g for g, keep in zip(all_gaps, near_anchor, strict=True) if keep]
    return AlignedRegion(chain[0][0], chain[-1][0] + chain[-1][2], chain[0][1],
                         chain[-1][1] + chain[-1][2], max(c[2] for c in chain), gaps,
                         all_gaps, chain)


def _grow(da: Doc, db: Doc, seed: tuple[int, int], settings: ChangeSettings,
          unique: bool) -> AlignedRegion:
    """Diff windows around a seed and keep the blocks chained by small gaps."""
    # A wide window first; where its diff matched the seed's words elsewhere (a rewrite
    # that moved paragraphs), a window of about one sentence around the seed, when the
    # seed's words occur once in each text (else the seed may pair two different sentences).
    widths = [4 * settings.max_gap_words + settings.anchor_words]
    if unique:
        widths.append(settings.max_gap_words + settings.anchor_words)
    for width in widths:
        blocks = _window_blocks(da.keys, db.keys, seed, width)
        home = next((k for k, blk in enumerate(blocks) if blk[0] <= seed[0] < blk[0] + blk[2]
                     and blk[1] - blk[0] == seed[1] - seed[0]), None)
        if home is not None:
            break
    if home is None:  # the window diff matched the words elsewhere: keep the bare seed run
        return _region([(seed[0], seed[1], settings.anchor_words)], settings.anchor_words)
    limit = settings.max_gap_words
    lo = hi = home
    while lo > 0 and _bridgeable(da, db, blocks[lo - 1], blocks[lo], limit):
        lo -= 1
    while hi + 1 < len(blocks) and _bridgeable(da, db, blocks[hi], blocks[hi + 1], limit):
        hi += 1
    return _region(blocks[lo:hi + 1], settings.anchor_words)


def _bridgeable(
    da: Doc, db: Doc, left: tuple[int, int, int], right: tuple[int, int, int], limit: int
) -> bool:
    """Small gap on both sides, and no paragraph break inside it (passages stay in one)."""
    gap_a = right[0] - (left[0] + left[2])
    gap_b = right[1] - (left[1] + left[2])
    if not (0 <= gap_a <= limit and 0 <= gap_b <= limit):
        return False
    text_a = da.body[da.toks[left[0] + left[2] - 1].end : da.toks[right[0]].start]
    text_b = db.body[db.toks[left[1] + left[2] - 1].end : db.toks[right[1]].start]
    return "\n" not in text_a and "\n" not in text_b


def aligned_regions(a: Doc, b: Doc, settings: ChangeSettings) -> list[AlignedRegion]:
    """All anchored passages A shares with B (each reported once)."""
    n = settings.anchor_words
    ours, theirs = a.runs(n), b.runs(n)
    regions: list[AlignedRegion] = []
    for seed in _seeds(a, b, n):
        if any(r.a_from <= seed[0] < r.a_to and r.b_from <= seed[1] < r.b_to for r in regions):
            continue
        run = tuple(a.keys[seed[0] : seed[0] + n])
        unique = len(ours[run]) == 1 and len(theirs[run]) == 1  # once in each text
        regions.append(_grow(a, b, seed, settings, unique))
    return regions


_YEAR = re.compile(r"^(?:19|20)\d\d$")


def is_year(key: str) -> bool:
    return _YEAR.match(key) is not None


def years_between(doc: Doc, lo: int, hi: int) -> set[str]:
    """Years (1900-2099) among the tokens starting in characters ``[lo, hi)`` of ``doc``."""
    return {t.key for t in doc.toks if lo <= t.start < hi and is_year(t.key)}
