"""Gather the surface forms resolution works on: NER spans plus supply-relation parties."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache

from wirecheck.entities.names import (
    clean_surface,
    drop_registered_place,
    is_plausible_name,
    untitled,
)
from wirecheck.memory import stage_cache
from wirecheck.model import Analysis, ClaimMention, EntityMention, shared_int

KEPT_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP"})


@dataclass(frozen=True, slots=True)  # ~17 per article: no per-instance __dict__
class Surface:
    """One occurrence of a name in one article, with the label that produced it."""

    text: str  # cleaned surface form
    label: str  # ORG|PERSON|GPE|NORP|SUPPLY
    article: str
    start: int = -1
    end: int = -1
    note: str = ""  # how the form was found, when not by the tagger
    full: str = ""  # the full name this short form stands for in its story, when resolved


def from_entity_mention(mention: EntityMention, min_chars: int) -> Surface | None:
    """A cleaned Surface for an NER span, or None when the span is not a usable name."""
    if mention.label not in KEPT_LABELS:
        return None
    form = _name_form(mention.text, mention.label, min_chars)
    if form is None:
        return None
    text, label = form
    offset = mention.text.find(text)
    return located(text, label, mention.article, mention.start + max(offset, 0))


@stage_cache
@lru_cache(maxsize=65536)  # a function of the span alone; a name recurs across its story
def _name_form(span: str, label: str, min_chars: int) -> tuple[str, str] | None:
    """The name an NER span gives and its label, or None when it is no usable name."""
    if not is_plausible_name(span, min_chars):
        return None
    text = drop_registered_place(clean_surface(span))
    person = untitled(text) if label != "PERSON" else None
    if person is not None:  # "Trade Minister Given Surname" tagged as an organisation
        return person, "PERSON"
    return text, label


def from_party(mention: ClaimMention, party: str, min_chars: int) -> Surface | None:
    """A Surface for a supplier/recipient named by a supply relation, located in its sentence."""
    if not is_plausible_name(party, min_chars):
        return None
    text = drop_registered_place(clean_surface(party))
    offset = mention.text.find(text)
    if offset < 0:
        return Surface(sys.intern(text), "SUPPLY", mention.article)
    return located(text, "SUPPLY", mention.article, mention.start + offset)


def located(text: str, label: str, article: str, start: int) -> Surface:
    """A surface form at ``start`` of ``article``.

    A name recurs in most texts of its story, and the whole corpus's surfaces are held at
    once (~19 per article): one string per name and one int per offset value.
    """
    end = shared_int(start + len(text))
    return Surface(sys.intern(text), label, article, shared_int(start), end)


def collect_surfaces(analysis: Analysis, min_chars: int) -> list[Surface]:
    """Every usable surface form of the analysis, NER spans first, then supply parties."""
    out: list[Surface] = []
    for em in analysis.entity_mentions:
        surface = from_entity_mention(em, min_chars)
        if surface is not None:
            out.append(surface)
    for cm in analysis.mentions:
        for party in (cm.supplier, cm.recipient):
            if party:
                surface = from_party(cm, party, min_chars)
                if surface is not None:
                    out.append(surface)
    return out
