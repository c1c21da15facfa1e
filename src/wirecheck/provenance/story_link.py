"""The story-link decision: do two texts report one event, whatever their language?

Two English texts are linked by the own-lead event similarity of ``story_features`` (an
English static model, names and numbers, publication dates). A pair with a text in another
language gets a logistic probability over a declared list of ``Feature(name, func, weight)``
records (``wirecheck.features``): the language-free event keys of ``event_keys`` (figures,
Latin-script names, dates mentioned) weighted by their rarity among the texts of their
topic (inverse document frequency: a country name or the year that every text carries
counts little; ``topics.py`` finds the topics of a mixed pile), the publication dates,
whether the two texts are of two topics, and the English similarity (weak across
languages). ``p = sigmoid(bias + sum(weight x value))``; the weights, bias and the story
threshold (shared by both kinds of pair in the average-link clustering) are fitted on
labelled pairs by ``scripts/fit_stories.py`` and shipped in
``wirecheck/data/story_weights.json``.

Why two regimes: the key features are measured with weights from the corpus at hand; on a
single-topic corpus (the real development topics) every text shares the topic's names and
a same-story pair looks, on these features, like two same-template events of a generated
news year. One logistic model over both fitted worse on both (docs/provenance.md); across
languages the English similarity is missing and the keys are all there is.
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
from wirecheck.provenance.features import FittedModel
from wirecheck.provenance.story_features import StoryPoint, cheap_similarity

KeyWeights = Mapping[str, float]  # key -> inverse document frequency in the corpus
# publication dates: reports of one event come out over a news cycle of a day or two (time
# zones, write-throughs); the feature starts after SAME_CYCLE_DAYS and is full at FULL_DAYS
SAME_CYCLE_DAYS, FULL_DAYS = 2, 7


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
    topics_apart: bool = False  # the two texts are of two topics (``topics.py``)


def key_weights(keys: Iterable[EventKeys]) -> dict[str, float]:
    """Inverse document frequency of every figure and name: log((n + 1) / (df + 1))."""
    df: Counter[str] = Counter()
    n = 0
    for k in keys:
        n += 1
        df.update(k.figures | k.names)
    return {key: math.log((n + 1) / (count + 1)) for key, count in df.items()}


def keys_cosine(x: frozenset[str], y: frozenset[str], w: KeyWeights) -> float:
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


def not_english(p: StoryPair) -> float:
    """One text or both not in English: the event similarity (an English model) says nothing
    there, so its weight cannot speak for the pair (a missing-value indicator)."""
    if p.a.keys is None or p.b.keys is None:
        return 0.0
    return 0.0 if p.a.keys.english and p.b.keys.english else 1.0


def figures_shared(p: StoryPair) -> float:
    """Rare figures in common (normalised: "7,4" = "7.4", any script's digits)."""
    if p.a.keys is None or p.b.keys is None:
        return 0.0
    return keys_cosine(p.a.keys.figures, p.b.keys.figures, p.weights)


def names_shared(p: StoryPair) -> float:
    """Rare Latin-script names and acronyms in common (accents folded): kept by translations."""
    if p.a.keys is None or p.b.keys is None:
        return 0.0
    return keys_cosine(p.a.keys.names, p.b.keys.names, p.weights)


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
    """Days between the publication dates beyond one news cycle, full at ``FULL_DAYS``
    (0 when either is undated)."""
    if p.a.day is None or p.b.day is None:
        return 0.0
    apart = abs(p.a.day - p.b.day) - SAME_CYCLE_DAYS
    return min(1.0, max(0, apart) / (FULL_DAYS - SAME_CYCLE_DAYS))


def topics_differ(p: StoryPair) -> float:
    """Qualifier: the two texts are of two topics (``topics.py``: communities of texts that
    share keys). The keys they share are then what topics share: an agency, a capitalised
    common word of their language."""
    return 1.0 if p.topics_apart else 0.0


LinkFeature = Feature[Callable[[StoryPair], float]]
STORY_LINK_FEATURES: tuple[LinkFeature, ...] = (
    Feature("event_similarity", event_similarity, 0.0, note="English model: 0 across languages"),
    Feature("figures_shared", figures_shared, 2.0, note="any language"),
    Feature("names_shared", names_shared, 2.0, note="any Latin-script language"),
    Feature("lead_keys_found", lead_keys_found, 2.0),
    Feature("lead_dates_differ", lead_dates_differ, -0.5, qualifier=True),
    Feature("published_apart", published_apart, -0.5, qualifier=True),
    Feature("topics_differ", topics_differ, -2.0, qualifier=True),
)


StoryModel = FittedModel  # weights per feature, bias, threshold, source (as derivations)

WEIGHTS_FILE = "story_weights.json"
# declared fallback (no data file); 0.5 is the English event similarity's own threshold
_FALLBACK = StoryModel(
    weights={f.name: f.weight for f in STORY_LINK_FEATURES},
    bias=-2.0,
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
    fields = {name: data[name] for name in ("weights", "bias", "threshold")}
    return StoryModel(source=f"fitted: {data.get('fitted_on', 'labelled pairs')}", **fields)


def link_values(
    pair: StoryPair, features: Sequence[LinkFeature] = STORY_LINK_FEATURES
) -> dict[str, float]:
    """Every feature value of the pair (the rows ``scripts/fit_stories.py`` fits on)."""
    return {f.name: round(float(f.func(pair)), 4) for f in features}


def link_probability(pair: StoryPair, model: StoryModel | None = None) -> float:
    """``explain_link(pair).score`` without building the Explanation (scored for every
    candidate pair and every member pair the cohesion check reads)."""
    if not not_english(pair):
        return pair.base
    model = model or story_model()
    values = link_values(pair)
    total = model.bias + sum(
        values[f.name] * f.weight_in(model.weights) for f in STORY_LINK_FEATURES
    )
    return round(1.0 / (1.0 + math.exp(-total)), 4)


def explain_link(pair: StoryPair, model: StoryModel | None = None) -> Explanation:
    """The link score with every feature value and fitted weight."""
    if not not_english(pair):
        feat = FeatureScore(name="event_similarity", value=pair.base, weight=1.0, note="English")
        return Explanation(score=pair.base, features=[feat], summary="two English texts")
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
    total = model.bias + sum(sc.contribution for sc in scores)
    score = round(1.0 / (1.0 + math.exp(-total)), 4)
    top = sorted((s for s in scores if s.contribution), key=lambda s: -abs(s.contribution))[:3]
    summary = ", ".join(f"{s.name}={s.value:.2f}x{s.weight:+.2f}" for s in top)
    return Explanation(
        score=score, features=scores, summary=f"other language ({model.source}): {summary}"
    )


def member_link(
    a: StoryPoint, b: StoryPoint, weights: KeyWeights, topics_apart: bool = False
) -> float:
    """Story link of a pair no candidate search proposed: the fitted model over the same
    features, the English part measured on whole texts (``cheap_similarity``)."""
    return link_probability(StoryPair(a, b, cheap_similarity(a, b), weights, topics_apart))
