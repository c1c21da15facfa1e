"""Line-shape signals: pure functions of one line of text (no context, no lexicons)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from normality import normalize

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
_BULLET = re.compile(r"^\s*(?:[•·▪◦●■\-*–—]|\d{1,2}[.)])\s+")
_CAMEL_JOIN = re.compile(r"[a-z][A-Z]")
_HASHTAG = re.compile(r"#\w+")


@dataclass(frozen=True)
class Line:
    """One non-empty line of a raw document, with its 1-based line number."""

    no: int
    text: str  # stripped

    @property
    def words(self) -> list[str]:
        return word_list(self.text)


def split_lines(text: str) -> list[Line]:
    """Non-empty lines of ``text`` (stripped), numbered as in the raw text (1-based)."""
    out: list[Line] = []
    for index, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if stripped:
            out.append(Line(index, stripped))
    return out


def word_list(text: str) -> list[str]:
    return _WORD.findall(text)


@lru_cache(maxsize=65536)
def word_count(text: str) -> int:
    """Cached: several rules and chrome features ask for the same line's count."""
    return len(word_list(text))


@lru_cache(maxsize=65536)
def ends_sentence(text: str) -> bool:
    """True when the line ends like a sentence (period, question or exclamation mark)."""
    return bool(_SENTENCE_END.search(text))


def is_bullet(text: str) -> bool:
    return bool(_BULLET.match(text))


def strip_bullet(text: str) -> str:
    return _BULLET.sub("", text, count=1)


def camel_joins(text: str) -> int:
    """How many words look concatenated ("NewsTop" in "WorldNewsTop"): lower->Upper joins."""
    return len(_CAMEL_JOIN.findall(text))


def hashtag_share(text: str) -> float:
    """Share of the line's whitespace tokens that are hashtags."""
    tokens = text.split()
    if not tokens:
        return 0.0
    return len(_HASHTAG.findall(text)) / len(tokens)


def title_case_share(text: str) -> float:
    """Share of alphabetic words that start with a capital letter."""
    words = [w for w in word_list(text) if w[0].isalpha()]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper()) / len(words)


@lru_cache(maxsize=65536)
def norm_key(text: str) -> str:
    """Comparison key of a line: lower case, ASCII, punctuation collapsed (normality)."""
    return normalize(text, lowercase=True, ascii=True) or ""


def content_words(text: str, min_len: int = 4) -> set[str]:
    """Lower-cased words of at least ``min_len`` letters: a cheap bag for overlap checks."""
    return {w.lower() for w in word_list(text) if len(w) >= min_len}


def overlap(part: set[str], whole: set[str]) -> float:
    """Share of ``part`` found in ``whole`` (containment)."""
    if not part:
        return 0.0
    return len(part & whole) / len(part)


def jaccard(a: set[str], b: set[str]) -> float:
    union = a | b
    return len(a & b) / len(union) if union else 0.0
