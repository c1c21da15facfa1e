"""Score one query party against one list entry with the declared features."""

from __future__ import annotations

from collections.abc import Mapping

from wirecheck.entities.screening.features import FEATURES, Party, ScreenFeature
from wirecheck.model import Explanation, FeatureScore

# (feature name, value, weight, note, is qualifier): plain tuples while scoring candidates;
# FeatureScore records are only built for the matches that are reported.
Raw = tuple[str, float, float, str, bool]


def raw_score(
    query: Party,
    entry: Party,
    weights: Mapping[str, float] | None = None,
    features: tuple[ScreenFeature, ...] = FEATURES,
) -> tuple[float, list[Raw]]:
    """Best weighted main feature plus the qualifier adjustments, clipped to [0, 1]."""
    values: list[Raw] = []
    best = adjust = 0.0
    for feature in features:
        value, note = feature.func(query, entry)
        weight = feature.weight_in(weights)
        values.append((feature.name, value, weight, note, feature.qualifier))
        if feature.qualifier:
            adjust += value * weight
        else:
            best = max(best, value * weight)
    return min(1.0, max(0.0, best + adjust)), values


def explain(total: float, values: list[Raw]) -> Explanation:
    """The score with every feature's value and weight, and a one-sentence summary."""
    scores = [
        FeatureScore(name=name, value=value, weight=weight, note=note)
        for name, value, weight, note, _ in values
    ]
    return Explanation(score=total, features=scores, summary=_summary(total, values))


def score_pair(
    query: Party,
    entry: Party,
    weights: Mapping[str, float] | None = None,
    features: tuple[ScreenFeature, ...] = FEATURES,
) -> Explanation:
    """``raw_score`` with its explanation."""
    return explain(*raw_score(query, entry, weights, features))


def _summary(total: float, values: list[Raw]) -> str:
    mains = [v for v in values if not v[4]]
    main = max(mains, key=lambda v: v[1] * v[2], default=None)
    parts = [f"score {total:.2f}"]
    if main is not None and main[1] > 0:
        parts.append(f"{main[0].replace('_', ' ')} {main[1]:.2f} ({main[3]})")
    fired = [v for v in values if v[4] and v[1] > 0]
    parts += [f"{n.replace('_', ' ')}: {note} ({v * w:+.2f})" for n, v, w, note, _ in fired]
    return "; ".join(parts) + "."
