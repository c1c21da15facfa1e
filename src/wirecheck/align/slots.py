"""What a quantity is about: its slots, and whether two versions of a measure are one fact.

A measure alone ("share of ball bearings") is not enough to call two values a conflict: one
story gives the share of several importers, of several suppliers, of several years. The slots
of a quantity mention are

* ``unit`` (share, money, count),
* ``goods`` (extraction's goods category),
* ``period`` (the year or period extraction attached),
* ``parties`` (the names of the sentence: whose imports, from whom, where).

Two versions conflict only when every slot both sides fill agrees (and at least one besides
the unit), or when no slot differs and the two sentences share a long run of words (the
passage alignment shows they are versions of one sentence). A slot filled on one side only
makes the pair "possibly the same", never a conflict; two
values one text states side by side are two facts; values that differ only inside one origin
family are an update or a copy's change (reported by ``changes``), not two sources
contradicting each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from wirecheck.align.intervals import ABOVE, APPROX, BELOW, UPPER
from wirecheck.align.similarity import MentionView, same_goods, stem, word_runs
from wirecheck.align.text import content_words

# A capitalised word (with its possessive cut off) is a name slot of the sentence.
_NAME = re.compile(r"(?<![\w'’])([A-Z][\w-]*)(?:['’]s)?")
# Capitalised words that are not parties: calendar words and sentence openers.
_NOT_PARTIES = frozenset({
    "the", "a", "an", "according", "in", "on", "at", "by", "for", "from", "of", "to", "and",
    "but", "it", "its", "this", "that", "these", "those", "he", "she", "they", "we", "i",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "mr", "ms", "mrs", "dr",
})


# The words of qualifiers ("Nearly", "More than", "About"): a sentence's capital, no name.
_QUALIFIER_WORDS = frozenset(w for q in (*BELOW, *ABOVE, *APPROX, *UPPER) for w in q.split())


@dataclass(frozen=True)
class Slots:
    """The slots of one quantity mention (empty string / empty set: not stated)."""

    unit: str
    goods: str
    period: str
    parties: frozenset[str]
    opener: str = ""  # the sentence's first word when it is a party
    # stems of the measured thing ("share of module" -> modul) and of the words around the
    # number: a goods slot one side left without a category may still name the same goods
    thing: frozenset[str] = frozenset()
    around: frozenset[str] = frozenset()

    def describe(self) -> str:
        shown = [f"unit {self.unit or '?'}"]
        shown += [f"goods {self.goods}"] if self.goods else []
        shown += [f"period {self.period}"] if self.period else []
        shown += [f"parties {', '.join(sorted(self.parties))}"] if self.parties else []
        return "; ".join(shown)


@dataclass
class Match:
    """How two versions' slots compare: ``same`` / ``possibly`` / ``different``."""

    verdict: str
    matched: list[str] = field(default_factory=list)
    reason: str = ""


def parties_of(sentence: str) -> tuple[frozenset[str], str]:
    """Names of a sentence (lower case) without function, calendar and qualifier words
    ("Nearly 40% of ..."), and its first word when that is one of them (a name opening the
    sentence, "Kestrel accounted for ...", is as much a party as any other)."""
    found = set()
    opener = ""
    for match in _NAME.finditer(sentence):
        word = match.group(1).lower()
        if word in _NOT_PARTIES or word in _QUALIFIER_WORDS or len(word) < 2:
            continue
        found.add(word)
        if sentence[:match.start()].strip(" \"'“‘(") == "":
            opener = word
    return frozenset(found), opener


def slots_of(view: MentionView) -> Slots:
    m = view.mention
    q = m.quantity
    parties, opener = parties_of(m.text)
    return Slots(
        unit=q.unit if q is not None else "",
        goods=m.goods_category or "",
        period=(q.period or "") if q is not None else "",
        parties=parties,
        opener=opener,
        thing=frozenset(stem(content_words((m.measure or "").split(" of ", 1)[-1]))),
        around=frozenset(view.measure),
    )


def _compare(name: str, a: str, b: str, match: Match) -> bool:
    """False when both fill the slot differently; records agreement and one-sided slots."""
    if a and b:
        if a != b and not (a.startswith(b) or b.startswith(a)):
            match.reason = f"{name} differs ('{a}' vs '{b}')"
            return False
        match.matched.append(f"{name} {a}")
    elif a or b:
        match.verdict = "possibly"
        match.reason = match.reason or f"{name} stated on one side only ('{a or b}')"
    return True


def _same_goods(a: Slots, b: Slots, match: Match) -> bool:
    """Goods slot: categories when both have one; else the uncategorised side's measured
    thing found among the words around the other's number ("modules" in "navigation
    modules imports") agrees."""
    if a.goods and b.goods:
        if same_goods(a.goods, b.goods) and a.goods != b.goods:
            match.matched.append(f"goods {a.goods} / {b.goods} (one the broader category)")
            return True
        return _compare("goods", a.goods, b.goods, match)
    if not (a.goods or b.goods):
        return True
    bare, other = (a, b) if not a.goods else (b, a)
    if bare.thing and bare.thing <= other.around:
        match.matched.append(f"goods {other.goods} (named '{' '.join(sorted(bare.thing))}')")
        return True
    return _compare("goods", a.goods, b.goods, match)


def _other_things(a: Slots, b: Slots) -> bool:
    """Both name what they measure, with no word in common and neither named near the other's
    number ("people" vs "buildings"); "modules" near "navigation modules" is one thing."""
    if not (a.thing and b.thing) or a.thing & b.thing:
        return False
    return not (a.thing <= b.around or b.thing <= a.around)


def compare_slots(a: Slots, b: Slots) -> Match:
    """Do two quantity mentions speak of the same thing, slot by slot?"""
    match = Match("same")
    if not _compare("unit", a.unit, b.unit, match):
        return Match("different", reason=match.reason)
    if not _same_goods(a, b, match) or not _compare("period", a.period, b.period, match):
        return Match("different", reason=match.reason)
    if _other_things(a, b):
        return Match("different", reason=f"counts other things ('{' '.join(sorted(a.thing))}'"
                                         f" vs '{' '.join(sorted(b.thing))}')")
    if a.parties and b.parties:
        only_a = a.parties - b.parties
        only_b = b.parties - a.parties
        if only_a and only_b:
            extra = sorted(only_a | only_b)
            return Match("different", reason=f"parties differ ({', '.join(extra)})")
        match.matched.append(f"parties {', '.join(sorted(a.parties & b.parties))}")
    elif a.parties or b.parties:
        match.verdict = "possibly"
        match.reason = match.reason or "parties named on one side only"
    return match


def _wording_runs(view: MentionView, run: int) -> set[tuple[str, ...]]:
    """Runs of ``run`` words without a figure: templates that share only their numbers'
    surroundings ("... million between 2020 and 2022") are not one sentence."""
    return {r for r in word_runs(view.keys, run) if not any(ch.isdigit() for w in r for ch in w)}


def versions_of_one_sentence(a: MentionView, b: MentionView, run: int) -> bool:
    """The two sentences share a run of ``run`` words (the passage alignment's anchor)."""
    return not _wording_runs(a, run).isdisjoint(_wording_runs(b, run))


def pair_match(a: MentionView, b: MentionView, run: int) -> Match:
    """Slot comparison of two mentions, upgraded when their sentences are aligned versions."""
    match = compare_slots(slots_of(a), slots_of(b))
    if match.verdict == "same" and len(match.matched) < 2:
        # the unit alone says nothing of what is counted: possibly the same, no more
        match = Match("possibly", match.matched, "no slot but the unit stated on both sides")
    if match.verdict == "possibly" and versions_of_one_sentence(a, b, run):
        return Match("same", [*match.matched, f"aligned sentences (shared run of {run} words)"])
    return match
