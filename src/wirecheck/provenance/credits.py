"""Credit lines found by generic patterns: datelines "(AGENCY) —", "X has the story",
"via X", "X contributed to this report", "X reported", "told X", "Source: X".

No outlet is named here: the patterns catch any capitalised name in those positions.
``origin`` credits say whose text this is; ``attribution`` credits say who reported a fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from wirecheck.provenance.text import normalise

_NAME = r"((?:The |the )?[A-Z][\w&.'-]*(?: (?:of |de |la )?[A-Z][\w&.'-]*){0,4})"
_ORIGIN = [
    ("dateline", re.compile(r"\(" + r"([A-Z][A-Za-z&.' -]{0,30}[A-Za-z.])" + r"\)\s*[-:]")),
    ("has_the_story", re.compile(_NAME + r" (?:has|had) the (?:full )?story")),
    (
        "originally",
        re.compile(r"(?:originally|first) (?:published|appeared) (?:by|in|on) " + _NAME),
    ),
    ("source_line", re.compile(r"(?m)^\s*(?:Source|Via|Credit)\s*:\s*" + _NAME)),
    ("via", re.compile(r"\bvia " + _NAME)),
    ("contributed", re.compile(_NAME + r" contributed to this report")),
]
_ATTRIBUTION = [
    ("reported", re.compile(_NAME + r" (?:reported|reports|said in a report)")),
    ("told", re.compile(r"\btold " + _NAME)),
    ("according_to", re.compile(r"\baccording to " + _NAME)),
]
# a pattern runs only on texts containing one of its keywords (the regexes start with a
# name, which makes them slow to try at every capital letter)
_KEYWORDS = {
    "dateline": (") -", "):"),
    "has_the_story": (" the story", " the full story"),
    "originally": ("originally", "first published", "first appeared"),
    "source_line": ("source:", "via:", "credit:"),
    "via": ("via ",),
    "contributed": ("contributed to this report",),
    "reported": (" reported", " reports", "said in a report"),
    "told": ("told ",),
    "according_to": ("according to ",),
}
_GENERIC = {"the", "he", "she", "they", "it", "officials", "reporters", "us", "u.s"}


@dataclass(frozen=True)
class Credit:
    name: str
    kind: str  # pattern name
    origin: bool  # True: names whose text this is; False: who reported a fact
    start: int
    end: int


def credits(text: str) -> list[Credit]:
    """Credit lines of ``text`` in order of appearance (memoised: texts recur across pairs)."""
    return list(_credits(text))


@lru_cache(maxsize=4096)
def _credits(text: str) -> tuple[Credit, ...]:
    norm = normalise(text)
    lower = norm.lower()
    found: list[Credit] = []
    for origin, patterns in ((True, _ORIGIN), (False, _ATTRIBUTION)):
        for kind, rx in patterns:
            if not any(k in lower for k in _KEYWORDS[kind]):  # cheap prefilter
                continue
            for m in rx.finditer(norm):
                name = _clean(m.group(1))
                if name:
                    found.append(Credit(name, kind, origin, m.start(), m.end()))
    return tuple(sorted(found, key=lambda c: c.start))


def _clean(name: str) -> str:
    name = re.sub(r"^(?:The|the) ", "", name.strip()).rstrip(".")
    return "" if name.lower() in _GENERIC or len(name) < 2 else name


def key(name: str | None) -> str:
    """Comparable form of an outlet or credited name (case, punctuation, leading 'the')."""
    if not name:
        return ""
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^the ", "", name.lower()))


def credits_name(text: str, name: str | None) -> Credit | None:
    """The first credit of ``text`` naming ``name`` (an outlet), if any."""
    target = key(name)
    if not target:
        return None
    for credit in credits(text):
        ck = key(credit.name)
        if ck and (ck == target or (len(ck) > 3 and (ck in target or target in ck))):
            return credit
    return None


def origin_credit(text: str, head_chars: int = 600) -> Credit | None:
    """An origin credit near the top of ``text`` (dateline or 'X has the story')."""
    for credit in credits(text):
        if credit.origin and credit.start < head_chars:
            return credit
    return None
