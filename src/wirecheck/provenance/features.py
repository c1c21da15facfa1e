"""Derivation features, nomenklatura style: a declared list of ``Feature(name, func, weight)``.

Each feature is a small pure function of the pair evidence with a value in [0, 1].
The score is the weighted sum clipped to [0, 1]; qualifier features carry negative
weights. Every per-feature value is kept in the ``Explanation``. Weights can be
overridden per run (``weights=``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from wirecheck.model import Explanation, FeatureScore
from wirecheck.provenance.evidence import PairEvidence


@dataclass(frozen=True)
class Feature:
    name: str
    func: Callable[[PairEvidence], float]
    weight: float
    note: str = ""


def verbatim_containment(ev: PairEvidence) -> float:
    """How much of the shorter text's own prose (quotes excluded) is in the longer one."""
    return ev.containment_a


def long_verbatim_runs(ev: PairEvidence) -> float:
    """Share of the shorter text in long verbatim runs shared with the other (x2, capped):
    versions of one text share long runs of their own prose."""
    return min(1.0, 2.0 * ev.runs_a[0])


def aligned_sentences(ev: PairEvidence) -> float:
    """Share of the shorter text's sentences (by length) that align with the other text."""
    return ev.alignment.a_cover


def semantic_rewrite(ev: PairEvidence) -> float:
    """Aligned share reached only through the semantic channel (paraphrase, translation)."""
    return max(0.0, ev.alignment.a_cover - ev.alignment.a_lexical_cover)


def quotes_only(ev: PairEvidence) -> float:
    """Qualifier: the pair shares words mostly inside quotations (one briefing, two reports)."""
    lex = ev.alignment.a_lexical_cover
    return 1.0 if lex > 0.0 and ev.containment_a < 0.05 and ev.runs_a[1] < 8 else 0.0


def disjoint_markers(ev: PairEvidence) -> float:
    """Qualifier: few shared names/numbers (a derived text keeps its source's facts)."""
    return max(0.0, 0.3 - ev.term_overlap) / 0.3


DERIVATION_FEATURES: tuple[Feature, ...] = (
    Feature("verbatim_containment", verbatim_containment, 0.6),
    Feature("long_verbatim_runs", long_verbatim_runs, 0.5),
    Feature("aligned_sentences", aligned_sentences, 0.3),
    Feature("semantic_rewrite", semantic_rewrite, 0.5),
    Feature("quotes_only", quotes_only, -0.3),
    Feature("disjoint_markers", disjoint_markers, -0.4),
)


def explain(
    ev: PairEvidence,
    features: Sequence[Feature] = DERIVATION_FEATURES,
    weights: Mapping[str, float] | None = None,
) -> Explanation:
    """Score the pair with ``features`` and keep every value."""
    scores: list[FeatureScore] = []
    for f in features:
        weight = (weights or {}).get(f.name, f.weight)
        value = round(float(f.func(ev)), 4)
        scores.append(FeatureScore(name=f.name, value=value, weight=weight, note=f.note))
    total = sum(s.contribution for s in scores)
    score = round(min(1.0, max(0.0, total)), 4)
    top = sorted((s for s in scores if s.contribution), key=lambda s: -abs(s.contribution))[:3]
    summary = ", ".join(f"{s.name}={s.value:.2f}x{s.weight:+.2f}" for s in top)
    return Explanation(score=score, features=scores, summary=summary)
