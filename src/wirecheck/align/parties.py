"""Supply parties read in their story: a short form becomes the full name introduced there.

"Officials said Acme supplied ..." after "Acme Dynamics Co. Ltd. of X" names one supplier;
grouping on the written form would make two parties of it (and two claims with half the
corroboration each). The same rules as entity resolution apply
(``wirecheck.entities.shortforms``): only a short form that abbreviates exactly one full
name of the story is replaced.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from wirecheck.align.similarity import MentionView
from wirecheck.entities.names import clean_surface, drop_registered_place
from wirecheck.entities.places import country_of
from wirecheck.entities.shortforms import Context
from wirecheck.model import Analysis, ClaimKind


def org_names_by_article(analysis: Analysis) -> dict[str, list[str]]:
    """The organisation names the tagger found in each article, as cleaned names."""
    out: dict[str, list[str]] = defaultdict(list)
    for mention in analysis.entity_mentions:
        if mention.label == "ORG":
            out[mention.article].append(_clean(mention.text))
    return out


def _clean(name: str) -> str:
    return drop_registered_place(clean_surface(name))


def resolve_supply_parties(
    views: Sequence[MentionView], org_names: dict[str, list[str]]
) -> None:
    """Replace short-form suppliers and recipients of one story's supply mentions in place
    (read in their article first, then in the story)."""
    supply = [v for v in views if v.mention.kind == ClaimKind.SUPPLY]
    if not supply:
        return
    named = [(a, n) for a in {v.mention.article for v in views} for n in org_names.get(a, [])]
    named += [
        (v.mention.article, _clean(p))
        for v in supply
        for p in (v.mention.supplier, v.mention.recipient)
        if p
    ]
    orgs = [(a, n) for a, n in named if country_of(n) is None]
    context = Context(orgs, {a: "story" for a, _ in orgs})  # the views are one story's
    for view in supply:
        m = view.mention
        update: dict[str, str] = {}
        for role, party in (("supplier", m.supplier), ("recipient", m.recipient)):
            if party and country_of(party) is None:
                found = context.full(m.article, _clean(party))
                if found is not None:
                    update[role] = found[0]
        if update:
            view.mention = m.model_copy(update=update)
