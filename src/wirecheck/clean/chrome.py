"""Site chrome, line by line: a declared list of weighted features (nomenklatura-style).

Each feature is a small pure function of a line in its context; the weighted sum is
compared with ``CleanSettings.chrome_threshold``. Main features say "this is chrome"
(a cue, a short sentence-less shape, an edge position, batch repetition); qualifier
features with negative weights say "this reads like a news sentence" (a third-person
statement, a long line). The fired features name the rule shown in the UI.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from wirecheck.clean.cues import cue_hits
from wirecheck.clean.lines import ends_sentence, word_count
from wirecheck.features import Feature
from wirecheck.model import Explanation, FeatureScore
from wirecheck.settings.clean import CleanSettings

_READER = re.compile(
    r"\b(?:you|your|yours)\b|(?:^|[.!?]\s+)(?:click|tap|sign|subscribe|share|follow|join|"
    r"leave|get|stay|be|simply|download|register|log|see|watch|listen|continue|don't|do not|"
    r"rate|vote|please)\b",
    re.IGNORECASE,
)
_PARTS = re.compile(r"(?<=[.!?:])\s+")


@dataclass(frozen=True)
class LineContext:
    """What chrome features may look at: the line and where it sits in its batch."""

    text: str
    edge: bool  # within the head or tail lines of its document
    repeated: bool  # found in other documents of the batch
    settings: CleanSettings


ChromeFeature = Feature[Callable[[LineContext], float]]


def _strong_cue(ctx: LineContext) -> float:
    return 1.0 if any(strong for _, strong in cue_hits(ctx.text)) else 0.0


def _weak_cue(ctx: LineContext) -> float:
    hits = cue_hits(ctx.text)
    return 1.0 if hits and not any(strong for _, strong in hits) else 0.0


def _many_cues(ctx: LineContext) -> float:
    """Two cue families, or one family hit by two strong patterns (rating widgets...)."""
    return 1.0 if _many(ctx.text) else 0.0


@lru_cache(maxsize=65536)
def _many(text: str) -> bool:
    """Cached per line text: the features of a line are asked again across the batch."""
    if len(cue_hits(text)) >= 2:
        return True
    parts = _PARTS.split(text)
    return sum(1 for part in parts if any(s for _, s in cue_hits(part))) >= 2


def _short(ctx: LineContext) -> float:
    return 1.0 if word_count(ctx.text) <= ctx.settings.short_line_words else 0.0


def _no_sentence_end(ctx: LineContext) -> float:
    return 0.0 if ends_sentence(ctx.text) else 1.0


def _edge(ctx: LineContext) -> float:
    return 1.0 if ctx.edge else 0.0


def _repeated_short(ctx: LineContext) -> float:
    """Repetition across the batch counts only for short lines that are not news statements
    (reprints share sentences such as "The company declined to comment.")."""
    return 1.0 if ctx.repeated and _short(ctx) and not _third_person_statement(ctx) else 0.0


def _addresses_reader(ctx: LineContext) -> float:
    return 1.0 if _reader(ctx.text) else 0.0


@lru_cache(maxsize=65536)
def _reader(text: str) -> bool:
    return _READER.search(text) is not None


def _third_person_statement(ctx: LineContext) -> float:
    """Ends with a period and does not address the reader: reads like news prose."""
    stripped = ctx.text.rstrip("\"'”’) ")
    return 1.0 if stripped.endswith(".") and not _addresses_reader(ctx) else 0.0


def _long(ctx: LineContext) -> float:
    return 1.0 if word_count(ctx.text) > 2 * ctx.settings.short_line_words else 0.0


FEATURES: tuple[ChromeFeature, ...] = (
    Feature("strong-cue", _strong_cue, 0.6),
    Feature("weak-cue", _weak_cue, 0.3),
    Feature("many-cues", _many_cues, 0.2),
    Feature("short", _short, 0.25),
    Feature("no-sentence-end", _no_sentence_end, 0.15),
    Feature("edge", _edge, 0.2),
    Feature("repeated-in-batch", _repeated_short, 0.3),
    Feature("addresses-reader", _addresses_reader, 0.2),
    Feature("news-statement", _third_person_statement, -0.2),
    Feature("long-line", _long, -0.6),
)


# Features a long line cannot fire (they need a short line), and "weak-cue", which never
# fires together with "strong-cue" (a family hit is strong or weak, and weak < strong).
_NOT_WITH_LONG = frozenset({"short", "repeated-in-batch", "weak-cue"})


def long_line_ceiling() -> float:
    """The highest score a long line can get: every positive feature that can fire on a
    long line, plus the long-line penalty (0.75 with the weights above)."""
    positive = sum(f.weight for f in FEATURES if f.weight > 0 and f.name not in _NOT_WITH_LONG)
    penalty = sum(f.weight for f in FEATURES if f.name == "long-line")
    return positive + penalty


def chrome_score(ctx: LineContext) -> Explanation:
    """The weighted features of a line (those that fired) and their sum."""
    features = [
        FeatureScore(name=f.name, value=value, weight=f.weight)
        for f in FEATURES
        if (value := f.func(ctx))
    ]
    return Explanation(score=round(sum(f.contribution for f in features), 4), features=features)


@dataclass(frozen=True)
class ChromeVerdict:
    rule: str  # "cue:cookie", "repeated-in-batch"
    explanation: Explanation


def chrome_verdict(
    ctx: LineContext, threshold: float, strong_only: bool = False
) -> ChromeVerdict | None:
    """The verdict when the line is chrome, else None.

    ``strong_only`` (text already extracted from HTML by trafilatura) removes a line only
    when a strong cue fired: weak cues and batch repetition are not trusted there.
    """
    if _long(ctx) and long_line_ceiling() < threshold:
        return None  # no feature mix can lift a long line over the threshold: skip the regexes
    hits = cue_hits(ctx.text)
    if not (hits or ctx.repeated):
        return None  # neither a cue nor batch repetition can fire (see below): skip scoring
    explanation = chrome_score(ctx)
    fired = {f.name for f in explanation.features if f.weight > 0}
    # Shape and position alone never remove a line: a cue or batch repetition must fire.
    if explanation.score < threshold or not (hits or "repeated-in-batch" in fired):
        return None
    if strong_only and "strong-cue" not in fired:
        return None
    if hits:
        rule = "cue:" + next((f for f, strong in hits if strong), hits[0][0])
    else:
        rule = "repeated-in-batch"
    explanation.summary = f"{rule}: score {explanation.score:.2f} >= {threshold:.2f}"
    return ChromeVerdict(rule, explanation)
