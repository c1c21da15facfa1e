"""The story-link decision: do two texts report one event, whatever their language?

A declared list of ``Feature(name, func, weight)`` records (``wirecheck.features``) over a
pair of texts: the English own-lead event similarity of ``story_features`` (one feature, as
the seed-era rule is one feature of the derivation score) and the language-free event keys
of ``event_keys`` (figures, Latin-script names, dates mentioned, publication dates), the keys
weighted by their rarity in the corpus (inverse document frequency: a country name or the
year that every text of the corpus carries counts little). The link probability is a
logistic model, ``p = sigmoid(bias + sum(weight x value))``; weights, bias and the story
threshold are fitted on labelled pairs by ``scripts/fit_stories.py`` and shipped in
``wirecheck/data/story_weights.json`` (the declared weights are the fallback).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Protocol

from wirecheck.features import Feature
from wirecheck.model import Explanation, FeatureScore
from wirecheck.provenance.event_keys import EventKeys
from wirecheck.provenance.story_features import StoryPoint, cheap_similarity

KeyWeights = Mapping[str, float]  # key -> inverse document frequency in the corpus
FULL_DAYS = 7  # days apart at which the publication-date feature is full


class KeyedPoint(Protocol):
    """What the story link reads of a text (a ``DocView`` is one)."""

    @property
    def keys(self) -> EventKeys | None: ...
    @property
    def day(self) -> int | None: ...


@dataclass(frozen=True, slots=True)
class StoryPair:
    """Two texts, their English event similarity and the corpus key weights."""

    a: KeyedPoint
    b: KeyedPoint
    base: float  # story_features event similarity (own leads, markers, dates)
    weights: KeyWeights


def key_weights(keys: Iterable[EventKeys]) -> dict[str, float]:
    """Inverse document frequency of every figure and name: log((n + 1) / (df + 1))."""
    df: Counter[str] = Counter()
    n = 0
    for k in keys:
        n += 1
        df.update(k.figures | k.names)
    return {key: math.log((n + 1) / (count + 1)) for key, count in df.items()}


def _cosine(x: frozenset[str], y: frozenset[str], w: KeyWeights) -> float:
    """Weighted cosine of two key sets (binary vectors, each key weighted by its rarity)."""
    sx = sum(w.get(k, 0.0) ** 2 for k in x)
    sy = sum(w.get(k, 0.0) ** 2 for k in y)
    if sx <= 0 or sy <= 0:
        return 0.0
    return sum(w.get(k, 0.0) ** 2 for k in x & y) / math.sqrt(sx * sy)


def _found(part: frozenset[str], whole: frozenset[str], w: KeyWeights) -> float:
    """Weighted share of ``part`` found in ``whole``."""
    total = sum(w.get(k, 0.0) for k in part)
    return sum(w.get(k, 0.0) for k in part & whole) / total if total > 0 else 0.0


def event_similarity(p: StoryPair) -> float:
    """The English own-lead event similarity (``story_features``; 0 across languages)."""
    return p.base


def figures_shared(p: StoryPair) -> float:
    """Rare figures in common (normalised: "7,4" = "7.4", any script's digits)."""
    if p.a.keys is None or p.b.keys is None:
        return 0.0
    return _cosine(p.a.keys.figures, p.b.keys.figures, p.weights)


def names_shared(p: StoryPair) -> float:
    """Rare Latin-script names and acronyms in common (accents folded): kept by translations."""
    if p.a.keys is None or p.b.keys is None:
        return 0.0
    return _cosine(p.a.keys.names, p.b.keys.names, p.weights)


def lead_keys_found(p: StoryPair) -> float:
    """How much of each lead's figures and names the other text has (the smaller share): a
    text on another day's event leads with its own facts and repeats the background later."""
    ka, kb = p.a.keys, p.b.keys
    if ka is None or kb is None:
        return 0.0
    return min(
        _found(ka.lead, kb.figures | kb.names, p.weights),
        _found(kb.lead, ka.figures | ka.names, p.weights),
    )


def lead_dates_differ(p: StoryPair) -> float:
    """Qualifier: both leads name a date and none is the same (two days' events)."""
    ka, kb = p.a.keys, p.b.keys
    if ka is None or kb is None or not ka.lead_dates or not kb.lead_dates:
        return 0.0
    return 0.0 if ka.lead_dates & kb.lead_dates else 1.0


def published_apart(p: StoryPair) -> float:
    """Days between the publication dates, full at ``FULL_DAYS`` (0 when either is undated)."""
    if p.a.day is None or p.b.day is None:
        return 0.0
    return min(1.0, abs(p.a.day - p.b.day) / FULL_DAYS)


LinkFeature = Feature[Callable[[StoryPair], float]]
STORY_LINK_FEATURES: tuple[LinkFeature, ...] = (
    Feature("event_similarity", event_similarity, 1.0, note="English own leads"),
    Feature("figures_shared", figures_shared, 0.5, note="any language"),
    Feature("names_shared", names_shared, 0.5, note="any Latin-script language"),
    Feature("lead_keys_found", lead_keys_found, 0.5),
    Feature("lead_dates_differ", lead_dates_differ, -0.5, qualifier=True),
    Feature("published_apart", published_apart, -0.5, qualifier=True),
)


@dataclass(frozen=True)
class StoryModel:
    """Fitted logistic weights, bias, and the story threshold on the link probability."""

    weights: Mapping[str, float]
    bias: float
    threshold: float
    source: str


WEIGHTS_FILE = "story_weights.json"
# declared fallback (no data file): the hand score alone decides, at its old threshold
_FALLBACK = StoryModel(
    weights={f.name: f.weight for f in STORY_LINK_FEATURES},
    bias=-0.5,
    threshold=0.5,
    source="declared weights",
)


@cache
def story_model() -> StoryModel:
    """The shipped fitted model (the declared one if the data file is missing)."""
    path = resources.files("wirecheck") / "data" / WEIGHTS_FILE
    if not path.is_file():
        return _FALLBACK
    data = json.loads(path.read_text(encoding="utf-8"))
    return StoryModel(
        weights=data["weights"],
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
        source=f"fitted: {data.get('fitted_on', 'labelled pairs')}",
    )


def link_values(
    pair: StoryPair, features: Sequence[LinkFeature] = STORY_LINK_FEATURES
) -> dict[str, float]:
    """Every feature value of the pair (the rows ``scripts/fit_stories.py`` fits on)."""
    return {f.name: round(float(f.func(pair)), 4) for f in features}


def link_probability(pair: StoryPair, model: StoryModel | None = None) -> float:
    """``explain_link(pair).score`` without building the Explanation (scored for every
    candidate pair and every member pair the cohesion check reads)."""
    model = model or story_model()
    values = link_values(pair)
    total = model.bias + sum(
        values[f.name] * f.weight_in(model.weights) for f in STORY_LINK_FEATURES
    )
    return round(1.0 / (1.0 + math.exp(-total)), 4)


def explain_link(pair: StoryPair, model: StoryModel | None = None) -> Explanation:
    """The link probability with every feature value and fitted weight."""
    model = model or story_model()
    values = link_values(pair)
    scores = [
        FeatureScore(
            name=f.name,
            value=values[f.name],
            weight=round(f.weight_in(model.weights), 4),
            note=f.note,
        )
        for f in STORY_LINK_FEATURES
    ]
    total = model.bias + sum(s.contribution for s in scores)
    score = round(1.0 / (1.0 + math.exp(-total)), 4)
    top = sorted((s for s in scores if s.contribution), key=lambda s: -abs(s.contribution))[:3]
    summary = ", ".join(f"{s.name}={s.value:.2f}x{s.weight:+.2f}" for s in top)
    return Explanation(
        score=score, features=scores, summary=f"same event ({model.source}): {summary}"
    )


def member_link(a: StoryPoint, b: StoryPoint, weights: KeyWeights) -> float:
    """Story link of a pair no candidate search proposed: the fitted model over the same
    features, the English part measured on whole texts (``cheap_similarity``)."""
    return link_probability(StoryPair(a, b, cheap_similarity(a, b), weights))
