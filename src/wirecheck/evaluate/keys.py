"""Gold keys of analysis articles, and small text helpers the scorers share."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePath
from typing import Any

from normality import normalize

from wirecheck.model import Analysis, Article


def _file_prefix(source: str) -> str:
    name = PurePath(source.split("#", 1)[0]).name
    return name.split("_", 1)[0]


def record_keys(gold: Mapping[str, Any]) -> dict[str, str]:
    """URL -> key of the multi-record entries (``records:``); the first record of a URL wins."""
    out: dict[str, str] = {}
    for key, record in (gold.get("records") or {}).items():
        url = record.get("url")
        if url is not None:
            out.setdefault(url, str(key))
    return out


def gold_key(article: Article, by_url: Mapping[str, str]) -> str:
    """The gold key of an article: by URL for multi-record files (``by_url`` from
    ``record_keys``), else the file-name prefix (``000_x.txt`` -> ``000``), as
    ``wirecheck.synth.goldkeys`` defines."""
    if article.url and article.url in by_url:
        return by_url[article.url]
    return _file_prefix(article.source)


@dataclass(frozen=True)
class Keyed:
    """The analysis with article ids mapped to gold keys (and back)."""

    analysis: Analysis
    key_of: dict[str, str]  # article id -> gold key
    id_of: dict[str, str]  # gold key -> article id
    by_id: dict[str, Article]

    def keys(self, article_ids: list[str]) -> set[str]:
        return {self.key_of[a] for a in article_ids if a in self.key_of}

    def article(self, key: str) -> Article | None:
        article_id = self.id_of.get(key)
        return self.by_id.get(article_id) if article_id else None

    def keyed_articles(self) -> list[tuple[str, Article]]:
        """(gold key, article) for every article, in key order."""
        return [(key, self.by_id[i]) for key, i in sorted(self.id_of.items())]


def keyed(analysis: Analysis, gold: Mapping[str, Any]) -> Keyed:
    by_url = record_keys(gold)
    key_of = {a.id: gold_key(a, by_url) for a in analysis.articles}
    by_id = {a.id: a for a in analysis.articles}
    return Keyed(analysis, key_of, {k: a for a, k in key_of.items()}, by_id)


@lru_cache(maxsize=1 << 17)
def norm(text: str | None) -> str:
    """Lower-case ASCII words only: the key for comparing short texts. Cached: every gold
    line is compared with every paragraph of its article, and chrome lines recur."""
    return normalize(text or "", lowercase=True, ascii=True) or ""


_STOP = frozenset(
    {
        "the", "a", "an", "of", "and", "or", "to", "in", "on", "for", "by", "with", "from",
        "at", "as", "is", "are", "was", "were", "be", "that", "this", "its", "their", "his",
        "her", "it", "said", "says",
    }
)


def tokens(text: str | None) -> set[str]:
    """Content tokens with a naive plural fold ("engines" = "engine")."""
    out: set[str] = set()
    for word in norm(text).split():
        if word in _STOP:
            continue
        out.add(word[:-1] if len(word) > 3 and word.endswith("s") else word)
    return out


def token_share(part: str | None, whole: str | None) -> float:
    """Share of ``part``'s tokens found in ``whole``."""
    mine = tokens(part)
    return len(mine & tokens(whole)) / len(mine) if mine else 0.0


def same_text(a: str, b: str, min_ratio: float = 0.6) -> bool:
    """Equal after normalising, or one contains the other and is not much shorter."""
    x, y = norm(a), norm(b)
    if not x or not y:
        return False
    if x == y:
        return True
    short, long = sorted((x, y), key=len)
    return short in long and len(short) >= min_ratio * len(long)


def salient(text: str) -> set[str]:
    """Capitalised words and numbers of a gold description: the names and figures in it."""
    words = re.findall(r"[A-Z][\w'’.-]*|\$?\d[\d.,]*", text)
    return {norm(w) for w in words if norm(w)}
