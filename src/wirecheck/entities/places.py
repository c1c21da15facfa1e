"""Countries: GPE/NORP mentions resolved to ISO-like codes with ``rigour.territories``.

Names, short forms and demonyms ("China", "PRC", "Chinese") all resolve through rigour's
territory index. Only countries become entities; cities and provinces (a dateline
"WASHINGTON", "Berlin") are not countries and are left out rather than guessed.
"""

from __future__ import annotations

from functools import lru_cache

from wirecheck.entities.collect import Surface
from wirecheck.entities.groups import Group, Member
from wirecheck.entities.names import clean_surface


@lru_cache(maxsize=8192)
def country_of(name: str) -> tuple[str, str] | None:
    """(code, English name) of the country a name or adjective denotes, else None."""
    from rigour.territories import lookup_territory

    text = clean_surface(name)
    territory = lookup_territory(text)
    if territory is None and text.isupper() and len(text) > 3:
        territory = lookup_territory(text.title())
    if territory is None or not territory.is_country:
        return None
    return territory.code, territory.name


def cluster_countries(surfaces: list[Surface]) -> dict[str, Group]:
    """Surface forms grouped per country code (group tokens hold the code)."""
    out: dict[str, Group] = {}
    for surface in surfaces:
        found = country_of(surface.text)
        if found is None:
            continue
        code, name = found
        reason = f"resolves to {name} ({code})"
        if surface.label == "NORP":
            reason = f"adjective of {name} ({code})"
        group = out.setdefault(code, Group((code,), []))
        group.members.append(Member(surface, reason))
    return out
