"""Markers every report on a beat names, whatever its event: years and places.

Two reports of one event share its own markers: the parties, people, firms, figures.
Two events written up the same way (another firm accused, another plant opened) share
the beat's places and years: "Iran", "the Netherlands", "2024" say nothing of which
event a text reports. Places are recognised by ``rigour``'s territory index (countries,
regions, capitals in the spellings it knows; ``entities/places.py`` reads the same
index). Two- and three-letter forms are left specific: as codes they collide with
ordinary capitals ("AM" in a time, "ER").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

_YEAR = re.compile(r"(?:19|20)\d\d")
_POSSESSIVE = re.compile(r"['\u2019]s$")
MIN_PLACE_CHARS = 4  # shorter place forms are codes: "am" (Armenia) is also "10 AM"


@lru_cache(maxsize=65536)
def is_generic(term: str) -> bool:
    """A year or a place (a lower-cased marker of ``text.salient_terms``)."""
    from rigour.territories import lookup_territory

    base = _POSSESSIVE.sub("", term)
    if _YEAR.fullmatch(base):
        return True
    return len(base) >= MIN_PLACE_CHARS and lookup_territory(base) is not None


def specific_markers(terms: Iterable[str]) -> frozenset[str]:
    """The markers that tell one event from another (``terms`` without years and places)."""
    return frozenset(t for t in terms if not is_generic(t))
