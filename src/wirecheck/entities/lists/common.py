"""Helpers shared by the list readers: value splitting, schema and country normalisation."""

from __future__ import annotations

from functools import lru_cache

# Schemata screened: the legal-entity family of FollowTheMoney. Vessels, aircraft, addresses
# and sanction records in a full export are not names of organisations or people.
SCREENED_SCHEMATA = frozenset({"LegalEntity", "Person", "Organization", "Company", "PublicBody"})


def split_values(value: str | None, sep: str = ";") -> list[str]:
    if not value:
        return []
    return [part.strip() for part in value.split(sep) if part.strip()]


@lru_cache(maxsize=4096)
def country_code(value: str) -> str | None:
    """ISO-like code of a country code or name ("ru", "RU", "Russia"), via rigour."""
    from rigour.territories import get_territory, lookup_territory

    text = value.strip()
    if not text:
        return None
    territory = get_territory(text.lower()) or lookup_territory(text)
    return territory.code if territory is not None else None


def country_codes(values: list[str]) -> list[str]:
    codes = (country_code(v) for v in values)
    return sorted({c for c in codes if c})
