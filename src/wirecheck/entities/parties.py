"""Claim parties as resolved entities: a supply claim names its supplier and recipient by
entity id, so one company is one party whatever form an article used for it."""

from __future__ import annotations

from collections import defaultdict

from wirecheck.entities.names import clean_surface, drop_registered_place, org_tokens, token_key
from wirecheck.entities.places import country_of
from wirecheck.model import ClaimGroup, ClaimKind, Entity, EntityType


class PartyIndex:
    """Entities by the comparison key of every name they were seen under, and where."""

    def __init__(self, entities: list[Entity]) -> None:
        self.by_id = {e.id: e for e in entities}
        self.by_key: dict[str, list[Entity]] = defaultdict(list)
        self.by_country: dict[str, Entity] = {}
        for entity in entities:
            if entity.type == EntityType.COUNTRY and entity.country:
                self.by_country[entity.country] = entity
                continue
            for key in {party_key(n) for n in [entity.name, *entity.aliases]}:
                self.by_key[key].append(entity)

    def find(self, name: str, articles: set[str]) -> Entity | None:
        """The entity ``name`` denotes in ``articles``: one seen there under that name, else
        the only entity with that name."""
        found = country_of(name)
        if found is not None:
            return self.by_country.get(found[0])
        candidates = self.by_key.get(party_key(name), [])
        local = [e for e in candidates if articles & set(e.articles)]
        if len(local) == 1:
            return local[0]
        return candidates[0] if len(candidates) == 1 else None


def party_key(name: str) -> str:
    """A party's comparison key: no legal form or place, order-free ("X Research Institute of
    Y" = "X Y Research Institute"), as entity resolution compares names."""
    return token_key(org_tokens(drop_registered_place(clean_surface(name))))


def with_entity_parties(claims: list[ClaimGroup], entities: list[Entity]) -> list[ClaimGroup]:
    """Supply claims with entity ids as supplier/recipient and the entity names in their text
    (a party no entity holds keeps its written name)."""
    index = PartyIndex(entities)
    out: list[ClaimGroup] = []
    for claim in claims:
        if claim.kind != ClaimKind.SUPPLY:
            out.append(claim)
            continue
        articles = {m.article for m in claim.mentions}
        supplier = index.find(claim.supplier, articles) if claim.supplier else None
        recipient = index.find(claim.recipient, articles) if claim.recipient else None
        out.append(_renamed(claim, supplier, recipient))
    return out


def _renamed(claim: ClaimGroup, supplier: Entity | None, recipient: Entity | None) -> ClaimGroup:
    text = claim.text
    old = f"{claim.supplier or '?'} -> {claim.recipient or '?'}:"
    if text.startswith(old):
        new = f"{supplier.name if supplier else claim.supplier or '?'} -> " + (
            f"{recipient.name if recipient else claim.recipient or '?'}:"
        )
        text = new + text[len(old) :]
    return claim.model_copy(
        update={
            "supplier": supplier.id if supplier else claim.supplier,
            "recipient": recipient.id if recipient else claim.recipient,
            "text": text,
        }
    )
