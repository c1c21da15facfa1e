"""Pairwise features of two claim mentions: do they state the same thing?

Declared the nomenklatura way: a list of small pure feature functions with
weights (``GroupSettings.weights``), positive ones adding evidence, qualifier
ones (negative weights) vetoing; the kept per-feature values explain each merge.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from wirecheck.align.text import STOPWORDS, content_words, jaccard, tokens
from wirecheck.extract.goods import load_taxonomy
from wirecheck.model import ClaimMention, Explanation, FeatureScore

# Content words read after a quantity to tell what it measures (when extraction
# gave no ``measure``): enough for "of Dovania's lathe imports in ...".
_MEASURE_WINDOW = 10
# Prefix length of the stems compared ("machine"/"machinery" -> "machi").
_STEM = 5


@dataclass
class MentionView:
    """A mention plus the derived keys every comparison needs (computed once)."""

    mention: ClaimMention
    family: str
    story: str | None
    order: int  # article order in the analysis, for stable tie-breaks
    words: set[str] = field(default_factory=set)
    keys: list[str] = field(default_factory=list)
    measure: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)  # stemmed words, numbers left out
    changed: str = ""  # id of a Change this sentence introduced (number/negation/direction)
    speaker: frozenset[str] = frozenset()  # statement's speaker resolved in its article


def measure_words(mention: ClaimMention, body: str, stops: list[int]) -> set[str]:
    """What a quantity measures: extraction's ``measure`` plus the words after the number.

    ``stops`` are body offsets of other quantities of the same unit in the article,
    where the window ends ("90% of X ... as did 70% of Y"). Words are cut to
    prefixes (``stem``) so "Dovania's"/"Dovanian" and "imports"/"imported" meet.
    """
    found = content_words(mention.measure or "")
    quantity = mention.quantity
    if quantity is not None and quantity.end >= 0:
        limit = min([mention.end] + [s for s in stops if s > quantity.end])
        words = [
            t.key for t in tokens(body, quantity.end, limit)
            if t.key not in STOPWORDS and not any(ch.isdigit() for ch in t.key)
            and len(t.key) > 1
        ]
        found.update(words[:_MEASURE_WINDOW])
    return stem(found)


def stem(words: set[str]) -> set[str]:
    """Prefix stems: a crude stemmer, enough for set overlap of news nouns
    (hand-written: only overlap of stems is needed, no lemma is shown)."""
    return {w[:_STEM] for w in words}


FeatureFn = Callable[[MentionView, MentionView], float]


def _measure_overlap(a: MentionView, b: MentionView) -> float:
    return jaccard(a.measure, b.measure)


def same_goods(a: str, b: str) -> bool:
    """One goods category, or one the broader category of the other: a sentence that says
    "engines" where its version says "drone engines" names the same goods."""
    if a == b:
        return True
    parents = load_taxonomy().parents

    def line(c: str) -> set[str]:
        seen = {c}
        while c in parents and parents[c] not in seen:
            c = parents[c]
            seen.add(c)
        return seen

    return a in line(b) or b in line(a)


def _goods_category(a: MentionView, b: MentionView) -> float:
    ca, cb = a.mention.goods_category, b.mention.goods_category
    return 1.0 if ca and cb and same_goods(ca, cb) else 0.0


def _goods_mismatch(a: MentionView, b: MentionView) -> float:
    ca, cb = a.mention.goods_category, b.mention.goods_category
    return 1.0 if ca and cb and not same_goods(ca, cb) else 0.0


def _same_value(a: MentionView, b: MentionView) -> float:
    qa, qb = a.mention.quantity, b.mention.quantity
    if qa is None or qb is None or qa.value is None:
        return 0.0
    return 1.0 if qa.value == qb.value else 0.0


def context_words(view: MentionView) -> set[str]:
    """Stemmed sentence words without numbers (computed once per view)."""
    return stem(_no_numbers(view.words))


def _context_overlap(a: MentionView, b: MentionView) -> float:
    return jaccard(a.context, b.context)


def _same_period(a: MentionView, b: MentionView) -> float:
    pa = a.mention.quantity.period if a.mention.quantity else None
    pb = b.mention.quantity.period if b.mention.quantity else None
    return 1.0 if pa and pa == pb else 0.0


def _unit_mismatch(a: MentionView, b: MentionView) -> float:
    qa, qb = a.mention.quantity, b.mention.quantity
    if qa is None or qb is None:
        return 1.0
    return 0.0 if (qa.unit or "") == (qb.unit or "") else 1.0


def _period_mismatch(a: MentionView, b: MentionView) -> float:
    pa = a.mention.quantity.period if a.mention.quantity else None
    pb = b.mention.quantity.period if b.mention.quantity else None
    return 1.0 if pa and pb and not (pa.startswith(pb) or pb.startswith(pa)) else 0.0


def _no_numbers(words: set[str]) -> set[str]:
    return {w for w in words if not any(ch.isdigit() for ch in w)}


QUANTITY_FEATURES: dict[str, FeatureFn] = {
    "measure_overlap": _measure_overlap,
    "goods_category": _goods_category,
    "same_value": _same_value,
    "context_overlap": _context_overlap,
    "same_period": _same_period,
    "goods_mismatch": _goods_mismatch,
    "unit_mismatch": _unit_mismatch,
    "period_mismatch": _period_mismatch,
}


def quantity_score(a: MentionView, b: MentionView, weights: dict[str, float]) -> float:
    """The same score as ``quantity_pair`` without building the explanation (hot loop)."""
    raw = 0.0
    for name, func in QUANTITY_FEATURES.items():
        weight = weights.get(name, 0.0)
        if weight:
            raw += weight * func(a, b)
    return max(0.0, min(1.0, raw))


def quantity_pair(a: MentionView, b: MentionView, weights: dict[str, float]) -> Explanation:
    """Explained score that two quantity mentions measure the same thing."""
    features = [
        FeatureScore(name=name, value=round(func(a, b), 3), weight=weights.get(name, 0.0))
        for name, func in QUANTITY_FEATURES.items()
    ]
    raw = sum(f.contribution for f in features)
    score = max(0.0, min(1.0, raw))
    return Explanation(
        score=round(score, 3), features=features, summary=f"same-measure score {score:.2f}"
    )


def word_runs(keys: list[str], size: int) -> set[tuple[str, ...]]:
    """All runs of ``size`` consecutive word keys (for cheap shared-run tests)."""
    return {tuple(keys[i:i + size]) for i in range(len(keys) - size + 1)}


def statement_pair(a: MentionView, b: MentionView) -> tuple[float, int]:
    """(content-word Jaccard, number of shared content words) of two sentences."""
    shared = len(a.words & b.words)
    union = len(a.words) + len(b.words) - shared
    return (shared / union if union else 0.0), shared
