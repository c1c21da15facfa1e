"""Text units for provenance: normalised tokens, sentences with character spans, quote masks.

Pure functions over strings. Sentences are found with a small regex splitter (not
spaCy): provenance must run at ~6 ms per article, and spaCy runs later, once, in
the extract stage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from wirecheck.memory import stage_cache

# Typographic punctuation mapped to ASCII so that "China’s" and "China's" hash alike.
_PUNCT = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
    }
)
_WORD = re.compile(r"\w+(?:['.]\w+)*")
_SENT_END = re.compile(
    r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])|\n\s*\n|\n"
)
_QUOTED = re.compile(r"\"[^\"\n]{3,}?\"")
# a name: one or more capitalised words (possibly joined by "of", "de", "&")
_CAPWORD = re.compile(r"\b[A-Z][\w'-]*[A-Za-z0-9](?:(?: (?:of|de|&) | )[A-Z][\w'-]*[A-Za-z0-9])*")
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


def normalise(text: str) -> str:
    """ASCII punctuation, same length as the input (so spans stay valid)."""
    return text.translate(_PUNCT)


def words(text: str) -> list[str]:
    """Lower-cased word tokens of ``text``."""
    return [m.group(0) for m in _WORD.finditer(normalise(text).lower())]


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, lower-cased word) for every word of ``text``."""
    return [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(normalise(text).lower())]


@dataclass(frozen=True, slots=True)  # ~2M of them at 100k articles
class Sentence:
    start: int
    end: int
    text: str


def sentences(text: str) -> list[Sentence]:
    """Sentences (or lines) of ``text`` with their character spans; blank pieces dropped."""
    out: list[Sentence] = []
    pos = 0
    for match in _SENT_END.finditer(text):
        _add_sentence(out, text, pos, match.start())
        pos = match.end()
    _add_sentence(out, text, pos, len(text))
    return out


def _add_sentence(out: list[Sentence], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        out.append(Sentence(start + lead, start + lead + len(stripped), stripped))


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of direct quotations (text between double quotes)."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(normalise(text))]


def mask_quotes(text: str) -> str:
    """``text`` with every direct quotation blanked out (same length, spans stay valid).

    Quoted words are shared by independent reports of one briefing, so they must not
    count as copied prose.
    """
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), normalise(text))


# Generic capitalised words that say nothing about which event a text reports
# (sentence-initial function words, weekdays, months, generic titles): a generic lexicon.
_NOT_MARKERS = frozenset(
    """
    a an the this that these those there their they them he she it its we our you i in
    on at by for from of to with as and but or if when while after before during since
    until however meanwhile also still yet so then thus although though despite
    according last next more most many some other another one two three first new its
    his her who what which where why how mr mrs ms dr monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september
    october november december president minister officials official spokesman
    spokeswoman government ministry company reporters read share subscribe
    """.split()  # noqa: SIM905 (a word list reads better as text)
)


def salient_terms(text: str) -> set[str]:
    """Cheap event markers: names (runs of capitalised words, a generic stop list removed
    from their start) and numbers of three or more digits or with decimals (1-2 digit
    numbers recur across unrelated events). A single capitalised word that opens a
    sentence counts only if it is also capitalised inside some sentence ("Critics say"
    is not a name; "China said" is, when China appears elsewhere)."""
    norm = normalise(text)
    found = [(m.group(0), _opens_sentence(norm, m.start())) for m in _CAPWORD.finditer(norm)]
    inside = {w for w, first in found if not first}
    names = {_strip_stop(w.lower()) for w, first in found if not first or " " in w or w in inside}
    nums = {m.group(0).replace(",", "") for m in _NUMBER.finditer(norm)}
    return {n for n in names if n} | {n for n in nums if len(n) >= 3}


def marker_overlap(x: frozenset[str] | set[str], y: frozenset[str] | set[str]) -> float:
    """Markers in common relative to the smaller set."""
    small = min(len(x), len(y))
    return len(x & y) / small if small else 0.0


def nested_overlap(x: frozenset[str] | set[str], y: frozenset[str] | set[str]) -> float:
    """``marker_overlap`` where a marker also matches a longer one that holds it as whole
    words: a short form ("Altquist Components LLC") inside a long one ("Altquist Components
    LLC of Thailand", "Industry Minister Kofi Fernandez"); one text's forms are not another's."""
    small, large = (x, y) if len(x) <= len(y) else (y, x)
    if not small:
        return 0.0
    # "m holds n as whole words" is "n is a run of m's words": set lookups instead of a
    # substring test for every pair of markers (that loop: 6-10% of provenance at 10k)
    inside_large = _runs_of_all(frozenset(large))
    found = sum(1 for m in small if m in inside_large or not large.isdisjoint(_word_runs(m)))
    return found / len(small)


@stage_cache
@lru_cache(maxsize=65536)
def _word_runs(marker: str) -> frozenset[str]:
    """Every run of consecutive words of ``marker`` (split on single spaces, as a padded
    substring test ``f" {a} " in f" {b} "`` sees them)."""
    words = marker.split(" ")
    return frozenset(
        " ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)
    )


@stage_cache
@lru_cache(maxsize=4096)  # one text's markers meet many candidates in a row
def _runs_of_all(markers: frozenset[str]) -> frozenset[str]:
    return frozenset().union(*(_word_runs(m) for m in markers))


def _opens_sentence(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4) : pos].rstrip(" \"'(")
    return not before or before[-1] in ".!?:\n-" or pos < 2


def _strip_stop(name: str) -> str:
    parts = name.split(" ")
    while parts and parts[0] in _NOT_MARKERS:
        parts.pop(0)
    return " ".join(parts)
