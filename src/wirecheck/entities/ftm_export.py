"""FollowTheMoney export of an analysis: entities, supply relations, and the articles as sources.

Schemata chosen (followthemoney 4):
- organisations -> ``Company`` when a legal form or company word is in one of their names,
  else ``Organization``; government bodies -> ``PublicBody``; people -> ``Person``.
  Countries are not entities in FtM: they become ``country`` values (ISO codes).
- articles -> ``Article`` (title, publisher, publishedAt, sourceUrl).
- each entity's appearance in an article -> ``Documentation`` (document = article,
  entity = entity, role "mentioned"), so every entity points at its sources.
- a supply relation "A supplies B with goods" -> ``EconomicActivity``: FtM's record of a
  movement of goods, with ``sender``/``receiver`` for parties, ``originCountry`` /
  ``destinationCountry`` when a party is a country, ``goodsDescription``, ``summary`` (the
  claim text) and ``proof`` (the articles that state it). ``UnknownLink`` would lose the goods
  and the direction; ``Trade`` does not exist in FtM 4.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rigour.langs import iso_639_alpha3

from wirecheck.entities.names import has_org_marker, org_tokens, person_tokens, token_key
from wirecheck.model import (
    Analysis,
    Article,
    ClaimKind,
    ClaimStance,
    Entity,
    EntityType,
    stable_id,
)

PREFIX = "wc"
SCHEMA_OF = {EntityType.PERSON: "Person", EntityType.GOVERNMENT: "PublicBody"}


def _ftm_id(kind: str, local_id: str) -> str:
    return stable_id(f"{PREFIX}-{kind}", local_id)


def _article(article: Article) -> dict[str, Any]:
    props: dict[str, list[str]] = {"title": [article.title or article.source]}
    if article.outlet:
        props["publisher"] = [article.outlet]
    if article.date:
        props["publishedAt"] = [article.date]
    url = article.url or (article.source if article.source.startswith("http") else None)
    if url:
        props["sourceUrl"] = [url]
    else:
        props["fileName"] = [article.source]
    language = iso_639_alpha3(article.language) if article.language else None
    if language:
        props["language"] = [language]  # FtM wants ISO 639-3 ("eng")
    return {"id": _ftm_id("art", article.id), "schema": "Article", "properties": props}


def _schema(entity: Entity) -> str:
    if entity.type in SCHEMA_OF:
        return SCHEMA_OF[entity.type]
    names = [entity.name, *entity.aliases]
    return "Company" if any(has_org_marker(n) for n in names) else "Organization"


def _entity(entity: Entity) -> dict[str, Any]:
    props: dict[str, list[str]] = {"name": [entity.name]}
    if entity.aliases:
        props["alias"] = list(entity.aliases)
    if entity.country:
        props["country"] = [entity.country]
    if entity.screening:
        props["notes"] = [f"{m.list}:{m.entry} {m.explanation}" for m in entity.screening]
    return {"id": _ftm_id("ent", entity.id), "schema": _schema(entity), "properties": props}


def _documentation(entity: Entity, article_id: str) -> dict[str, Any]:
    props = {
        "document": [_ftm_id("art", article_id)],
        "entity": [_ftm_id("ent", entity.id)],
        "role": ["mentioned"],
    }
    ident = _ftm_id("doc", f"{entity.id}:{article_id}")
    return {"id": ident, "schema": "Documentation", "properties": props}


class _Parties:
    """Finds the entity a supplier/recipient string names (an entity id or a surface form)."""

    def __init__(self, entities: list[Entity]) -> None:
        self.by_id = {e.id: e for e in entities}
        self.by_key: dict[str, Entity] = {}
        for entity in entities:
            for name in [entity.name, *entity.aliases]:
                self.by_key.setdefault(self._key(name, entity.type), entity)

    @staticmethod
    def _key(name: str, kind: EntityType) -> str:
        tokens = person_tokens(name) if kind == EntityType.PERSON else org_tokens(name)
        return f"{kind.value}:{token_key(tokens)}"

    def find(self, value: str | None) -> Entity | None:
        if not value:
            return None
        if value in self.by_id:
            return self.by_id[value]
        for kind in EntityType:
            found = self.by_key.get(self._key(value, kind))
            if found is not None:
                return found
        return None


def _relation(claim: Any, parties: _Parties, known_articles: set[str]) -> dict[str, Any] | None:
    supplier, recipient = parties.find(claim.supplier), parties.find(claim.recipient)
    if supplier is None and recipient is None:
        return None
    props: dict[str, list[str]] = {"summary": [claim.text]}
    for party, edge, country in (
        (supplier, "sender", "originCountry"),
        (recipient, "receiver", "destinationCountry"),
    ):
        if party is None:
            continue
        if party.type == EntityType.COUNTRY and party.country:
            props[country] = [party.country]
        elif party.type != EntityType.COUNTRY:
            props[edge] = [_ftm_id("ent", party.id)]
    if claim.goods:
        props["goodsDescription"] = [claim.goods]
    articles = sorted({m.article for m in claim.mentions} & known_articles)
    if articles:
        props["proof"] = [_ftm_id("art", a) for a in articles]
    return {"id": _ftm_id("rel", claim.id), "schema": "EconomicActivity", "properties": props}


def export_ftm(analysis: Analysis) -> Iterator[dict[str, Any]]:
    """FtM entity dicts: articles, entities (+ Documentation links), supply relations."""
    known = {article.id for article in analysis.articles}
    for article in analysis.articles:
        yield _article(article)
    exported = [e for e in analysis.entities if e.type != EntityType.COUNTRY]
    for entity in exported:
        yield _entity(entity)
        for article_id in entity.articles:
            if article_id in known:
                yield _documentation(entity, article_id)
    parties = _Parties(analysis.entities)
    for claim in analysis.claims:
        # a denied or only considered supply is no economic activity
        if claim.kind == ClaimKind.SUPPLY and claim.stance == ClaimStance.ASSERTED:
            relation = _relation(claim, parties, known)
            if relation is not None:
                yield relation
