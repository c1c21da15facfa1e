"""Quantities as intervals, and whether two quantities can both be true.

SPEC "Quantity": qualifiers map to intervals (``nearly 70%`` -> [~65, 70),
``more than 70%`` -> (70, ~75], ``about 90%`` -> [~85, ~95], bare ``70%`` ->
70 +- rounding). Two mentions conflict when their intervals do not overlap.
Extraction may already give ``low``/``high``; when it gives only a value and a
qualifier, the interval is built here from the settings.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from wirecheck.model import Quantity
from wirecheck.settings.align import QuantitySettings

# Generic qualifier lexicon (English), grouped by the interval shape they give.
BELOW = frozenset(
    {
        "nearly",
        "almost",
        "just under",
        "just below",
        "close to",
        "up to",
        "under",
        "less than",
        "fewer than",
        "below",
        "not quite",
        "shy of",
    }
)
ABOVE = frozenset(
    {
        "more than",
        "over",
        "above",
        "at least",
        "upwards of",
        "in excess of",
        "greater than",
        "exceeding",
        "just over",
        "just above",
        "some more than",
    }
)
APPROX = frozenset(
    {
        "about",
        "around",
        "approximately",
        "roughly",
        "some",
        "circa",
        "nearly about",
        "an estimated",
        "estimated",
        "approx",
        "approx.",
        "~",
        "about some",
    }
)
_STRICT = frozenset(
    {
        "nearly",
        "almost",
        "just under",
        "just below",
        "less than",
        "fewer than",
        "below",
        "under",
        "not quite",
        "shy of",
        "more than",
        "over",
        "above",
        "greater than",
        "exceeding",
        "just over",
        "just above",
        "in excess of",
    }
)


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_inclusive: bool = True
    high_inclusive: bool = True

    def overlaps(self, other: Interval) -> bool:
        """True when some number lies in both intervals (open ends respected)."""
        low = max(self.low, other.low)
        high = min(self.high, other.high)
        if low != high:
            return low < high
        low_inc = all(i.low_inclusive for i in (self, other) if i.low == low)
        high_inc = all(i.high_inclusive for i in (self, other) if i.high == high)
        return low_inc and high_inc

    def describe(self) -> str:
        left = "[" if self.low_inclusive else "("
        right = "]" if self.high_inclusive else ")"
        return f"{left}{self.low:g}, {self.high:g}{right}"


# Upper-bound wordings of a count that read as "no more than" ("as many as 20 people").
UPPER = frozenset({"as many as", "up to", "at most", "no more than"})


def qualifier_class(words: str) -> str | None:
    """below/above/about/upper for a qualifier wording, None for any other words."""
    words = words.strip().lower()
    if words in UPPER:
        return "upper"
    if words in BELOW:
        return "below"
    if words in ABOVE:
        return "above"
    if words in APPROX and words not in ("some", "~"):
        return "about"
    return None


def qualifier_key(quantity: Quantity) -> str:
    return (quantity.qualifier or "").strip().lower()


def to_interval(quantity: Quantity, settings: QuantitySettings) -> Interval | None:
    """The interval a quantity stands for; ``None`` when it has no number at all.

    Extraction's own interval is used when it gave one (``low < high``), so the
    numbers shown with a quantity and in a conflict note are the same; otherwise
    the interval is built here from the qualifier.
    """
    low, high = quantity.low, quantity.high
    if settings.use_extracted and low is not None and high is not None and low < high:
        return Interval(low, high, quantity.low_inclusive, quantity.high_inclusive)
    if settings.use_extracted and low is not None and high is None and quantity.qualifier:
        # "at least four": extraction leaves it open above; a toll of "at least four"
        # excludes no higher figure
        return Interval(low, math.inf, quantity.low_inclusive, True)
    value = _value(quantity)
    if value is None:
        return None
    qual = qualifier_key(quantity)
    spread = abs(value) * settings.approx_relative
    if qual in BELOW:
        return Interval(value - spread, value, True, qual not in _STRICT)
    if qual in ABOVE:
        return Interval(value, value + spread, qual not in _STRICT, True)
    if qual in APPROX:
        return Interval(value - spread, value + spread)
    rounding = settings.bare_rounding * _unit_step(value)
    return Interval(value - rounding, value + rounding)


def _value(quantity: Quantity) -> float | None:
    if quantity.value is not None:
        return quantity.value
    if quantity.low is not None and quantity.high is not None:
        if qualifier_key(quantity) in BELOW:
            return quantity.high
        if qualifier_key(quantity) in ABOVE:
            return quantity.low
        return (quantity.low + quantity.high) / 2
    return quantity.low if quantity.low is not None else quantity.high


def _unit_step(value: float) -> float:
    """One unit of the number as written: 70 -> 1, 0.5 -> 0.1, 900e6 ("900 million") -> 1e6."""
    magnitude = abs(value)
    if magnitude < 1:
        return 0.1
    step = 1.0
    while magnitude >= 1000 * step:
        step *= 1000
    return step


def compatible(left: Quantity, right: Quantity, settings: QuantitySettings) -> bool | None:
    """True/False when both have numbers (same unit), ``None`` when they cannot be compared."""
    if (left.unit or "") != (right.unit or ""):
        return None
    a, b = to_interval(left, settings), to_interval(right, settings)
    if a is None or b is None:
        return None
    return a.overlaps(b)
