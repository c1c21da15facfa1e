"""Entity resolution on our own invented texts: joins, separations, people, countries."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from wirecheck.entities import resolve_entities
from wirecheck.entities.groups import Group
from wirecheck.model import Analysis, Article, ClaimKind, ClaimMention, Entity, EntityMention
from wirecheck.model import EntityType as T
from wirecheck.settings.screen import ScreenSettings


def _analysis(texts: dict[str, str], spans: Sequence[tuple[str, ...]]) -> Analysis:
    """Articles from ``texts``; one NER mention per (article, surface, label[, preceding
    words]): the surface is located after its preceding words when given."""
    articles = [Article(id=k, source=f"{k}.txt", body=v) for k, v in texts.items()]
    mentions = []
    for art, text, label, *before in spans:
        lead = before[0] if before else ""
        start = texts[art].index(lead + text) + len(lead)
        mentions.append(
            EntityMention(article=art, start=start, end=start + len(text), text=text, label=label)
        )
    return Analysis(articles=articles, entity_mentions=mentions)


def _by_name(entities: list[Entity], name: str) -> list[Entity]:
    return [e for e in entities if any(s.name == name for s in e.seen)]


TEXTS = {
    "a1": "Officials named Harbin Qiaolong Optics Co. Ltd. and Harbin Meiyuan Optics as suppliers. "
    "Pavel Gromek, a former analyst, said Gromek had seen the cables. Gromek's view was clear, "
    "he said.",
    "a2": "The Harbin Qiaolong Optics company denied it. The Eastern Institute of Laser Physics "
    "and HARBIN MEIYUAN OPTICS declined to comment. Chinese and Russian officials met in Moscow.",
    "a3": "A report cited the Laser Physics Eastern Institute, Harbin Qiaolong Optics Co Ltd, "
    "and Tarnvale Systems as exporters. Ministry of Trade officials in China were silent.",
}
SPANS: list[tuple[str, ...]] = [
    ("a1", "Harbin Qiaolong Optics Co. Ltd.", "ORG"),
    ("a1", "Harbin Meiyuan Optics", "ORG"),
    ("a1", "Pavel Gromek", "PERSON"),
    ("a1", "Gromek", "PERSON", "said "),
    ("a1", "Gromek's", "PERSON", "cables. "),
    ("a2", "Harbin Qiaolong Optics", "ORG"),
    ("a2", "The Eastern Institute of Laser Physics", "ORG"),
    ("a2", "Chinese", "NORP"),
    ("a2", "Russian", "NORP"),
    ("a2", "Moscow", "GPE"),
    ("a3", "Laser Physics Eastern Institute", "ORG"),
    ("a3", "Harbin Qiaolong Optics Co Ltd", "ORG"),
    ("a3", "Ministry of Trade", "ORG"),
    ("a3", "China", "GPE"),
]


@pytest.fixture(scope="module")
def resolved() -> list[Entity]:
    return resolve_entities(_analysis(TEXTS, SPANS), ScreenSettings())


def test_legal_form_case_and_word_order_variants_join(resolved: list[Entity]) -> None:
    entities = resolved
    qiaolong = {
        e.id
        for n in (
            "Harbin Qiaolong Optics Co. Ltd.",
            "Harbin Qiaolong Optics",
            "Harbin Qiaolong Optics Co Ltd",
        )
        for e in _by_name(entities, n)
    }
    assert len(qiaolong) == 1
    institute = {
        e.id
        for n in ("Eastern Institute of Laser Physics", "Laser Physics Eastern Institute")
        for e in _by_name(entities, n)
    }
    assert len(institute) == 1
    reasons = {s.reason for e in entities for s in e.seen if s.name == "Harbin Qiaolong Optics"}
    assert any("legal form" in r or "first form" in r for r in reasons)


def test_companies_sharing_city_and_generic_word_stay_apart(resolved: list[Entity]) -> None:
    entities = resolved
    qiaolong = _by_name(entities, "Harbin Qiaolong Optics")
    meiyuan = _by_name(entities, "Harbin Meiyuan Optics")
    assert len(qiaolong) == len(meiyuan) == 1 and qiaolong[0].id != meiyuan[0].id
    # the uppercase variant the tagger missed is found by the second pass, with its reason
    upper = [s for s in meiyuan[0].seen if s.name == "HARBIN MEIYUAN OPTICS"]
    assert upper and "not tagged" in upper[0].reason


def test_list_sibling_found_and_surname_joined(resolved: list[Entity]) -> None:
    entities = resolved
    tarnvale = _by_name(entities, "Tarnvale Systems")
    assert len(tarnvale) == 1 and tarnvale[0].type == T.ORGANIZATION
    assert "listed with the organisations" in tarnvale[0].seen[0].reason
    person = [e for e in entities if e.type == T.PERSON]
    assert [p.name for p in person] == ["Pavel Gromek"]
    surname = [s for s in person[0].seen if s.name == "Gromek"]
    assert len(surname) >= 2 and "same article" in surname[0].reason


def test_countries_adjectives_and_government_bodies(resolved: list[Entity]) -> None:
    entities = resolved
    countries = {e.country: e for e in entities if e.type == T.COUNTRY}
    assert set(countries) == {"cn", "ru"}  # Moscow is a city, not a country entity
    assert any("adjective" in s.reason for s in countries["cn"].seen)
    assert "Chinese" in countries["cn"].aliases
    ministry = _by_name(entities, "Ministry of Trade")
    assert ministry and ministry[0].type == T.GOVERNMENT


def test_supply_parties_become_entities_and_ids_are_stable() -> None:
    analysis = _analysis(TEXTS, SPANS)
    sentence = "Zelmora Avionics supplies Vostrana with gyroscopes."
    article = Article(id="a4", source="a4.txt", body=sentence)
    supply = ClaimMention(
        id="m1",
        article="a4",
        kind=ClaimKind.SUPPLY,
        start=0,
        end=len(sentence),
        text=sentence,
        supplier="Zelmora Avionics",
        recipient="Russia",
        goods="gyroscopes",
    )
    analysis = analysis.model_copy(
        update={"articles": [*analysis.articles, article], "mentions": [supply]}
    )
    first = resolve_entities(analysis, ScreenSettings())
    zelmora = _by_name(first, "Zelmora Avionics")
    assert zelmora and zelmora[0].seen[0].start == 0
    assert any(e.country == "ru" and "a4" in e.articles for e in first)
    again = resolve_entities(analysis, ScreenSettings())
    assert [e.id for e in first] == [e.id for e in again]


def test_layout_debris_is_not_an_entity() -> None:
    texts = {"b1": "Photo credit: Wire Photo/Anna Lenz\n\nQuick Read\n\n  • Point one. treasury"}
    spans = [
        ("b1", "Wire Photo/Anna Lenz", "ORG"),
        ("b1", "Quick Read\n\n  •", "PERSON"),
        ("b1", "treasury", "ORG"),
    ]
    assert resolve_entities(_analysis(texts, spans), ScreenSettings()) == []


def test_people_named_with_a_title_are_found_in_text_and_captions() -> None:
    from wirecheck.model import RemovalReason, RemovedLine

    body = (
        "Talks stalled.\n\nMarta Velinova, Dravia's top trade minister, left early. "
        "On Monday, an official said nothing. Velinova later returned."
    )
    caption = RemovedLine(
        text="Premier Oskar Telling greets guests in Varno.", reason=RemovalReason.CAPTION
    )
    article = Article(id="c1", source="c1.txt", body=body, removed=[caption])
    start = body.index("Velinova later")
    tagged = EntityMention(
        article="c1", start=start, end=start + 8, text="Velinova", label="PERSON"
    )
    entities = resolve_entities(
        Analysis(articles=[article], entity_mentions=[tagged]), ScreenSettings()
    )
    people = {e.name: e for e in entities if e.type == T.PERSON}
    assert set(people) == {"Marta Velinova", "Oskar Telling"}
    assert "Velinova" in people["Marta Velinova"].aliases
    reasons = [s.reason for s in people["Oskar Telling"].seen]
    assert reasons == ["named with the title 'premier' in a photo caption"]
    assert people["Oskar Telling"].seen[0].start == -1


def _links_by_every_pair(groups: list[Group], threshold: float) -> set[tuple[int, int]]:
    """Spelling links found by comparing every pair of equal length that shares a word."""
    from rapidfuzz import fuzz

    from wirecheck.entities.orgs import _slip_only

    expected = set()
    for left, a in enumerate(groups):
        for right in range(left + 1, len(groups)):
            b = groups[right].tokens
            similar = fuzz.token_sort_ratio(" ".join(a.tokens), " ".join(b)) >= threshold * 100
            slip = similar and _slip_only(a.tokens, b)
            if len(a.tokens) == len(b) >= 2 and set(a.tokens) & set(b) and slip:
                expected.add((left, right))
    return expected


def _org_groups(names: list[str]) -> list[Group]:
    from wirecheck.entities.collect import Surface
    from wirecheck.entities.groups import group_by_key
    from wirecheck.entities.names import org_tokens

    return group_by_key([Surface(name, "ORG", f"a{n}") for n, name in enumerate(names)], org_tokens)


def test_spelling_links_compare_each_pair_once_and_miss_none() -> None:
    """Names sharing several words (and a common word shared by all) are compared under one
    shared word only, with no set of compared pairs kept: the links are those of comparing
    every pair of equal length that shares a word."""
    from wirecheck.entities.orgs import _fuzzy_edges

    names = [
        "Brask Optical Works", "Brask Opticall Works", "Brask Optical Werks", "Harrow Lens Works",
        "Harow Lens Works", "Veloria Signal Works", "Veloria Signals Works", "Brask Works",
        "Braskk Works", "Morrow Optical Works", "Morow Optical Work",
    ]
    groups = _org_groups(names)
    pairs = [(left, right) for left, right, _ in _fuzzy_edges(groups, 0.85)]
    expected = _links_by_every_pair(groups, 0.85)
    assert set(pairs) == expected and len(pairs) == len(expected)  # every link, each once
    assert len(expected) >= 4


def test_spelling_links_in_a_block_of_hundreds_of_names() -> None:
    """A common word shared by hundreds of names (scored a block of rows at a time in C):
    the same links as comparing every pair, each once."""
    import random

    from wirecheck.entities.orgs import _ROWS, _fuzzy_edges

    rng = random.Random(5)
    stems = ["".join(rng.choice("aeioubdgklmnrstv") for _ in range(6)).title() for _ in range(450)]
    slips = [stem[:3] + stem[4:] for stem in stems[:150]]  # one letter dropped
    names = [f"{stem} Foundry Works" for stem in stems + slips]
    groups = _org_groups(names)
    assert len(groups) > 2 * _ROWS
    pairs = [(left, right) for left, right, _ in _fuzzy_edges(groups, 0.85)]
    assert set(pairs) == _links_by_every_pair(groups, 0.85) and len(pairs) == len(set(pairs))
    assert len(pairs) >= 100
