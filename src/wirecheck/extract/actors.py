"""Actors of supply relations in a sentence: organisations and countries.

Countries come from followthemoney's country registry, which maps names, demonyms and
capitals ("Chinese", "Beijing", "Moscow", "U.S.") to ISO codes; a few metonyms the
registry lacks are added here (generic geography, e.g. "Kremlin").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from wirecheck.extract.entities import Span3, organisation_name
from wirecheck.extract.lexicon import GROUP_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_METONYMS = {"kremlin": "ru", "white house": "us", "pentagon": "us", "zhongnanhai": "cn"}
_NOT_COUNTRIES = frozenset({"georgetown"})  # capitals that are mostly other things in news


@dataclass(frozen=True)
class Actor:
    name: str  # normalised display name: "China", "Example City Example Technology"
    kind: str  # "country" | "organization"
    start: int  # token span in the Doc
    end: int
    generic: bool = False  # "Chinese companies": a country standing for unnamed groups


@lru_cache(maxsize=4096)
def country_name(text: str) -> str | None:
    """Country caption for a country name, demonym or capital; None if not a country."""
    from followthemoney.types import registry

    words = text.replace("’s", "").replace("'s", "").strip(" .,").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    cleaned = " ".join(words)
    if cleaned.lower().endswith("-based"):
        cleaned = cleaned[: -len("-based")]
    if not cleaned or cleaned.lower() in _NOT_COUNTRIES:
        return None
    code = _METONYMS.get(cleaned.lower()) or registry.country.clean(cleaned)
    if code is None or len(code) != 2:
        return None
    caption: str | None = registry.country.caption(code)
    return caption


def sentence_actors(doc: Doc, sent: Span, spans: list[Span3]) -> list[Actor]:
    """Organisations (ORG spans) and countries (GPE/NORP spans, country-like proper nouns)."""
    actors: list[Actor] = []
    covered: set[int] = set()
    for start, end, label in spans:
        if start < sent.start or end > sent.end:
            continue
        actor = _actor_of_span(doc, start, end, label)
        if actor is not None:
            actors.append(actor)
            covered.update(range(start, end))
    for token in sent:
        if token.i in covered or token.pos_ not in ("PROPN", "ADJ"):
            continue
        name = _token_country(token)
        if name is not None:
            actors.append(Actor(name, "country", token.i, token.i + 1, _is_generic(token)))
    return sorted(actors, key=lambda a: a.start)


def _actor_of_span(doc: Doc, start: int, end: int, label: str) -> Actor | None:
    text = doc[start:end].text
    if label == "ORG":
        country = country_name(text)
        if country is not None:
            return Actor(country, "country", start, end)
        return Actor(organisation_name(text), "organization", start, end)
    if label in ("GPE", "NORP"):
        country = country_name(text)
        if country is None:
            return None
        return Actor(country, "country", start, end, _is_generic(doc[end - 1]))
    return None


def _token_country(token: Token) -> str | None:
    if not token.text[:1].isupper():
        return None
    return country_name(token.text)


def _is_generic(token: Token) -> bool:
    """A country word modifying a group noun ("Chinese firms", "China-based companies")."""
    head = token.head
    for _ in range(3):
        if head.lower_ in GROUP_NOUNS:
            return True
        if head == head.head:
            break
        head = head.head
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and nxt.lower_ in GROUP_NOUNS
