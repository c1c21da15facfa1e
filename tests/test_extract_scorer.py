"""The gold scorer of the extraction tests (seed and sample corpora), and its own tests.

Gold supplier/recipient are matched by normalised name through the gold file's entity alias
table; goods by taxonomy category; per article key.
"""

from __future__ import annotations

import re
from typing import Any

from wirecheck.extract import ExtractionResult
from wirecheck.extract.entities import organisation_name
from wirecheck.extract.goods import goods_category
from wirecheck.model import ClaimKind, ClaimMention

Triple = tuple[str, str, str, str]  # article key, supplier, recipient, goods category


def norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", organisation_name(name).lower()).strip()


def aliases(gold: dict[str, Any]) -> dict[str, str]:
    table: dict[str, str] = {}
    for canonical, forms in gold["entities"].items():
        if canonical == "people":
            continue
        for form in [canonical, *forms]:
            table[norm(form)] = norm(canonical)
    return table


def gold_triples(gold: dict[str, Any]) -> dict[Triple, dict[str, Any]]:
    out: dict[Triple, dict[str, Any]] = {}
    for rel in gold["supply_relations"]:
        category = goods_category(rel["goods"])
        assert category is not None, f"taxonomy lacks gold goods {rel['goods']!r}"
        for key in rel["in"]:
            out[(key, norm(rel["supplier"]), norm(rel["recipient"]), category)] = rel
    return out


def predicted_triples(
    extraction: ExtractionResult, keys: dict[str, str], aliases: dict[str, str]
) -> dict[Triple, list[ClaimMention]]:
    out: dict[Triple, list[ClaimMention]] = {}
    for m in extraction.mentions:
        if m.kind != ClaimKind.SUPPLY or m.negated:
            continue
        assert m.supplier and m.recipient and m.goods_category
        supplier = aliases.get(norm(m.supplier), norm(m.supplier))
        triple = (keys[m.article], supplier, norm(m.recipient), m.goods_category)
        out.setdefault(triple, []).append(m)
    return out


def test_scorer_normalises_names_and_goods() -> None:
    gold = {
        "entities": {"Acme Optics": ["Acme Optics Co. Ltd."], "people": ["A B"]},
        "supply_relations": [
            {
                "supplier": "Acme Optics",
                "recipient": "Ruritania",
                "goods": "thermal imagers",
                "in": ["k1"],
            },
        ],
    }
    mention = ClaimMention(
        id="m",
        article="a1",
        kind=ClaimKind.SUPPLY,
        start=0,
        end=1,
        text="x",
        supplier="Acme Optics Co. Ltd.",
        recipient="Ruritania",
        goods="optical sights",
        goods_category="optics",
    )
    found = predicted_triples(ExtractionResult(mentions=[mention]), {"a1": "k1"}, aliases(gold))
    assert set(found) == set(gold_triples(gold)) == {("k1", "acme optics", "ruritania", "optics")}
