"""How close each sentence of a story's text usually is to the story's other texts.

A translated sentence is told from an independent report's sentence on the same fact by
standing out against this background (``translations.py``). The background of a pair
(x, y) is x's sentences against every text of y's language but x, y and the other texts
of their origin families (``StoryBackground``). Computed pair by pair it would cost the
whole story's sentences for each of the story's cross-language pairs (quadratic in the
story twice over); here each text's similarities are summed per other text once, so a
pair's background is a subtraction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from wirecheck.model import Article
from wirecheck.provenance.text import Sentence

F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
_TINY = 1e-6  # keeps a constant background from dividing by zero


@dataclass
class EncodedText:
    """A story member's sentences (those the translation step keeps), their figures and
    vectors (one unit row per sentence)."""

    article: Article
    language: str
    sentences: list[Sentence]
    figures: list[frozenset[str]]
    vectors: F32


@dataclass
class _Sums:
    """One text's sentences against every text of the story: sums and sums of squares of
    the similarities (sentences x texts), and their totals per language."""

    sums: F64
    squares: F64
    by_language: dict[str, tuple[F64, F64]]


class StoryBackground:
    """``family_of`` (article id -> family id) leaves each text's copies out of its
    background: a copy of the source is the source again, and would hide how close a
    translated sentence is to it (a sample story with three copies of its wire text: the
    best sentence of the translation at 2.35 standard deviations with them, 4.93 without)."""

    def __init__(
        self, texts: Sequence[EncodedText], family_of: Mapping[str, str] | None = None
    ) -> None:
        self._texts = list(texts)
        self._index = {id(t): k for k, t in enumerate(self._texts)}
        self._sizes = np.array([len(t.sentences) for t in self._texts], dtype=np.float64)
        self._language = np.array([t.language for t in self._texts], dtype=object)
        family_of = family_of or {}
        self._family = np.array(
            [family_of.get(t.article.id, t.article.id) for t in self._texts], dtype=object
        )
        self._starts = np.cumsum([0] + [len(t.sentences) for t in self._texts])[:-1]
        self._all = (
            np.vstack([t.vectors for t in self._texts]).astype(np.float64)
            if self._texts else np.zeros((0, 0))
        )
        self._rows: dict[int, _Sums] = {}

    def of(self, x: EncodedText, y: EncodedText) -> tuple[F64, F64] | None:
        """Mean and standard deviation of each of x's sentences' similarities to the
        sentences of the story's texts in y's language, x, y and their families' other
        texts left out (all other texts when none of y's language is left); None when no
        text is left."""
        kx, ky = self._index[id(x)], self._index[id(y)]
        row = self._row(kx)
        not_x = self._family != self._family[kx]  # x and its copies are never its background
        kin_y = self._family == self._family[ky]  # y and its copies: y again
        language = (self._language == y.language) & not_x
        pool = language & ~kin_y
        if pool.any():
            if y.language not in row.by_language:  # x's totals per language, y's kin still in
                row.by_language[y.language] = _totals(row, language)
            total, squares = row.by_language[y.language]
            taken = language & kin_y
            if taken.any():
                kin_total, kin_squares = _totals(row, taken)
                total, squares = total - kin_total, squares - kin_squares
        else:
            pool = not_x & ~kin_y
            if not pool.any():
                return None
            total, squares = _totals(row, pool)
        count = float(self._sizes[pool].sum())
        mean = total / count
        variance = np.maximum(squares / count - mean**2, 0.0)
        return mean, np.sqrt(variance) + _TINY

    def _row(self, k: int) -> _Sums:
        if k not in self._rows:
            sims = self._texts[k].vectors.astype(np.float64) @ self._all.T
            self._rows[k] = _Sums(
                np.add.reduceat(sims, self._starts, axis=1),
                np.add.reduceat(sims**2, self._starts, axis=1),
                {},
            )
        return self._rows[k]


def _totals(row: _Sums, texts: npt.NDArray[np.bool_]) -> tuple[F64, F64]:
    return row.sums[:, texts].sum(axis=1), row.squares[:, texts].sum(axis=1)
