"""Derivation features, nomenklatura style: a declared list of ``Feature(name, func, weight)``.

Each feature is a small pure function of the pair evidence with a value in [0, 1]. The
decision is a logistic model over them: ``p = sigmoid(bias + sum(weight * value))``, with
the weights, bias and threshold fitted on labelled pairs (real coverage, the seeds and a
generated corpus) by ``scripts/fit_provenance.py`` and shipped in
``wirecheck/data/provenance_weights.json``. The declared weights below are only the
fallback when that file is missing. Every per-feature value is kept in the ``Explanation``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from wirecheck.features import Feature
from wirecheck.model import Explanation, FeatureScore
from wirecheck.provenance.evidence import PairEvidence
from wirecheck.provenance.order import in_order

PairFeature = Feature[Callable[[PairEvidence], float]]


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


def lexical_alignment(ev: PairEvidence) -> float:
    """Share of the shorter text aligned with near-verbatim sentences (light edits)."""
    return ev.alignment.a_lexical_cover


def source_coverage(ev: PairEvidence) -> float:
    """Share of the longer text that the shorter one has a counterpart for."""
    return ev.alignment.b_cover


def semantic_rewrite(ev: PairEvidence) -> float:
    """Aligned share reached only through the semantic channel (paraphrase, translation)."""
    return max(0.0, ev.alignment.a_cover - ev.alignment.a_lexical_cover)


def lead_similarity(ev: PairEvidence) -> float:
    """Cosine of the two leads' embeddings (clipped at 0)."""
    return max(0.0, ev.lead_cosine)


def markers_kept(ev: PairEvidence) -> float:
    """Share of the shorter text's names/numbers that the longer one also has."""
    return ev.markers_kept


def numbers_in_order(ev: PairEvidence) -> float:
    """Share of the shorter text's numbers found in the same order in the other (any
    language): a rewrite or translation keeps its source's figures in its order."""
    return in_order(ev.a.numbers, ev.b.numbers)


def names_in_order(ev: PairEvidence) -> float:
    """Share of the shorter text's names (first mentions) in the same order in the other."""
    return in_order(ev.a.names, ev.b.names)


def cross_language(ev: PairEvidence) -> float:
    """The two texts are in different languages (share of English function words differs):
    a translation shares no wording, so the language-free features must carry it."""
    return 1.0 if abs(ev.a.english_share - ev.b.english_share) > _LANGUAGE_GAP else 0.0


def copy_or_version(ev: PairEvidence) -> float:
    """The seed-era rule as one feature: the shorter text's prose is contained in the other
    (copy, excerpt), or most of it has a counterpart there *and* part of it is worded alike
    (version, rewrite, summary), with names/numbers kept and close leads. It separates the
    seeds and generated rewrites perfectly; real rewrites reword more (issue #14), so its
    weight is fitted beside the other features instead of deciding alone."""
    s = ev.settings
    if not ev.could_derive:
        return 0.0
    if ev.containment_a >= s.excerpt_containment_min:
        return 1.0
    al = ev.alignment
    source_share = min(0.3, 0.5 * ev.length_ratio)  # a summary covers little of its source
    if al.a_cover < s.rewrite_cover_min or al.b_cover < source_share:
        return 0.0
    return 1.0 if al.a_lexical_cover >= s.rewrite_lexical_min else 0.0


def quotes_only(ev: PairEvidence) -> float:
    """Qualifier: the pair shares words mostly inside quotations (one briefing, two reports)."""
    lex = ev.alignment.a_lexical_cover
    return 1.0 if lex > 0.0 and ev.containment_a < 0.05 and ev.runs_a[1] < 8 else 0.0


def disjoint_markers(ev: PairEvidence) -> float:
    """Qualifier: few shared names/numbers (a derived text keeps its source's facts)."""
    return max(0.0, 0.3 - ev.term_overlap) / 0.3


# English texts have ~0.35-0.45 of their words in the function-word list, other Latin-script
# languages < 0.1 (a few shared words such as "a", "in"), CJK/Arabic 0.
_LANGUAGE_GAP = 0.15

DERIVATION_FEATURES: tuple[PairFeature, ...] = (
    Feature("verbatim_containment", verbatim_containment, 0.6),
    Feature("long_verbatim_runs", long_verbatim_runs, 0.5),
    Feature("aligned_sentences", aligned_sentences, 0.3),
    Feature("lexical_alignment", lexical_alignment, 0.0),
    Feature("source_coverage", source_coverage, 0.0),
    Feature("semantic_rewrite", semantic_rewrite, 0.5),
    Feature("lead_similarity", lead_similarity, 0.0),
    Feature("markers_kept", markers_kept, 0.0),
    Feature("numbers_in_order", numbers_in_order, 0.0),
    Feature("names_in_order", names_in_order, 0.0),
    Feature("cross_language", cross_language, 0.0),
    Feature("copy_or_version", copy_or_version, 1.0),
    Feature("quotes_only", quotes_only, -0.3, qualifier=True),
    Feature("disjoint_markers", disjoint_markers, -0.4, qualifier=True),
)


@dataclass(frozen=True)
class FittedModel:
    """Logistic weights per feature, the bias and the decision threshold on ``p``."""

    weights: Mapping[str, float]
    bias: float
    threshold: float
    source: str  # where the numbers come from (shown in explanations)


WEIGHTS_FILE = "provenance_weights.json"


@cache
def fitted_model() -> FittedModel | None:
    """The shipped fitted model (``None`` if the data file is missing)."""
    path = resources.files("wirecheck") / "data" / WEIGHTS_FILE
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return FittedModel(
        weights=data["weights"],
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
        source=f"fitted: {data.get('fitted_on', 'labelled pairs')}",
    )


def feature_values(
    ev: PairEvidence, features: Sequence[PairFeature] = DERIVATION_FEATURES
) -> dict[str, float]:
    """Every feature value of the pair (the rows ``scripts/fit_provenance.py`` fits on)."""
    return {f.name: round(float(f.func(ev)), 4) for f in features}


def explain(
    ev: PairEvidence,
    features: Sequence[PairFeature] = DERIVATION_FEATURES,
    model: FittedModel | None = None,
) -> Explanation:
    """Score the pair (probability of one deriving from the other) and keep every value."""
    return explanation_of(feature_values(ev, features), features, model or fitted_model())


def explanation_of(
    values: Mapping[str, float], features: Sequence[PairFeature], model: FittedModel | None
) -> Explanation:
    """The Explanation of the pair whose feature values are ``values``."""
    scores = [
        FeatureScore(name=f.name, value=values[f.name], weight=w, note=f.note)
        for f, w in zip(features, _weights(features, model), strict=True)
    ]
    top = sorted((s for s in scores if s.contribution), key=lambda s: -abs(s.contribution))[:3]
    summary = ", ".join(f"{s.name}={s.value:.2f}x{s.weight:+.2f}" for s in top)
    score = _score(sum(s.contribution for s in scores), model)
    return Explanation(score=score, features=scores, summary=summary)


def score_of(
    values: Mapping[str, float],
    features: Sequence[PairFeature] = DERIVATION_FEATURES,
    model: FittedModel | None = None,
) -> float:
    """``explanation_of(values, ...).score`` without building it (most pairs are no edge)."""
    model = model or fitted_model()
    weights = _weights(features, model)
    return _score(sum(values[f.name] * w for f, w in zip(features, weights, strict=True)), model)


# Features that read the sentence alignment, the costly part of a pair's evidence (sentence
# vectors, lexical and semantic matching); ``copy_or_version`` reads it only past its gate.
_READ_ALIGNMENT = frozenset(
    {"aligned_sentences", "lexical_alignment", "source_coverage", "semantic_rewrite", "quotes_only"}
)


def best_case(
    ev: PairEvidence,
    features: Sequence[PairFeature] = DERIVATION_FEATURES,
    model: FittedModel | None = None,
) -> float:
    """The highest score the pair can reach whatever its sentence alignment gives.

    Every feature that reads the alignment is put at the end of [0, 1] its weight favours
    (``copy_or_version`` too once its cheap gate passes; before, it is 0 without reading
    it); the others take their values. Float sums and the logistic are monotone, so a pair
    whose best case is below the threshold is no edge, and its alignment is never computed:
    most candidate pairs are reports of one event that share no wording (hand-written: a
    bound over this project's own declared features)."""
    model = model or fitted_model()
    total = 0.0
    for f, w in zip(features, _weights(features, model), strict=True):
        if f.name in _READ_ALIGNMENT or (f.name == "copy_or_version" and ev.could_derive):
            value = 1.0 if w > 0 else 0.0
        else:
            value = round(float(f.func(ev)), 4)
        total += value * w
    return _score(total, model)


def _weights(features: Sequence[PairFeature], model: FittedModel | None) -> list[float]:
    return [round(f.weight_in(model.weights if model else None), 4) for f in features]


def _score(total: float, model: FittedModel | None) -> float:
    if model is not None:
        return round(1.0 / (1.0 + math.exp(-(model.bias + total))), 4)
    return round(min(1.0, max(0.0, total)), 4)


def threshold() -> float:
    """The decision threshold on the score (fitted; 0.5 for the declared fallback)."""
    model = fitted_model()
    return model.threshold if model is not None else 0.5
