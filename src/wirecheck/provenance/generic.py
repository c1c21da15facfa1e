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

from wirecheck.align.names import is_legal_form

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


def marks_a_week(term: str) -> bool:
    """A marker that can still tell one week's event from another when the whole batch names
    it too often to index (``candidates._pairs_of_its_days``): a name of a firm or a person,
    or a figure. Not a legal form ("ltd", "bhd") or a word of the general vocabulary
    ("council", "institute", "dynamics", "minister", weekdays, common given names): the
    beat's organisations and offices are named with those words in every week.

    Figures count (s12): over a year of coverage an event's own figures (a sum, a count of
    jobs) recur in other weeks' stories, yet within its days they mark it, and the event's
    own reports by different outlets share them where their wording differs. Measured on
    the generated 100,000-article year (the provenance stage, story pair P / R): names only
    0.981 / 0.916, names and figures 0.982 / 0.979. On 5,000-article years it costs seed 7
    some precision (0.9929 -> 0.9906; s0 and s11 gain recall)."""
    return not is_legal_form(term) and term not in general_vocabulary()


@lru_cache(maxsize=1)
def general_vocabulary() -> frozenset[str]:
    """Whole words of the packaged English sentence model's WordPiece vocabulary (~22,500
    lower-case words; a list of the language's frequent words, not of any corpus)."""
    from wirecheck.provenance.static_model import teacher_path

    lines = (teacher_path() / "vocab.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(word for word in lines if word.isalpha())


def specific_markers(terms: Iterable[str]) -> frozenset[str]:
    """The markers that tell one event from another (``terms`` without years and places)."""
    return frozenset(t for t in terms if not is_generic(t))
