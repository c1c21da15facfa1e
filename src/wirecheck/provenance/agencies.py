"""The world list of news agencies (``data/agencies.yaml``): resolve a credited name to
its agency, and the agencies known by a structural house style (a closing signature line,
instrument-code tickers)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class Agency:
    name: str
    aliases: tuple[str, ...]
    house_style: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def agencies() -> tuple[Agency, ...]:
    text = resources.files("wirecheck.data").joinpath("agencies.yaml").read_text("utf-8")
    rows = yaml.safe_load(text)["agencies"]
    return tuple(
        Agency(
            name=str(row["name"]),
            aliases=tuple(str(a) for a in row.get("aliases", [])),
            house_style=tuple(str(s) for s in row.get("house_style", [])),
        )
        for row in rows
    )


def fold(name: str) -> str:
    """Comparable form of a name: lower case, letters and digits only, no leading 'the'."""
    return re.sub(r"[\W_]", "", re.sub(r"^the\s+", "", name.strip().lower()))


@lru_cache(maxsize=1)
def _by_alias() -> dict[str, Agency]:
    """Folded alias -> agency; an all-upper-case alias is kept with its case (see resolve)."""
    index: dict[str, Agency] = {}
    for agency in agencies():
        for alias in (agency.name, *agency.aliases):
            index.setdefault(_alias_key(alias), agency)
    return index


def _alias_key(name: str) -> str:
    # Upper-case abbreviations ("AP", "ANP") match only in upper case: "ap" or "Anp" in a
    # line are other words.
    stripped = re.sub(r"[\W_]", "", name)
    if stripped.isupper() and len(stripped) <= 6:
        return "=" + stripped
    return fold(name)


@lru_cache(maxsize=8192)
def resolve(name: str | None) -> Agency | None:
    """The agency ``name`` stands for ("Agence France-Presse" -> AFP), or None."""
    if not name:
        return None
    index = _by_alias()
    found = index.get(_alias_key(name)) or index.get(fold(name))
    if found is not None:
        return found
    # "Associated Press Writer", "Reuters staff": an alias heading a longer credit
    words = name.split()
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        found = index.get(_alias_key(head)) or index.get(fold(head))
        if found is not None and (len(fold(head)) >= 3 or head.isupper()):
            return found
    return None


def with_house_style(style: str) -> list[Agency]:
    """Agencies whose copy carries ``style`` (a declared structural mark)."""
    return [a for a in agencies() if style in a.house_style]
