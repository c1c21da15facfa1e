"""Cluster scorers: stories (pairwise P/R and ARI), origin families, independent origins."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import combinations
from math import comb
from typing import Any

from wirecheck.evaluate.keys import Keyed
from wirecheck.evaluate.results import FindingScore

Pair = frozenset[str]


def cluster_pairs(clusters: Iterable[Iterable[str]]) -> set[Pair]:
    return {frozenset(p) for c in clusters for p in combinations(sorted(set(c)), 2)}


def score_pairs(row: FindingScore, gold: set[Pair], found: set[Pair]) -> FindingScore:
    row.tp = len(gold & found)
    row.fp = len(found - gold)
    row.fn = len(gold - found)
    row.support = len(gold)
    row.misses = [f"missed {'+'.join(sorted(p))}" for p in sorted(gold - found, key=sorted)]
    row.misses += [
        f"wrongly joined {'+'.join(sorted(p))}" for p in sorted(found - gold, key=sorted)
    ]
    return row


def gold_clusters(gold: Mapping[str, Any]) -> list[list[str]]:
    return [[str(x) for x in c] for c in (gold.get("story") or {}).get("clusters") or []]


def found_clusters(k: Keyed) -> list[list[str]]:
    """Predicted stories as gold keys; keyed articles in no story are singletons."""
    clusters = [sorted(k.keys(s.articles)) for s in k.analysis.stories]
    placed = {key for c in clusters for key in c}
    clusters += [[key] for key in sorted(k.id_of) if key not in placed]
    return [c for c in clusters if c]


def adjusted_rand(a: list[list[str]], b: list[list[str]]) -> float:
    """Adjusted Rand index of two clusterings of the same items (Hubert & Arabie 1985).

    Written out (a dozen lines) rather than importing scikit-learn, which is not a
    dependency of wirecheck.
    """
    items = sorted({x for c in a for x in c} & {x for c in b for x in c})
    if len(items) < 2:
        return 1.0
    label_a = {x: i for i, c in enumerate(a) for x in c}
    label_b = {x: i for i, c in enumerate(b) for x in c}
    table: dict[tuple[int, int], int] = {}
    for x in items:
        cell = (label_a[x], label_b[x])
        table[cell] = table.get(cell, 0) + 1
    rows: dict[int, int] = {}
    cols: dict[int, int] = {}
    for (i, j), n in table.items():
        rows[i] = rows.get(i, 0) + n
        cols[j] = cols.get(j, 0) + n
    index = sum(comb(n, 2) for n in table.values())
    sum_rows = sum(comb(n, 2) for n in rows.values())
    sum_cols = sum(comb(n, 2) for n in cols.values())
    expected = sum_rows * sum_cols / comb(len(items), 2)
    maximum = (sum_rows + sum_cols) / 2
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)


def score_stories(k: Keyed, gold: Mapping[str, Any]) -> FindingScore:
    row = FindingScore(finding="stories")
    want = gold_clusters(gold)
    if not want:
        row.note = "gold has no story clusters"
        return row
    if not k.analysis.stories:
        row.note = "analysis has no stories"
    found = found_clusters(k)
    score_pairs(row, cluster_pairs(want), cluster_pairs(found))
    row.extra["ari"] = adjusted_rand(want, found)
    return row


def gold_families(gold: Mapping[str, Any]) -> set[Pair]:
    """Same-origin pairs: listed pairs plus every pair inside a listed family."""
    story = gold.get("story") or {}
    pairs = {frozenset(map(str, p)) for p in story.get("same_origin_pairs") or []}
    return pairs | cluster_pairs([map(str, f) for f in story.get("families") or []])


def score_families(k: Keyed, gold: Mapping[str, Any]) -> FindingScore:
    row = FindingScore(finding="families")
    want = gold_families(gold)
    families = [sorted(k.keys(f.articles)) for s in k.analysis.stories for f in s.families]
    if not families:
        row.note = "analysis has no origin families"
    score_pairs(row, want, cluster_pairs(families))
    return row


def _gold_origins(gold: Mapping[str, Any], clusters: list[list[str]]) -> list[int]:
    value = (gold.get("story") or {}).get("independent_origins")
    if value is None:
        return []
    return [int(v) for v in value] if isinstance(value, list) else [int(value)] * len(clusters)


def _story_overlaps(cluster: list[str], story_of: Mapping[str, list[int]]) -> Counter[int]:
    """Predicted story index -> how many of the cluster's keys it holds."""
    counts: Counter[int] = Counter()
    for key in set(cluster):
        counts.update(story_of.get(key, []))
    return counts


def score_independent_origins(k: Keyed, gold: Mapping[str, Any]) -> FindingScore:
    """Exact count per gold story, read from the predicted story that holds most of it (the
    first such story in analysis order; stories are found through a key index, so this is
    linear in the corpus, not gold stories x predicted stories)."""
    row = FindingScore(finding="independent_origins")
    clusters = gold_clusters(gold)
    stories = k.analysis.stories
    story_of: dict[str, list[int]] = {}
    for i, story in enumerate(stories):
        for key in k.keys(story.articles):
            story_of.setdefault(key, []).append(i)
    for cluster, want in zip(clusters, _gold_origins(gold, clusters), strict=False):
        counts = _story_overlaps(cluster, story_of)
        best = max(counts.values(), default=0)
        index = min((i for i, n in counts.items() if n == best), default=None)
        got = stories[index].independent_origins if index is not None else None
        row.tally_exact(got, want, f"{'+'.join(cluster[:3])}...")
    return row
