"""Goods taxonomy: load ``data/goods_taxonomy.yaml`` and find goods / end uses in token lists.

Matching is a longest-match over a token trie of normalised words (lower case, naive
plural fold, hyphens dropped). Hand-written rather than spaCy's PhraseMatcher because
the fold must apply to both patterns and text, and the PhraseMatcher's LEMMA attribute
would need every synonym run through the tagger; the trie is ~30 lines and pure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

_KEEP_S = ("ss", "us", "is", "ics", "news")  # words whose final "s" is not a plural


def fold(word: str) -> str:
    """Normalise one word for matching: lower case, plural folded."""
    word = word.lower().strip(".")
    if len(word) > 3 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(_KEEP_S):
        return word[:-1]
    return word


def split_words(phrase: str) -> list[str]:
    return [fold(w) for w in phrase.replace("-", " ").split() if w]


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    value: str | None = None


@dataclass(frozen=True)
class Match:
    start: int  # index into the word list
    end: int  # exclusive
    value: str  # category id (goods) or canonical name (end uses)


class Lexicon:
    """A longest-match phrase lexicon over folded words."""

    def __init__(self, entries: dict[str, Sequence[str]]) -> None:
        self._root = _Node()
        for value, phrases in entries.items():
            for phrase in phrases:
                self._add(split_words(phrase), value)

    def _add(self, words: list[str], value: str) -> None:
        node = self._root
        for word in words:
            node = node.children.setdefault(word, _Node())
        node.value = value

    def find(self, words: Sequence[str]) -> list[Match]:
        """Non-overlapping longest matches, left to right."""
        matches: list[Match] = []
        index = 0
        while index < len(words):
            hit = self._longest(words, index)
            if hit is None:
                index += 1
                continue
            matches.append(hit)
            index = hit.end
        return matches

    def _longest(self, words: Sequence[str], start: int) -> Match | None:
        node, best = self._root, None
        for index in range(start, len(words)):
            nxt = node.children.get(words[index])
            if nxt is None:
                break
            node = nxt
            if node.value is not None:
                best = Match(start, index + 1, node.value)
        return best

    def lookup(self, phrase: str) -> str | None:
        """The value of a whole phrase (or of its longest matching tail), if any."""
        words = split_words(phrase)
        for start in range(len(words)):
            hit = self._longest(words, start)
            if hit is not None and hit.end == len(words):
                return hit.value
        return None


@dataclass(frozen=True)
class Taxonomy:
    goods: Lexicon
    end_uses: Lexicon
    labels: dict[str, str]
    parents: dict[str, str]
    categories: dict[str, dict[str, Any]]
    refine: dict[str, dict[str, str]]  # category -> end use -> more specific category
    broad_end_uses: frozenset[str] = frozenset()  # listed only when nothing specific is

    def label(self, category: str) -> str:
        return self.labels.get(category, category)


@lru_cache(maxsize=1)
def load_taxonomy() -> Taxonomy:
    """The packaged goods taxonomy (read once per process)."""
    text = resources.files("wirecheck.data").joinpath("goods_taxonomy.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    categories: dict[str, dict[str, Any]] = data["categories"]
    goods = Lexicon({cid: cat["synonyms"] for cid, cat in categories.items()})
    end_uses = Lexicon(data["end_uses"])
    labels = {cid: str(cat.get("label", cid)) for cid, cat in categories.items()}
    parents = {cid: str(cat["parent"]) for cid, cat in categories.items() if cat.get("parent")}
    refine = {
        cid: {str(k): str(v) for k, v in cat["refine_by_end_use"].items()}
        for cid, cat in categories.items()
        if cat.get("refine_by_end_use")
    }
    broad = frozenset(str(u) for u in data.get("broad_end_uses") or [])
    return Taxonomy(goods, end_uses, labels, parents, categories, refine, broad)


def goods_category(surface: str) -> str | None:
    """Category id of a goods wording ("drone engines" -> "uav_engines")."""
    return load_taxonomy().goods.lookup(surface)
