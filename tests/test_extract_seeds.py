"""Extraction on the seed corpus, scored against ``gold.yaml`` (supply relations, quantities).

The scorer matches gold supplier/recipient by normalised name (through the gold file's own
entity alias table) and goods by taxonomy category. Floors only go up.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from conftest import seed_key
from test_extract_scorer import aliases, gold_triples, predicted_triples
from wirecheck.extract import ExtractionResult, extract_claims
from wirecheck.extract.goods import load_taxonomy
from wirecheck.extract.quantities import QUALIFIERS, overlaps, parse_quantities
from wirecheck.model import Article, ClaimKind, ClaimMention
from wirecheck.settings.extract import ExtractSettings

RECALL_FLOOR = 0.95
PRECISION_FLOOR = 0.85
END_USE_FLOOR = 0.90


@pytest.fixture(scope="module")
def extraction(seed_articles: list[Article]) -> ExtractionResult:
    return extract_claims(seed_articles, ExtractSettings())


@pytest.fixture(scope="module")
def keys(seed_articles: list[Article]) -> dict[str, str]:
    return {a.id: seed_key(a) for a in seed_articles}


def test_supply_relations_recall_and_precision(
    extraction: ExtractionResult, keys: dict[str, str], gold: dict[str, Any]
) -> None:
    expected = gold_triples(gold)
    predicted = predicted_triples(extraction, keys, aliases(gold))
    found = [t for t in expected if t in predicted]
    recall = len(found) / len(expected)
    precision = sum(1 for t in predicted if t in expected) / len(predicted)
    missing = sorted(set(expected) - set(found))
    extras = sorted(set(predicted) - set(expected))
    assert recall >= RECALL_FLOOR, f"recall {recall:.2f}; missing {missing}"
    assert precision >= PRECISION_FLOOR, f"precision {precision:.2f}; extras {extras}"


def _end_use_words(value: Any) -> set[str]:
    items = value if isinstance(value, list) else re.split(r"\s*/\s*", str(value))
    taxonomy = load_taxonomy()
    return {taxonomy.end_uses.lookup(i) or i.lower() for i in items}


def test_end_uses_where_gold_and_text_give_them(
    extraction: ExtractionResult, keys: dict[str, str], gold: dict[str, Any]
) -> None:
    predicted = predicted_triples(extraction, keys, aliases(gold))
    checked, right = 0, 0
    for triple, rel in gold_triples(gold).items():
        if "end_use" not in rel or triple[0] not in rel.get("end_use_in", rel["in"]):
            continue
        wanted = _end_use_words(rel["end_use"])
        mentions = predicted.get(triple, [])
        stated = [m for m in mentions if any(w.split()[-1][:5] in m.text.lower() for w in wanted)]
        if not stated:
            continue  # this article does not state the gold end use for this relation
        checked += 1
        right += any(wanted & {_end_use_words(u).pop() for u in m.end_use} for m in stated)
    assert checked >= 20
    assert right / checked >= END_USE_FLOOR, f"end uses right in {right}/{checked}"


def test_nitrocellulose_is_hedged(extraction: ExtractionResult, keys: dict[str, str]) -> None:
    nitro = [m for m in extraction.mentions if m.goods_category == "nitrocellulose"]
    by_article = {keys[m.article]: m for m in nitro}
    assert {"000", "001", "002", "003"} <= set(by_article)
    for key in ("000", "001", "003"):
        assert by_article[key].hedge == "likely", by_article[key].text
    assert by_article["002"].hedge is not None  # "reportedly"


def test_mentions_point_at_their_sentence(
    extraction: ExtractionResult, seed_articles: list[Article]
) -> None:
    bodies = {a.id: a.body for a in seed_articles}
    assert extraction.mentions
    for m in extraction.mentions:
        assert bodies[m.article][m.start : m.end] == m.text
        if m.kind == ClaimKind.SUPPLY:
            assert m.goods is not None and m.goods.split()[-1] in m.text
        if m.quantity is not None:
            assert bodies[m.article][m.quantity.start : m.quantity.end] == m.quantity.text
            assert m.start <= m.quantity.start < m.quantity.end <= m.end


def _quantities(extraction: ExtractionResult, keys: dict[str, str], key: str) -> list[ClaimMention]:
    return [
        m for m in extraction.mentions if m.kind == ClaimKind.QUANTITY and keys[m.article] == key
    ]


def test_every_gold_quantity_is_extracted(
    extraction: ExtractionResult, keys: dict[str, str], gold: dict[str, Any]
) -> None:
    settings = ExtractSettings()
    for claim in gold["quantitative_claims"]:
        for key, wording in claim["values"].items():
            wanted = parse_quantities(wording.split("(of")[0], settings)
            assert wanted, wording
            got = _quantities(extraction, keys, key)
            for want in wanted:
                same = [
                    m.quantity
                    for m in got
                    if m.quantity
                    and m.quantity.value == want.value
                    and m.quantity.unit == want.unit
                ]
                assert same, f"{claim['id']} {key}: {want.text!r} not extracted"
                kinds = {QUALIFIERS.get((q.qualifier or "").lower(), "bare") for q in same}
                assert QUALIFIERS.get(want.qualifier or "", "bare") in kinds, (claim["id"], key)


def test_conflicting_qualifiers_do_not_overlap(
    extraction: ExtractionResult, keys: dict[str, str]
) -> None:
    def share(key: str, qualifier: str | None) -> ClaimMention:
        return next(
            m
            for m in _quantities(extraction, keys, key)
            if m.quantity
            and m.quantity.unit == "%"
            and m.quantity.value == 70
            and (m.quantity.qualifier or "").lower() == (qualifier or "")
        )

    nearly, more, bare = share("003", "nearly"), share("004", "more than"), share("002", None)
    assert nearly.quantity and more.quantity and bare.quantity
    assert not overlaps(nearly.quantity, more.quantity)
    assert overlaps(bare.quantity, nearly.quantity) and overlaps(bare.quantity, more.quantity)
    assert nearly.measure == more.measure == bare.measure == "share of machine tools"
    assert nearly.quantity.period == more.quantity.period == "2023-Q4"


def test_about_ninety_percent_interval_and_shared_measure(
    extraction: ExtractionResult, keys: dict[str, str]
) -> None:
    shares = [
        m
        for key in ("000", "001", "002", "003", "004")
        for m in _quantities(extraction, keys, key)
        if m.quantity and m.quantity.unit == "%" and m.quantity.value == 90
    ]
    assert {keys[m.article] for m in shares} == {"000", "001", "002", "003", "004"}
    assert {m.measure for m in shares} == {"share of microelectronics"}
    about = next(m.quantity for m in shares if m.quantity and m.quantity.qualifier == "about")
    assert about.low is not None and about.high is not None
    assert 84 <= about.low <= 86 and 94 <= about.high <= 96


def test_semiconductor_change_has_two_periods(
    extraction: ExtractionResult, keys: dict[str, str]
) -> None:
    money = [
        m.quantity
        for m in _quantities(extraction, keys, "003")
        if m.quantity and m.quantity.unit == "USD" and m.quantity.value in (200e6, 500e6)
    ]
    periods = {(q.value, q.period, q.qualifier) for q in money if q}
    assert (200e6, "2021", None) in periods and (500e6, "2022", "over") in periods


def test_single_source_speakers_are_statements(
    extraction: ExtractionResult, keys: dict[str, str]
) -> None:
    speakers = {
        (keys[m.article], m.speaker)
        for m in extraction.mentions
        if m.kind in (ClaimKind.STATEMENT, ClaimKind.QUOTE)
    }
    for key, name in (("000", "Dennis Wilder"), ("003", "Liu Pengyu"), ("004", "Kurt Campbell")):
        assert (key, name) in speakers


def test_entity_spans_keep_legal_forms_and_long_names(
    extraction: ExtractionResult, keys: dict[str, str]
) -> None:
    orgs = {(keys[e.article], e.text) for e in extraction.entity_mentions if e.label == "ORG"}
    texts = {text for _, text in orgs}
    assert any(t.endswith("Co. Ltd.") for t in texts)
    assert any(t.endswith("Research Institute") for t in texts)
    assert ("000", "Hikvision") in orgs
    assert not any(t.upper() == "UAV" for t in texts)
