"""Claim scorers: supply relations (parties, goods, end use, articles) and quantities."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wirecheck.evaluate.keys import Keyed
from wirecheck.evaluate.names import (
    any_party,
    entity_names,
    name_tokens,
    party_names,
    same_end_use,
    same_goods,
)
from wirecheck.evaluate.results import FindingScore
from wirecheck.model import ClaimGroup, ClaimKind, ClaimStance, Quantity


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, list) else re.split(r"\s*[/,]\s*", str(value))
    return [str(x).strip() for x in items if str(x).strip()]


@dataclass(frozen=True)
class _Supply:
    """A supply group with its parties as names, indexed by name token: a gold relation
    is compared only with the groups whose supplier and recipient share a token with its
    own (``same_party`` never holds without one), so scoring is linear, not relations x
    groups."""

    groups: list[ClaimGroup]
    suppliers: list[list[str]]
    recipients: list[list[str]]
    by_supplier: dict[str, set[int]]
    by_recipient: dict[str, set[int]]

    def candidates(self, rel: Mapping[str, Any]) -> list[int]:
        supplier = name_tokens(str(rel.get("supplier", "")))
        recipient = name_tokens(str(rel.get("recipient", "")))
        first = set().union(*(self.by_supplier.get(t, set()) for t in supplier))
        second = set().union(*(self.by_recipient.get(t, set()) for t in recipient))
        return sorted(first & second)

    def matches(self, i: int, rel: Mapping[str, Any]) -> bool:
        return (
            any_party(self.suppliers[i], str(rel.get("supplier", "")))
            and any_party(self.recipients[i], str(rel.get("recipient", "")))
            and same_goods(str(rel.get("goods", "")), self.groups[i].goods)
        )


def _token_index(names: list[list[str]]) -> dict[str, set[int]]:
    index: dict[str, set[int]] = {}
    for i, group_names in enumerate(names):
        for name in group_names:
            for token in name_tokens(name):
                index.setdefault(token, set()).add(i)
    return index


def _supply(k: Keyed) -> _Supply:
    # a denied or only considered supply ("stopped short of providing") is not a relation
    groups = [g for g in k.analysis.claims
              if g.kind == ClaimKind.SUPPLY and g.stance == ClaimStance.ASSERTED]
    names_of = entity_names(k.analysis)
    suppliers = [party_names(names_of, g.supplier) for g in groups]
    recipients = [party_names(names_of, g.recipient) for g in groups]
    return _Supply(groups, suppliers, recipients, _token_index(suppliers), _token_index(recipients))


@dataclass
class SupplyScores:
    relations: FindingScore
    end_use: FindingScore
    articles: FindingScore


def score_supply(k: Keyed, gold: Mapping[str, Any]) -> SupplyScores:
    """Gold relation found = some supply group with matching supplier, recipient, goods.

    Then, over the matched groups: end-use terms (P/R) and the articles stating the
    relation (P/R over (relation, article) pairs against the gold ``in`` lists).
    """
    out = SupplyScores(
        FindingScore(finding="supply_relations"),
        FindingScore(finding="supply_end_use"),
        FindingScore(finding="supply_articles"),
    )
    supply = _supply(k)
    groups = supply.groups
    if not groups:
        out.relations.note = "analysis has no supply claims"
    used: set[str] = set()
    hedges = [0, 0]
    for rel in gold.get("supply_relations") or []:
        label = f"{rel.get('supplier')} -> {rel.get('recipient')}: {rel.get('goods')}"
        out.relations.support += 1
        matched = [groups[i] for i in supply.candidates(rel) if supply.matches(i, rel)]
        if not matched:
            out.relations.fn += 1
            out.relations.misses.append(f"missed {label}")
            _score_articles(out.articles, set(map(str, rel.get("in") or [])), set(), label)
            continue
        out.relations.tp += 1
        used.update(g.id for g in matched)
        _score_end_use(out.end_use, _as_list(rel.get("end_use")), matched, label)
        found = {key for g in matched for key in k.keys([m.article for m in g.mentions])}
        _score_articles(out.articles, set(map(str, rel.get("in") or [])), found, label)
        if rel.get("hedge"):
            hedges[0] += 1
            hedges[1] += any(g.hedge == rel["hedge"] for g in matched)
    out.relations.fp = sum(1 for g in groups if g.id not in used and _keyed_group(k, g))
    if hedges[0]:
        out.relations.extra["hedge_right"] = hedges[1] / hedges[0]
    return out


def _keyed_group(k: Keyed, group: ClaimGroup) -> bool:
    return bool(k.keys([m.article for m in group.mentions]))


def _score_end_use(
    row: FindingScore, want: list[str], groups: list[ClaimGroup], label: str
) -> None:
    found = sorted({use for g in groups for use in g.end_use})
    row.support += len(want)
    for term in want:
        if any(same_end_use(term, f) for f in found):
            row.tp += 1
        else:
            row.fn += 1
            row.misses.append(f"{label}: end use {term!r} missing")
    row.fp += sum(1 for f in found if want and not any(same_end_use(t, f) for t in want))


def _score_articles(row: FindingScore, want: set[str], found: set[str], label: str) -> None:
    row.support += len(want)
    row.tp += len(want & found)
    row.fn += len(want - found)
    row.fp += len(found - want)
    if want - found:
        row.misses.append(f"{label}: not found in {sorted(want - found)}")


# --------------------------------------------------------------------------- quantities

_QUALIFIERS = {
    "below": ("nearly", "almost", "just under", "under", "less than", "fewer than", "up to"),
    "above": ("more than", "over", "at least", "above", "just over", "upwards of"),
    "approx": ("about", "around", "roughly", "approximately", "some", "an estimated"),
}
_QUAL_RX = "|".join(sorted((q for qs in _QUALIFIERS.values() for q in qs), key=len, reverse=True))
_VALUE = re.compile(
    rf"(?:(?P<qual>{_QUAL_RX})\s+)?(?P<cur>[$£€])?\s?(?P<num>\d[\d,]*(?:\.\d+)?)\s?"
    r"(?P<scale>million|billion|thousand|bn|m|k)?\b\s?(?P<pct>%|per ?cent)?",
    re.IGNORECASE,
)
_SCALE = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3, "k": 1e3}


@dataclass(frozen=True)
class GoldValue:
    value: float
    qualifier: str  # below|above|approx|exact
    text: str


def qualifier_class(qualifier: str | None) -> str:
    q = (qualifier or "").lower().strip()
    for name, words in _QUALIFIERS.items():
        if q in words:
            return name
    return "exact"


def parse_gold_values(text: str) -> list[GoldValue]:
    """Every number of a gold value text ("Nearly 70%", "$900m (£723m)"), scaled."""
    out: list[GoldValue] = []
    for m in _VALUE.finditer(text):
        number = float(m["num"].replace(",", ""))
        scale = _SCALE.get((m["scale"] or "").lower(), 1.0)
        out.append(GoldValue(number * scale, qualifier_class(m["qual"]), m.group(0).strip()))
    return out


def _close(a: float | None, b: float) -> bool:
    return a is not None and abs(a - b) <= 1e-6 * max(1.0, abs(b))


def score_quantities(k: Keyed, gold: Mapping[str, Any]) -> FindingScore:
    """Gold (claim, article, value): found when a quantity of that article has the value in
    its interval and the same qualifier class; a found value with another qualifier is a
    false find. Quantities the gold does not list are not counted (the list is not
    exhaustive)."""
    row = FindingScore(finding="quantities")
    by_article: dict[str, list[Quantity]] = {}
    for m in k.analysis.mentions:
        if m.quantity is not None:
            by_article.setdefault(m.article, []).append(m.quantity)
    if not by_article:
        row.note = "analysis has no quantity mentions"
    for claim in gold.get("quantitative_claims") or []:
        for key, text in (claim.get("values") or {}).items():
            article_id = k.id_of.get(str(key))
            here = by_article.get(article_id or "", [])
            for want in parse_gold_values(str(text)):
                row.support += 1
                hits = [
                    q for q in here
                    if _close(q.value, want.value)
                    or (q.low is not None and q.high is not None and q.low <= want.value <= q.high)
                ]
                if any(qualifier_class(q.qualifier) == want.qualifier for q in hits):
                    row.tp += 1
                    continue
                row.fn += 1
                row.fp += bool(hits)
                got = ", ".join(q.text for q in hits) or "nothing"
                row.misses.append(f"{claim.get('id')} {key}: {want.text!r} -> {got}")
    return row
