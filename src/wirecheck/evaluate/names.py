"""Name and goods matching for the scorers: entity names via rigour/normality, goods via
token overlap or the goods taxonomy (``wirecheck/data/goods_taxonomy.yaml``)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from wirecheck.evaluate.keys import norm, tokens
from wirecheck.model import Analysis

_NAME_STOP = frozenset({"co", "ltd", "the", "of", "and", "for", "de"})


@lru_cache(maxsize=8192)
def name_tokens(name: str) -> frozenset[str]:
    """Tokens of a party name without legal forms ("Co. Ltd.") and case/accents."""
    from rigour.names import remove_org_types

    words = norm(remove_org_types(name.replace(".", " "))).split()
    return frozenset(w for w in words if w not in _NAME_STOP)


def same_party(a: str | None, b: str | None) -> bool:
    """Same token set, or one name's tokens (two or more) inside the other's."""
    if not a or not b:
        return False
    x, y = name_tokens(a), name_tokens(b)
    if not x or not y:
        return False
    if x == y:
        return True
    small, big = sorted((x, y), key=len)
    return len(small) >= 2 and small <= big


def entity_names(analysis: Analysis) -> dict[str, list[str]]:
    """Entity id -> its name and aliases (the first entity of an id, as a scan finds it)."""
    out: dict[str, list[str]] = {}
    for entity in analysis.entities:
        out.setdefault(entity.id, [entity.name, *entity.aliases])
    return out


def party_names(names_of: Mapping[str, list[str]], value: str | None) -> list[str]:
    """A claim's supplier/recipient as names: an entity id gives the entity's name and
    aliases (``names_of`` from ``entity_names``); anything else is taken as a name itself."""
    if not value:
        return []
    return names_of.get(value, [value])


def any_party(names: list[str], gold_name: str) -> bool:
    return any(same_party(n, gold_name) for n in names)


@lru_cache(maxsize=1)
def _taxonomy() -> dict[str, Any]:
    try:
        text = resources.files("wirecheck.data").joinpath("goods_taxonomy.yaml").read_text()
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    data: dict[str, Any] = yaml.safe_load(text) or {}
    return data


def _category(text: str, section: str) -> str | None:
    """The taxonomy entry whose longest synonym occurs in ``text`` (None when none does)."""
    haystack = f" {norm(text)} "
    best: tuple[int, str] | None = None
    for name, entry in (_taxonomy().get(section) or {}).items():
        synonyms = entry.get("synonyms", []) if isinstance(entry, dict) else entry
        for synonym in synonyms or []:
            key = norm(str(synonym))
            if key and f" {key} " in haystack and (best is None or len(key) > best[0]):
                best = (len(key), str(name))
    return best[1] if best else None


def same_goods(gold: str, found: str | None) -> bool:
    """Half the gold words found, or the same goods-taxonomy category."""
    if not found:
        return False
    mine = tokens(gold)
    if mine and len(mine & tokens(found)) / len(mine) >= 0.5:
        return True
    category = _category(gold, "categories")
    return category is not None and category == _category(found, "categories")


def same_end_use(gold: str, found: str) -> bool:
    if tokens(gold) & tokens(found):
        return True
    category = _category(gold, "end_uses")
    return category is not None and category == _category(found, "end_uses")
