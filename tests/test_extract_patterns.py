"""Extraction on the team's own sentences: one test per supply/attribution/quote pattern.

Companies are invented; countries are real (the country gazetteer is generic geography).
"""

from __future__ import annotations

import pytest

from wirecheck.extract import ExtractionResult, extract_claims
from wirecheck.model import Article, ClaimKind, ClaimMention
from wirecheck.settings.extract import ExtractSettings

TEXTS: dict[str, str] = {
    "active": "Turkey supplied ball bearings to Belarus last year, officials said.",
    "with": "India provided Serbia with navigation equipment for its air force.",
    "passive": "Thermal imagers were supplied to Belarus by Kestrel Photonics Group.",
    "receive": "Belarus obtained machine tools from Norvik Precision Industries Co. Ltd. in May.",
    "origin": "Most of the chips that Serbia imported came from India.",
    "end_use": "Turkey sold drone engines to Belarus for use in attack drones.",
    "end_use_made": (
        "Iran was shipping nitrocellulose to Belarus, which is used to make propellants."
    ),
    "end_use_own": (
        "India supplied Serbia with drone engines and machine tools for artillery shells."
    ),
    "end_use_list": "India sold drone engines and machine tools to Serbia for use in tanks.",
    "end_use_manufacture": (
        "Turkey was providing Belarus with nitrocellulose used in the manufacture of munitions."
    ),
    "list": (
        "Officials said several Iranian companies — including Zarin Optics Co., Pars Lens "
        "Group and Kavir Electronics — were providing optical components to Belarus."
    ),
    "next_sentence_list": (
        "The ministry said three Turkish firms shipped microelectronics to Belarus. They are "
        "Ankara Chipworks Ltd; Bosphorus Semiconductor Corp; and Anatolia Silicon Group."
    ),
    "another": (
        "Belarus received thermal imagers from Kestrel Photonics Group. A second official "
        "identified another manufacturer as Varna Optical Works."
    ),
    "denied": "India denied supplying machine tools to Serbia.",
    "not": "Turkey has not provided drones to Belarus.",
    "refused": "Belarus asked Turkey for ball bearings but was refused.",
    "hedge": "Turkish entities were likely providing Belarus with nitrocellulose, officials said.",
    "reportedly": "India has reportedly shipped chips to Serbia.",
    "no_goods": "Turkey's exports to Belarus rose sharply last year.",
    "controls": "The ministry said it would tighten export controls on chips next month.",
    "attribution": (
        "Senior European officials said Turkey supplied ball bearings to Belarus. They added "
        "that Turkish firms had also shipped chips to Belarus."
    ),
    "according": "According to an EU assessment, India sold lathes to Serbia.",
    "quote": (
        "Anna Kowalski, a trade analyst at the Baltic Institute, said the shipments were "
        "growing. “The volumes we are seeing are far above anything from last year,” she said."
    ),
    # a scraped excerpt cut inside the speaker's name, after a sentence with its own source
    "quote_cut": (
        "The tremor was felt 80 km away, according to the Regional Seismic Office. "
        '"It shook everything. We ran into the street," said 52-year-old harbour worker Lena Ma'
    ),
    "quote_carried": (
        "Port officials said the cranes were damaged. “We will need weeks to repair them.” "
        "The port stayed closed."
    ),
    "share": (
        "Nearly 60% of Belarus's ball bearing imports came from Turkey in the first quarter "
        "of 2024, while about 25% came from India."
    ),
    "change": (
        "Serbia's chip imports from India rose from $30 million in 2020 to more than "
        "$45 million in 2021, customs data show."
    ),
    "relative": "India supplied 40% of the chips Serbia imported last year.",
    "considering": "Officials said Turkey was considering supplying drones to Belarus.",
    "concerned": "A minister said Serbia was concerned India was delivering lathes to Belarus.",
    "end_use_appositive": (
        "Iran shipped drone engines, turbine parts and nitrocellulose, a compound used to "
        "make propellants, to Belarus."
    ),
}


@pytest.fixture(scope="module")
def result() -> ExtractionResult:
    articles = [
        Article(id=key, source=f"{key}.txt", body=text, date="2025-03-10")
        for key, text in TEXTS.items()
    ]
    return extract_claims(articles, ExtractSettings())


def mentions(result: ExtractionResult, key: str, kind: ClaimKind) -> list[ClaimMention]:
    return [m for m in result.mentions if m.article == key and m.kind == kind]


def relations(result: ExtractionResult, key: str) -> set[tuple[str | None, ...]]:
    return {
        (m.supplier, m.recipient, m.goods_category)
        for m in mentions(result, key, ClaimKind.SUPPLY)
        if not m.negated and not m.intent
    }


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("active", {("Türkiye", "Belarus", "ball_bearings")}),
        ("with", {("India", "Serbia", "navigation")}),
        ("passive", {("Kestrel Photonics Group", "Belarus", "optics")}),
        ("receive", {("Norvik Precision Industries", "Belarus", "machine_tools")}),
        ("origin", {("India", "Serbia", "microelectronics")}),
        ("end_use", {("Türkiye", "Belarus", "uav_engines")}),
        ("end_use_made", {("Iran", "Belarus", "nitrocellulose")}),
        ("according", {("India", "Serbia", "machine_tools")}),
        ("relative", {("India", "Serbia", "microelectronics")}),
    ],
)
def test_supply_patterns(
    result: ExtractionResult, key: str, expected: set[tuple[str, ...]]
) -> None:
    assert relations(result, key) == expected


def test_listed_suppliers_are_named(result: ExtractionResult) -> None:
    assert relations(result, "list") == {
        (name, "Belarus", "optics")
        for name in ("Zarin Optics", "Pars Lens Group", "Kavir Electronics")
    }


def test_suppliers_named_in_the_next_sentence(result: ExtractionResult) -> None:
    suppliers = {s for s, _, _ in relations(result, "next_sentence_list")}
    assert suppliers == {"Ankara Chipworks", "Bosphorus Semiconductor", "Anatolia Silicon Group"}


def test_another_manufacturer_joins_the_previous_relation(result: ExtractionResult) -> None:
    assert relations(result, "another") == {
        ("Kestrel Photonics Group", "Belarus", "optics"),
        ("Varna Optical Works", "Belarus", "optics"),
    }
    joined = [m for m in mentions(result, "another", ClaimKind.SUPPLY) if "Varna" in m.text]
    assert joined and "thermal imagers" in joined[0].text  # span covers both sentences


def test_end_uses(result: ExtractionResult) -> None:
    (engines,) = mentions(result, "end_use", ClaimKind.SUPPLY)
    assert "drones" in engines.end_use
    (nitro,) = mentions(result, "end_use_made", ClaimKind.SUPPLY)
    assert "propellants" in nitro.end_use


@pytest.mark.parametrize("key", ["denied", "not", "refused", "no_goods", "controls"])
def test_negatives_assert_no_supply(result: ExtractionResult, key: str) -> None:
    assert relations(result, key) == set()


def test_negations_are_kept_as_negated(result: ExtractionResult) -> None:
    for key in ("denied", "not"):
        found = mentions(result, key, ClaimKind.SUPPLY)
        assert found and all(m.negated for m in found)


def test_considered_supply_is_an_intent_not_a_supply(result: ExtractionResult) -> None:
    (considered,) = mentions(result, "considering", ClaimKind.SUPPLY)
    assert (considered.intent, considered.negated) == ("considering", False)
    assert relations(result, "considering") == set()
    assert considered.explanation is not None
    assert "planned or considered" in considered.explanation.summary
    (plain,) = mentions(result, "active", ClaimKind.SUPPLY)
    assert plain.intent is None


def test_a_feared_supply_is_hedged(result: ExtractionResult) -> None:
    (feared,) = mentions(result, "concerned", ClaimKind.SUPPLY)
    assert (feared.supplier, feared.hedge) == ("India", "concerned")


def test_an_appositive_end_use_is_its_own_goods(result: ExtractionResult) -> None:
    found = {m.goods_category: m.end_use for m in mentions(result, "end_use_appositive",
                                                           ClaimKind.SUPPLY)}
    assert "propellants" in found["nitrocellulose"]
    assert found["uav_engines"] == []


def test_hedges(result: ExtractionResult) -> None:
    (likely,) = mentions(result, "hedge", ClaimKind.SUPPLY)
    assert (likely.supplier, likely.hedge) == ("Türkiye", "likely")
    (reported,) = mentions(result, "reportedly", ClaimKind.SUPPLY)
    assert reported.hedge == "reportedly"
    (plain,) = mentions(result, "active", ClaimKind.SUPPLY)
    assert plain.hedge is None


def test_attribution_is_carried_to_they_added(result: ExtractionResult) -> None:
    found = mentions(result, "attribution", ClaimKind.SUPPLY)
    assert {m.goods_category for m in found} == {"ball_bearings", "microelectronics"}
    assert {m.attribution for m in found} == {"Senior European officials"}
    (according,) = mentions(result, "according", ClaimKind.SUPPLY)
    assert according.attribution == "EU assessment"


def test_quote_speaker_and_statement(result: ExtractionResult) -> None:
    (quote,) = mentions(result, "quote", ClaimKind.QUOTE)
    assert quote.speaker == "Anna Kowalski"
    assert quote.quote is not None and quote.quote.startswith("The volumes we are seeing")
    statements = mentions(result, "quote", ClaimKind.STATEMENT)
    assert statements and statements[0].speaker == "Anna Kowalski"


def test_quote_speaker_is_named_after_it_or_unknown(result: ExtractionResult) -> None:
    # "...," said X names the speaker there: a source the sentence only inherits from the
    # sentence before (an "according to" of another fact) is not whom the quote is from
    (cut,) = mentions(result, "quote_cut", ClaimKind.QUOTE)
    assert cut.speaker != "Regional Seismic Office"
    assert cut.speaker is None or "Lena" in cut.speaker
    # with no speech verb after it, a quotation keeps the speaker of the sentence before
    (carried,) = mentions(result, "quote_carried", ClaimKind.QUOTE)
    assert carried.speaker == "Port officials"


def test_quantity_claims_have_measure_interval_and_period(result: ExtractionResult) -> None:
    shares = {
        m.quantity.text: m for m in mentions(result, "share", ClaimKind.QUANTITY) if m.quantity
    }
    nearly = shares["Nearly 60%"]
    assert nearly.measure == "share of ball bearings"
    assert nearly.quantity is not None and nearly.quantity.period == "2024-Q1"
    assert nearly.quantity.high == 60 and not nearly.quantity.high_inclusive
    change = [m.quantity for m in mentions(result, "change", ClaimKind.QUANTITY) if m.quantity]
    assert [(q.value, q.period) for q in change] == [(30e6, "2020"), (45e6, "2021")]
    (relative,) = mentions(result, "relative", ClaimKind.QUANTITY)
    assert relative.quantity is not None and relative.quantity.period == "2024"
    assert relative.measure == "share of microelectronics"


def test_entity_spans_keep_legal_forms(result: ExtractionResult) -> None:
    orgs = {e.text for e in result.entity_mentions if e.label == "ORG"}
    assert "Norvik Precision Industries Co. Ltd." in orgs
    assert "Pars Lens Group" in orgs
    for e in result.entity_mentions:
        assert TEXTS[e.article][e.start : e.end] == e.text


def test_degenerate_bodies_do_not_break_the_stage() -> None:
    bodies = ["", "   \n\n  ", "“”", '"', "100%", "Acme Co. Ltd.", "$", "They said."]
    articles = [Article(id=str(i), source="x", body=b) for i, b in enumerate(bodies)]
    result = extract_claims(articles, ExtractSettings())
    assert [m for m in result.mentions if m.kind != ClaimKind.QUANTITY] == []


def test_end_use_belongs_to_its_goods(result: ExtractionResult) -> None:
    """A purpose on one goods of a list is that goods' end use only; a use the goods' name
    already says ("drone engines") is no stated purpose."""
    found = {m.goods_category: m.end_use for m in mentions(result, "end_use_own",
                                                             ClaimKind.SUPPLY)}
    assert found["machine_tools"] == ["munitions"]
    assert found["uav_engines"] == []


def test_end_use_of_a_production_noun(result: ExtractionResult) -> None:
    (nitro,) = mentions(result, "end_use_manufacture", ClaimKind.SUPPLY)
    assert nitro.end_use == ["munitions"]


def test_end_use_after_the_whole_list_is_every_goods(result: ExtractionResult) -> None:
    found = {m.goods_category: m.end_use for m in mentions(result, "end_use_list",
                                                             ClaimKind.SUPPLY)}
    assert found == {"uav_engines": ["tanks"], "machine_tools": ["tanks"]}
