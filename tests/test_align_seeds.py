"""Acceptance of the align stage on the seed corpus, against ``gold.yaml``.

The seed texts are read through the conftest fixtures (never copied); expected
findings come from gold.yaml (quantitative_claims, single_source_facts,
introduced_errors). The whole pipeline runs once per session (``seed_analysis``).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from wirecheck.evaluate.findings import score_changes, score_single_source
from wirecheck.evaluate.keys import keyed
from wirecheck.model import Analysis, ClaimGroup, ClaimKind, ClaimStatus

pytestmark = pytest.mark.slow  # needs the whole pipeline on the seeds (shared fixture)


def _gold_claim(gold: dict[str, Any], claim_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in gold["quantitative_claims"] if c["id"] == claim_id)
    return found


def _value(text: str) -> float:
    match = re.search(r"\d+(?:\.\d+)?", text)
    assert match is not None
    return float(match.group(0))


def _qualifier(text: str) -> str | None:
    lowered = text.lower()
    for word in ("nearly", "more than", "about"):
        if word in lowered:
            return word
    return None


def _groups_with(analysis: Analysis, value: float, articles: set[str]) -> list[ClaimGroup]:
    return [
        g for g in analysis.claims
        if g.kind == ClaimKind.QUANTITY and g.quantity is not None and g.quantity.unit == "%"
        and g.quantity.value == value and {m.article for m in g.mentions} & articles
    ]


def _ids(analysis: Analysis, keys: list[str]) -> dict[str, str]:
    from conftest import seed_key

    by_key = {seed_key(a): a.id for a in analysis.articles}
    return {k: by_key[k] for k in keys}


def test_machine_tool_share_is_a_conflict(seed_analysis: Analysis, gold: dict[str, Any]) -> None:
    claim = _gold_claim(gold, "machine_tool_share")
    values: dict[str, str] = {str(k): str(v) for k, v in claim["values"].items()}
    ids = _ids(seed_analysis, list(values))
    by_qualifier = {}
    for key, text in values.items():
        groups = _groups_with(seed_analysis, _value(text), {ids[key]})
        assert len(groups) == 1, f"{key}: {text!r} is in {len(groups)} groups"
        by_qualifier[_qualifier(text)] = groups[0]
    nearly, more, bare = by_qualifier["nearly"], by_qualifier["more than"], by_qualifier[None]
    assert nearly.status == more.status == ClaimStatus.CONFLICT
    assert more.id in [n.with_ for n in nearly.conflicts]
    assert nearly.id in [n.with_ for n in more.conflicts]
    assert bare.status != ClaimStatus.CONFLICT and not bare.conflicts
    assert bare.explanation is not None
    assert nearly.id in bare.explanation.summary and more.id in bare.explanation.summary


def test_microelectronics_share_counts_families(seed_analysis: Analysis,
                                                gold: dict[str, Any]) -> None:
    """One group holds the five versions; its origins are the provenance families."""
    claim = _gold_claim(gold, "microelectronics_share")
    ids = _ids(seed_analysis, [str(k) for k in claim["values"]])
    groups = _groups_with(seed_analysis, 90.0, set(ids.values()))
    assert len(groups) == 1
    group = groups[0]
    assert {m.article for m in group.mentions} == set(ids.values())
    assert group.status == ClaimStatus.CORROBORATED
    families = {a.family for a in seed_analysis.articles if a.id in ids.values()}
    assert group.independent_origins == len(families) < len(ids)


def test_microelectronics_share_has_four_origins(seed_analysis: Analysis,
                                                 gold: dict[str, Any]) -> None:
    """Gold: 4 independent origins (the two copies of one outlet count once).

    Needs provenance to put exactly the gold's same-origin pair in one family.
    """
    claim = _gold_claim(gold, "microelectronics_share")
    ids = _ids(seed_analysis, [str(k) for k in claim["values"]])
    group = _groups_with(seed_analysis, 90.0, set(ids.values()))[0]
    assert group.independent_origins == gold["story"]["independent_origins"] == 4


def test_single_source_facts(seed_analysis: Analysis, gold: dict[str, Any]) -> None:
    row = score_single_source(keyed(seed_analysis, gold), gold)
    assert row.support == 8
    assert row.tp >= 6, row.misses


def test_introduced_errors_reported_with_few_extras(seed_analysis: Analysis,
                                                    gold: dict[str, Any]) -> None:
    row = score_changes(keyed(seed_analysis, gold), gold)
    assert row.tp >= 2, row.misses
    assert row.fp <= 3, [c.text[:80] for c in seed_analysis.changes]
    for change in seed_analysis.changes:
        assert change.origin and change.text and change.origin_text and change.explanation
        assert change.details is not None and change.details.features
