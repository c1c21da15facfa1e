"""The evaluator's indexes find exactly what a full scan finds (``wirecheck eval`` is linear).

Each index is a prefilter: a lookup by article key or name token must return every item a
scan of all items would accept, in the same order. Checked on the sample corpus's analysis
against its gold, where supply claims, conflicts, changes and entities all occur.
"""

from __future__ import annotations

from typing import Any

import pytest

from wirecheck.evaluate import evaluate
from wirecheck.evaluate.claims import _supply
from wirecheck.evaluate.clusters import gold_clusters, score_independent_origins
from wirecheck.evaluate.findings import (
    _articles,
    _entity_index,
    _found_conflicts,
    _hit_pairs,
    _hits,
    gold_conflicts,
    gold_entity_groups,
)
from wirecheck.evaluate.keys import keyed, norm
from wirecheck.evaluate.names import name_tokens
from wirecheck.model import Analysis, Family, Story


@pytest.mark.slow  # runs the pipeline on a corpus
def test_supply_index_finds_every_matching_group(
    sample_analysis: Analysis, sample_gold: dict[str, Any]
) -> None:
    supply = _supply(keyed(sample_analysis, sample_gold))
    relations = sample_gold.get("supply_relations") or []
    assert relations and supply.groups
    matched = 0
    for rel in relations:
        scan = [i for i in range(len(supply.groups)) if supply.matches(i, rel)]
        assert [i for i in supply.candidates(rel) if supply.matches(i, rel)] == scan
        matched += bool(scan)
    assert matched  # the check is not vacuous


@pytest.mark.slow  # runs the pipeline on a corpus
def test_conflict_index_finds_every_hit(
    sample_analysis: Analysis, sample_gold: dict[str, Any]
) -> None:
    k = keyed(sample_analysis, sample_gold)
    found = _found_conflicts(k)
    sides = [(_articles(k, x), _articles(k, y)) for x, y in found]
    by_key: dict[str, list[int]] = {}
    for i, (x, y) in enumerate(sides):
        for key in x | y:
            by_key.setdefault(key, []).append(i)
    wanted = gold_conflicts(sample_gold)
    assert wanted and found
    for want in wanted:
        scan = [i for i in range(len(found)) if _hits(found[i], sides[i], want)]
        assert _hit_pairs(found, sides, want, by_key) == scan


@pytest.mark.slow  # runs the pipeline on a corpus
def test_entity_index_finds_every_holder(
    sample_analysis: Analysis, sample_gold: dict[str, Any]
) -> None:
    entities = sample_analysis.entities
    by_name, by_tokens = _entity_index(entities)
    groups = gold_entity_groups(sample_gold)
    assert groups and entities
    for forms in groups.values():
        scan = {
            i for i, e in enumerate(entities)
            if any(norm(f) in {norm(n) for n in [e.name, *e.aliases]} for f in forms)
            or any(name_tokens(f) == name_tokens(e.name) for f in forms)
        }
        hits = {i for f in forms for i in by_name.get(norm(f), [])}
        hits |= {i for f in forms for i in by_tokens.get(name_tokens(f), [])}
        assert hits == scan


def test_origins_read_from_the_first_story_holding_most() -> None:
    """Ties go to the first predicted story in analysis order, as ``max`` over a scan does."""
    from wirecheck.model import Article

    articles = [Article(id=f"a{i}", source=f"/c/k{i}_x.txt") for i in range(1, 6)]
    stories = [
        Story(id="s1", articles=["a1"], families=[Family(id="f", articles=["a1"])],
              independent_origins=7),
        Story(id="s2", articles=["a2", "a3"], independent_origins=2),
        Story(id="s3", articles=["a4", "a5"], independent_origins=3),
    ]
    clusters = [["k2", "k3", "k4", "k5"], ["k1"]]
    gold = {"story": {"clusters": clusters, "independent_origins": [2, 7]}}
    analysis = Analysis(articles=articles, stories=stories)
    row = score_independent_origins(keyed(analysis, gold), gold)
    assert (row.tp, row.fn) == (2, 0)
    assert len(gold_clusters(gold)) == 2


@pytest.mark.slow  # runs the pipeline on a corpus
def test_seed_scores_unchanged_by_the_indexes(
    seed_analysis: Analysis, gold: dict[str, Any]
) -> None:
    """The seeds' named findings, scored through the indexes, stay found."""
    report = evaluate(seed_analysis, gold)
    for finding in ("independent_origins", "conflicts", "introduced_changes"):
        assert report.score(finding).recall == 1.0, finding
