"""Candidate pairs: banded LSH on MinHash (copies, excerpts) plus nearest neighbours on
lead embeddings within a date window (rewrites, translations, independent reports).

Pure batch functions; the pairs are (i, j) row indices with i < j.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations

import numpy as np
import numpy.typing as npt

from wirecheck.provenance.generic import is_generic, marks_a_week
from wirecheck.provenance.minhash import (
    U64,
    band_keys,
    candidate_pairs,
    estimated_jaccard,
    minhash_signatures,
)
from wirecheck.settings.provenance import ProvenanceSettings

Pairs = npt.NDArray[np.int64]
F32 = npt.NDArray[np.float32]
_NO_DATE = -1
_BLOCK = 2048  # most query rows per matrix product
# Most cells (query rows x compared columns) per matrix product. A cell costs ~10 bytes while
# its block is ranked (float32 score and its partitioned copy, one-byte masks): ~80 MB.
# Rows without a date compare with every article, so a fixed 2048 rows made such a block
# 2048 x n cells: ~4.9 GB of temporaries at 100,000 articles (431 MB measured at 10,000).
_MAX_CELLS = 1 << 23


def lexical_candidates(
    shingles: Sequence[U64], settings: ProvenanceSettings
) -> tuple[Pairs, npt.NDArray[np.float64], U64]:
    """LSH pairs with their estimated Jaccard (pairs below ``lsh_min_jaccard`` dropped)."""
    sigs = minhash_signatures(shingles, settings.num_perm, settings.minhash_seed)
    empty = np.array([s.size == 0 for s in shingles])
    keys = band_keys(sigs, settings.lsh_bands)
    keys[empty] = np.arange(int(empty.sum()), dtype=np.uint64)[:, None] * np.uint64(
        7919
    ) + np.uint64(1 << 63)  # empty docs must not all share one bucket
    pairs = candidate_pairs(keys)
    jac = estimated_jaccard(sigs, pairs)
    keep = jac >= settings.lsh_min_jaccard
    return pairs[keep], jac[keep], sigs


def day_numbers(days: Sequence[int | None]) -> npt.NDArray[np.int64]:
    """Day ordinals as an array (undated: ``_NO_DATE``)."""
    return np.array([_NO_DATE if d is None else d for d in days], dtype=np.int64)


def semantic_candidates(
    vectors: F32, days: npt.NDArray[np.int64], settings: ProvenanceSettings
) -> tuple[Pairs, npt.NDArray[np.float32]]:
    """Top-k neighbours by cosine among articles dated within the window (undated: all)."""
    by_day = _DayOrder.of(days)
    found = [
        _topk(vectors, block, days, settings)
        for block in by_day.blocks(settings.date_window_days)
    ]
    if not found:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.float32)
    pairs = np.concatenate([p for p, _ in found])
    sims = np.concatenate([s for _, s in found])
    return _dedupe(pairs, sims)


@dataclass(frozen=True)
class _DayOrder:
    """Rows in day order, and the undated ones (compared with every row)."""

    days: npt.NDArray[np.int64]
    order: Pairs
    sorted_days: npt.NDArray[np.int64]
    undated: Pairs

    @classmethod
    def of(cls, days: npt.NDArray[np.int64]) -> _DayOrder:
        order = np.argsort(days, kind="stable")
        sorted_days = days[order]
        return cls(days, order, sorted_days, order[sorted_days == _NO_DATE])

    def blocks(self, window: int) -> Iterator[tuple[Pairs, Pairs]]:
        """(rows, columns) blocks over the rows in day order: at most ``_BLOCK`` rows and,
        where one row compares with a wide window, at most ``_MAX_CELLS`` cells. Each row's
        neighbours depend on its own columns only, so the blocking never changes the pairs."""
        lo = 0
        while lo < self.order.size:
            size = _BLOCK
            while True:
                rows = self.order[lo : lo + size]
                cols = self.columns(self.days[rows], window)
                if rows.size == 1 or rows.size * cols.size <= _MAX_CELLS:
                    break
                size = max(1, _MAX_CELLS // cols.size)  # fewer rows: a narrower day span too
            yield rows, cols
            lo += rows.size

    def columns(self, row_days: npt.NDArray[np.int64], window: int) -> Pairs:
        """Columns to compare a block of rows with: same date window, plus every undated doc."""
        if (row_days == _NO_DATE).any():
            return self.order
        lo = np.searchsorted(self.sorted_days, row_days.min() - window, side="left")
        hi = np.searchsorted(self.sorted_days, row_days.max() + window, side="right")
        return np.unique(np.concatenate((self.order[lo:hi], self.undated)))


def _topk(
    vectors: F32,
    block: tuple[Pairs, Pairs],
    days: npt.NDArray[np.int64],
    settings: ProvenanceSettings,
) -> tuple[Pairs, npt.NDArray[np.float32]]:
    """Each row's ``knn_k`` most similar columns of cosine >= ``knn_min_cosine``; among equal
    scores (copies share one lead vector) the lowest article index first, so a row's
    neighbours never depend on which other rows share its block."""
    rows, cols = block
    sims = vectors[rows] @ vectors[cols].T
    sims[rows[:, None] == cols[None, :]] = -1.0
    sims[_far_apart(days[rows], days[cols], settings.date_window_days)] = -1.0
    k = min(settings.knn_k, cols.size - 1)
    if k <= 0:
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.float32)
    kth = np.partition(sims, cols.size - k, axis=1)[:, cols.size - k]  # each row's k-th best
    floor = np.maximum(kth, np.float32(settings.knn_min_cosine))[:, None]
    at, pos = np.nonzero(sims >= floor)  # the k best, their ties, nothing below the minimum
    score = sims[at, pos]
    ranked = np.lexsort((cols[pos], -score, at))  # per row: best first, then lowest index
    at, pos, score = at[ranked], pos[ranked], score[ranked]
    rank = np.arange(at.size) - np.searchsorted(at, at, side="left")
    top = rank < k
    r, c = rows[at[top]], cols[pos[top]]
    return np.stack((np.minimum(r, c), np.maximum(r, c)), axis=1), score[top]


def _far_apart(
    row_days: npt.NDArray[np.int64], col_days: npt.NDArray[np.int64], window: int
) -> npt.NDArray[np.bool_]:
    """Cells whose two texts are both dated and more than ``window`` days apart, built from
    one-byte masks (``abs(row - col)`` took two int64 temporaries of the block's size)."""
    dr, dc = row_days[:, None], col_days[None, :]
    far = dc > dr + window
    far |= dc < dr - window
    far &= dr != _NO_DATE
    far &= dc != _NO_DATE
    return far


def _dedupe(pairs: Pairs, sims: npt.NDArray[np.float32]) -> tuple[Pairs, npt.NDArray[np.float32]]:
    if pairs.size == 0:
        return pairs, sims
    uniq, idx = np.unique(pairs, axis=0, return_index=True)
    return uniq, sims[idx]


def merge_pairs(*sets: Pairs) -> Pairs:
    """Union of pair arrays, unique and sorted."""
    nonempty = [p for p in sets if p.size]
    if not nonempty:
        return np.zeros((0, 2), dtype=np.int64)
    return np.unique(np.concatenate(nonempty), axis=0)


def marker_candidates(
    markers: Sequence[Sequence[str]],
    days: npt.NDArray[np.int64],
    settings: ProvenanceSettings,
    shown: npt.NDArray[np.int64],
    placed: npt.NDArray[np.int64],
) -> Pairs:
    """Pairs that share ``marker_min_shared`` or more rare figures and names, any language
    (``marker_min_shared_dated`` when both show dates within the window, ``_markers_needed``).

    A translation shares no wording and its lead embedding (an English model) lands far
    from its source, but it keeps the source's numbers and names. Only markers found in at
    most ``marker_max_df`` texts are indexed, so the pairs stay bounded on large corpora;
    a name past that count still pairs the texts of its own days (``_pairs_of_its_days``)."""
    index: dict[str, list[int]] = {}
    for row, items in enumerate(markers):
        for m in set(items):
            index.setdefault(m, []).append(row)
    counts: dict[tuple[int, int], int] = {}
    for marker, rows in index.items():
        if len(rows) <= settings.marker_max_df:
            pairs: Iterable[tuple[int, int]] = combinations(rows, 2)
        elif is_generic(marker) or not marks_a_week(marker):
            continue
        else:
            pairs = _pairs_of_its_days(rows, placed, settings)
        for pair in pairs:
            counts[pair] = counts.get(pair, 0) + 1
    found = [p for p, c in counts.items() if c >= _markers_needed(days, shown, p, settings)]
    return np.array(found, dtype=np.int64).reshape(-1, 2)


def _pairs_of_its_days(
    rows: list[int], placed: npt.NDArray[np.int64], settings: ProvenanceSettings
) -> Iterator[tuple[int, int]]:
    """Pairs of texts naming a marker that the whole batch holds too often to index, whose
    dates lie within the window, where the marker is rare in those days.

    A firm or an official recurs over a year of coverage, yet names one event within a
    week. On a generated 100,000-text year, 2,803 pieces of stories had no candidate pair
    with the rest of their story, dated 0-1 days from it and sharing 9-23 markers with it,
    but only 1-2 found in at most ``marker_max_df`` texts of the whole year. Pairs stay
    bounded: at most ``marker_max_df`` texts around each day. Only names and figures count
    (``generic.marks_a_week``): years, places, legal forms and general words are the
    beat's, common within any week of it.

    A text is placed by its own date or one taken whole from its most similar text
    (``clean.datebatch.placing_date``): an agency's original often prints no date while
    its copies do. Placing by own dates only left the originals of one story's agencies
    (3 in 10 texts of the pipeline's 100,000 generated articles borrow their date) apart.
    The pair still needs the shared markers of ``_markers_needed``, which trusts a taken
    date only to lower that count, never to part two texts."""
    window, cap = settings.date_window_days, settings.marker_max_df
    dated = sorted((int(placed[r]), r) for r in rows if placed[r] != _NO_DATE)
    undated = len(rows) - len(dated)  # texts of no date may be of any day
    on = [d for d, _ in dated]
    for k, (day, row) in enumerate(dated):
        lo, hi = bisect_left(on, day - window), bisect_right(on, day + window)
        if hi - lo + undated > cap:
            continue  # common in these days too
        for _, other in dated[k + 1 : hi]:
            yield (row, other) if row < other else (other, row)


def _markers_needed(
    days: npt.NDArray[np.int64],
    shown: npt.NDArray[np.int64],
    pair: tuple[int, int],
    settings: ProvenanceSettings,
) -> int | float:
    """Shared markers a pair needs: fewer when the dates the two texts show (their own, or
    one taken from a similar text) lie within the window, so agree on the occasion; none
    will do when their own dates are further apart. A text with no date at all gives no
    such check: a later occasion's report repeats the first day's names and figures, and
    an undated translation of the first day's report would link it in (docs/provenance.md)."""
    a, b = int(days[pair[0]]), int(days[pair[1]])
    if a != _NO_DATE and b != _NO_DATE and abs(a - b) > settings.date_window_days:
        return math.inf
    sa, sb = int(shown[pair[0]]), int(shown[pair[1]])
    if sa != _NO_DATE and sb != _NO_DATE and abs(sa - sb) <= settings.date_window_days:
        return settings.marker_min_shared_dated
    return settings.marker_min_shared
