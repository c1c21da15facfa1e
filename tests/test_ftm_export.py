"""FollowTheMoney export: every emitted entity is valid FtM, relations point at real ids."""

from __future__ import annotations

from typing import Any

from followthemoney import model

from wirecheck.entities.ftm_export import export_ftm
from wirecheck.model import (
    Alias,
    Analysis,
    Article,
    ClaimGroup,
    ClaimKind,
    ClaimStance,
    Entity,
    EntityType,
    MentionRef,
    ScreeningMatch,
)


def _analysis() -> Analysis:
    articles = [
        Article(
            id="a1",
            source="https://news.example/story-1",
            title="Optics exports",
            outlet="Example Wire",
            date="2031-03-02",
            language="en",
            body="...",
        ),
        Article(id="a2", source="samples/two.txt", title=None, body="..."),
    ]
    entities = [
        Entity(
            id="e-acme",
            name="Harbin Qiaolong Optics",
            type=EntityType.ORGANIZATION,
            aliases=["Harbin Qiaolong Optics Co. Ltd."],
            articles=["a1", "a2"],
            seen=[Alias(name="Harbin Qiaolong Optics", article="a1")],
            screening=[
                ScreeningMatch(
                    list="demo",
                    entry="qiao",
                    name="Harbin Qiaolong",
                    score=0.95,
                    explanation="score 0.95.",
                )
            ],
        ),
        Entity(id="e-min", name="Ministry of Trade", type=EntityType.GOVERNMENT, articles=["a1"]),
        Entity(id="e-p", name="Pavel Gromek", type=EntityType.PERSON, articles=["a2"]),
        Entity(id="e-ru", name="Russia", type=EntityType.COUNTRY, country="ru", articles=["a1"]),
        Entity(id="e-club", name="Lowmoor Rowing", type=EntityType.ORGANIZATION),
    ]
    mention = MentionRef(article="a1", start=0, end=3, text="...")
    claims = [
        ClaimGroup(
            id="c1",
            kind=ClaimKind.SUPPLY,
            text="Qiaolong supplies Russia with optics",
            supplier="e-acme",
            recipient="Russia",
            goods="optics",
            mentions=[mention],
        ),
        ClaimGroup(
            id="c2",
            kind=ClaimKind.SUPPLY,
            text="Unknown parties",
            supplier="Nobody",
            recipient="Noone",
        ),
        ClaimGroup(id="c3", kind=ClaimKind.QUOTE, text="a quote"),
    ]
    denied = {"id": "c4", "goods": "drones", "stance": ClaimStance.DENIED}
    claims.append(claims[0].model_copy(update=denied))
    return Analysis(articles=articles, entities=entities, claims=claims)


def _valid(data: dict[str, Any]) -> None:
    schema = model.get(data["schema"])
    assert schema is not None and not schema.abstract, data["schema"]
    proxy = model.get_proxy(data, cleaned=False)
    assert proxy.to_dict()["properties"] == data["properties"], "unknown property dropped"
    for name, values in data["properties"].items():
        prop = schema.get(name)
        assert prop is not None
        for value in values:
            assert prop.type.clean(value) is not None, (name, value)
    for name in schema.required:
        assert data["properties"].get(name), f"{data['schema']} needs {name}"


def test_every_exported_entity_validates() -> None:
    exported = list(export_ftm(_analysis()))
    assert exported
    for data in exported:
        _valid(data)
    ids = [d["id"] for d in exported]
    assert len(ids) == len(set(ids))


def test_schemata_and_links() -> None:
    exported = list(export_ftm(_analysis()))
    by_schema: dict[str, list[dict[str, Any]]] = {}
    for data in exported:
        by_schema.setdefault(data["schema"], []).append(data)
    assert len(by_schema["Article"]) == 2
    names = {d["properties"]["name"][0]: d["schema"] for d in exported if "name" in d["properties"]}
    assert names["Harbin Qiaolong Optics"] == "Company"  # a legal form in an alias
    assert names["Ministry of Trade"] == "PublicBody"
    assert names["Pavel Gromek"] == "Person"
    assert names["Lowmoor Rowing"] == "Organization"
    assert "Russia" not in names  # countries are property values, not entities
    ids = {d["id"] for d in exported}
    docs = by_schema["Documentation"]
    assert len(docs) == 4 and all(
        d["properties"]["document"][0] in ids and d["properties"]["entity"][0] in ids for d in docs
    )
    (relation,) = by_schema["EconomicActivity"]  # not the denied supply of drones
    props = relation["properties"]
    assert props["destinationCountry"] == ["ru"] and props["goodsDescription"] == ["optics"]
    assert props["sender"][0] in ids and props["proof"][0] in ids
    article = next(d for d in by_schema["Article"] if "sourceUrl" in d["properties"])
    assert article["properties"]["publisher"] == ["Example Wire"]
