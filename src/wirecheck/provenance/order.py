"""Language-free order evidence: the numbers and names of a text, in text order.

A rewrite or a translation keeps its source's figures and names and, mostly, their order;
two independent reports of one briefing share the facts but order the rest themselves.
These sequences survive translation into any language that writes digits (all of the
realdev languages) and, for names, any Latin-script language.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz.distance import LCSseq

_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_NAME = re.compile(r"\b[A-Z][a-zA-Z]{2,}")
_LETTERS = re.compile(r"[^\W\d_]+")
# the commonest English function words: their share in a text tells English from the rest
_ENGLISH = frozenset(
    {"the", "of", "and", "to", "in", "is", "that", "for", "on", "was", "with", "as", "by"}
    | {"at", "from", "has", "have", "said", "it", "be", "were", "an", "are", "this", "which"}
)
MAX_ITEMS = 40  # first mentions kept per text: the lead and body carry the order


def number_sequence(text: str) -> tuple[str, ...]:
    """Numbers of two or more digits, separators dropped ("7.4" and "7,4" alike)."""
    found = (re.sub(r"\D", "", m.group(0)) for m in _NUMBER.finditer(text))
    return tuple(n for n in found if len(n) >= 2)[:MAX_ITEMS]


def name_sequence(text: str) -> tuple[str, ...]:
    """Capitalised words of three or more letters, first mention only, in text order."""
    seen: dict[str, None] = {}
    for m in _NAME.finditer(text):
        seen.setdefault(m.group(0), None)
        if len(seen) >= MAX_ITEMS:
            break
    return tuple(seen)


def english_share(text: str) -> float:
    """Share of words that are common English function words."""
    words = [w.lower() for w in _LETTERS.findall(text)]
    return sum(w in _ENGLISH for w in words) / len(words) if words else 0.0


def in_order(a: Sequence[str], b: Sequence[str], min_items: int = 2) -> float:
    """Longest common subsequence of ``a`` and ``b`` over the shorter's length (0 when the
    shorter has fewer than ``min_items``: one shared figure says nothing about order)."""
    short = min(len(a), len(b))
    if short < min_items:
        return 0.0
    return float(LCSseq.similarity(list(a), list(b))) / short
