"""Evidence about one candidate pair, computed once and read by every feature."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from wirecheck.provenance.align import Alignment, Match, align, lexical_matches, shared_runs
from wirecheck.provenance.minhash import in_sorted
from wirecheck.provenance.text import marker_overlap, nested_overlap
from wirecheck.provenance.views import DocView
from wirecheck.settings.provenance import ProvenanceSettings


@dataclass
class PairEvidence:
    """Two views (``a`` the shorter or equal, ``b`` the longer) and what they share."""

    a: DocView
    b: DocView
    settings: ProvenanceSettings
    jaccard_estimate: float | None = None  # MinHash estimate, when the batch computed one

    def approx_containment(self) -> float:
        """Containment of ``a`` in ``b`` from the MinHash estimate (exact when none):
        |A n B| = J (|A| + |B|) / (1 + J). Used only to gate the exact computations."""
        j = self.jaccard_estimate
        na, nb = self.a.gram_set.size, self.b.gram_set.size
        if j is None or na == 0:
            return self.containment_a
        return min(1.0, j * (na + nb) / ((1.0 + j) * na))

    @cached_property
    def lead_shared(self) -> bool:
        """Whether a fifth or more of either lead's shingles (and at least 3) are found
        verbatim in the other text (site chrome, a copied lead, a stock paragraph)."""
        for x, y in ((self.a, self.b), (self.b, self.a)):
            if x.lead_grams.size == 0:
                continue
            hits = int(in_sorted(x.lead_grams, y.gram_set).sum())
            if hits >= 3 and hits >= 0.2 * x.lead_grams.size:
                return True
        return False

    @cached_property
    def containment_a(self) -> float:
        """Share of ``a``'s own prose shingles (quotes blanked) found in ``b``."""
        return _containment(self.a, self.b)

    @cached_property
    def containment_b(self) -> float:
        return _containment(self.b, self.a)

    @cached_property
    def runs_a(self) -> tuple[float, int]:
        return shared_runs(self.a, self.b, self.settings.shingle_k, self.settings.run_min_words)

    @cached_property
    def runs_b(self) -> tuple[float, int]:
        return shared_runs(self.b, self.a, self.settings.shingle_k, self.settings.run_min_words)

    @cached_property
    def lexical(self) -> list[Match]:
        """Sentences of ``a`` found near-verbatim in ``b`` (cheap, vectorised)."""
        return lexical_matches(self.a, self.b, self.settings)

    @cached_property
    def alignment(self) -> Alignment:
        """Lexical plus semantic sentence alignment (needs sentence vectors)."""
        return align(self.a, self.b, self.settings, self.lexical)

    @property
    def could_derive(self) -> bool:
        """Cheap gate before alignment: most of the shorter text's prose is in the other, or
        the leads are close and the names/numbers agree as a rewrite's would."""
        s = self.settings
        if self.markers_kept < s.derived_marker_min:
            return False
        if self.approx_containment() >= s.excerpt_containment_min - 0.15:
            return True
        return self.lead_cosine >= s.rewrite_lead_min and self.term_overlap >= s.rewrite_marker_min

    @cached_property
    def lead_cosine(self) -> float:
        if self.a.vector is None or self.b.vector is None:
            return 0.0
        return float(np.dot(self.a.vector, self.b.vector))

    @cached_property
    def term_overlap(self) -> float:
        """Overlap of salient markers (names, numbers) relative to the smaller set."""
        return marker_overlap(self.a.terms, self.b.terms)

    @cached_property
    def markers_kept(self) -> float:
        """Share of the shorter text's names/numbers that the longer one also has (a copy or
        excerpt keeps them all; a same-template text about another company does not)."""
        if not self.a.terms:
            return 1.0
        return len(self.a.terms & self.b.terms) / len(self.a.terms)

    @cached_property
    def specific_kept(self) -> float:
        """Share of the specific markers (``generic.py``: names and figures, not years or
        places) of the text with fewer that the other also has, a short form inside a long
        one counted; 1.0 when either text has none (nothing to keep or to check against).
        The exact overlap is all a pair at or above the veto's cut pays for (most of ~1M
        candidate pairs at 100k); the nested forms are sought only below it."""
        if not self.a.specific or not self.b.specific:
            return 1.0
        exact = marker_overlap(self.a.specific, self.b.specific)
        if exact >= self.settings.derived_specific_min:
            return exact
        return nested_overlap(self.a.specific, self.b.specific)

    @property
    def length_ratio(self) -> float:
        return self.a.n_words / max(self.b.n_words, 1)

    @property
    def other_language(self) -> bool:
        la, lb = self.a.article.language, self.b.article.language
        return bool(la and lb and la.split("-")[0] != lb.split("-")[0])


def _containment(x: DocView, y: DocView) -> float:
    if x.gram_set.size == 0:
        return 0.0
    return float(in_sorted(x.gram_set, y.gram_set).mean())


def ordered(
    x: DocView, y: DocView, settings: ProvenanceSettings, jaccard: float | None = None
) -> PairEvidence:
    """Evidence with the shorter text first; ties broken by content (``views.text_key``),
    so pairs are stable and the same from any folder."""
    if (x.n_words, x.content) <= (y.n_words, y.content):
        return PairEvidence(x, y, settings, jaccard)
    return PairEvidence(y, x, settings, jaccard)
