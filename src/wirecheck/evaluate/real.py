"""Scorers on real-coverage labels: stories, occasions, families, origins, changes.

Pairwise scores as for gold files (``clusters.py``); ambiguous files leave story scoring,
unsure files leave family scoring. Titles and numeric conflicts: ``real_claims.py``.
"""

from __future__ import annotations

from itertools import combinations

from rapidfuzz import fuzz

from wirecheck.evaluate.clusters import (
    Pair,
    adjusted_rand,
    cluster_pairs,
    found_clusters,
    score_pairs,
)
from wirecheck.evaluate.keys import Keyed, norm
from wirecheck.evaluate.labels import LabelledChange, LabelledStory, RealLabels
from wirecheck.evaluate.results import FindingScore
from wirecheck.model import Change, Story


def score_real_stories(k: Keyed, labels: RealLabels) -> FindingScore:
    row = FindingScore(finding="stories")
    scored = {f for s in labels.stories for f in s.files} - labels.ambiguous
    want = [sorted(set(s.files) & scored) for s in labels.stories]
    found = [sorted(set(c) & scored) for c in found_clusters(k)]
    want, found = [c for c in want if c], [c for c in found if c]
    score_pairs(row, cluster_pairs(want), cluster_pairs(found))
    row.extra["ari"] = adjusted_rand(want, found)
    row.note = f"{len(labels.ambiguous & set(k.id_of))} ambiguous files left out"
    return row


def main_story_match(k: Keyed, story: LabelledStory) -> Story | None:
    """The predicted story holding most of a labelled main story's files."""
    files = set(story.files)
    best = max(k.analysis.stories, key=lambda s: len(k.keys(s.articles) & files), default=None)
    return best if best is not None and k.keys(best.articles) & files else None


def score_occasions(k: Keyed, labels: RealLabels) -> FindingScore:
    """Occasion texts (hard negatives) kept out of the predicted main story: tp; inside: fn."""
    row = FindingScore(finding="occasions_kept_out")
    inside: list[str] = []
    for story in labels.main_stories():
        match = main_story_match(k, story)
        held = k.keys(match.articles) if match else set()
        for key in labels.occasions_of(story.id):
            if key in k.id_of:
                row.support += 1
                inside += [key] if key in held else []
    row.fn = len(inside)
    row.tp = row.support - row.fn
    row.extra["inside"] = float(len(inside))
    row.misses = [f"occasion text {key} inside its main story" for key in sorted(inside)]
    row.note = "occasion texts inside a main story: " + str(len(inside))
    return row


def _found_family_of(k: Keyed) -> dict[str, str]:
    return {
        key: family.id
        for story in k.analysis.stories
        for family in story.families
        for key in k.keys(family.articles)
    }


def _family_pairs(k: Keyed, files: set[str]) -> set[Pair]:
    family_of = _found_family_of(k)
    return {
        frozenset(p)
        for p in combinations(sorted(files), 2)
        if p[0] in family_of and family_of.get(p[0]) == family_of.get(p[1])
    }


def score_real_families(k: Keyed, labels: RealLabels) -> list[FindingScore]:
    """Pairwise within each main story (all stories, then one row per topic)."""
    total = FindingScore(finding="families")
    rows: list[FindingScore] = []
    gold_all: set[Pair] = set()
    found_all: set[Pair] = set()
    for story in labels.main_stories():
        origins = labels.families.get(story.id, {})
        if not origins:
            continue
        files = {f for members in origins.values() for f in members}
        want, found = cluster_pairs(origins.values()), _family_pairs(k, files)
        gold_all |= want
        found_all |= found
        row = FindingScore(finding=f"families:{labels.topic(story)}")
        rows.append(score_pairs(row, want, found))
    score_pairs(total, gold_all, found_all)
    total.note = f"{len(labels.unsure & set(k.id_of))} unsure files left out"
    return [total, *rows]


def _found_origin_of(k: Keyed) -> dict[str, str]:
    """File key -> its predicted origin: the story's origin group of its family (families
    of one agency count once, as the tool reports them), else the family itself."""
    group_of = {
        family: f"origin:{story.id}:{n}"
        for story in k.analysis.stories
        for n, group in enumerate(story.origins)
        for family in group.families
    }
    return {key: group_of.get(family, family) for key, family in _found_family_of(k).items()}


def predicted_origins(k: Keyed, files: set[str]) -> int:
    """Distinct predicted origins among the files (a file in no family is its own)."""
    origin_of = _found_origin_of(k)
    return len({origin_of.get(f, f"alone:{f}") for f in files if f in k.id_of})


def score_real_origins(k: Keyed, labels: RealLabels) -> FindingScore:
    """Per main story: within 10% (at least +-1) of the labelled count is a hit."""
    row = FindingScore(finding="independent_origins")
    for story in labels.main_stories():
        origins = labels.families.get(story.id, {})
        if not origins:
            continue
        want = len(origins)
        got = predicted_origins(k, {f for members in origins.values() for f in members})
        topic = labels.topic(story)
        row.extra[f"predicted:{topic}"] = float(got)
        row.extra[f"labelled:{topic}"] = float(want)
        match = main_story_match(k, story)
        if match is not None:
            row.extra[f"reported:{topic}"] = float(match.independent_origins)
        row.support += 1
        if abs(got - want) <= max(1.0, 0.1 * want):
            row.tp += 1
        else:
            row.fn += 1
            row.fp += 1
            row.misses.append(f"{topic}: {got} origins among the labelled files (labels {want})")
    row.note = "hit: within 10% (at least +-1) of the labelled count"
    return row


def _close(a: str, b: str) -> bool:
    x, y = norm(a), norm(b)
    return bool(x and y) and fuzz.partial_ratio(x, y) >= 70


def _reports(k: Keyed, change: Change, want: LabelledChange) -> bool:
    """Same file pair (either direction) and one side's wording overlaps, fuzzily."""
    pair = {k.key_of.get(change.article), k.key_of.get(change.origin or "")}
    if pair != {want.file, want.origin_file}:
        return False
    texts = (change.text, change.origin_text)
    return any(_close(t, w) for t in texts for w in (want.text, want.origin_text))


def score_real_changes(k: Keyed, labels: RealLabels) -> FindingScore:
    """Share of the labelled changes reported (recall: the labels list a sample only)."""
    row = FindingScore(finding="changes")
    row.support = len(labels.changes)
    for want in labels.changes:
        if any(_reports(k, c, want) for c in k.analysis.changes):
            row.tp += 1
        else:
            row.fn += 1
            row.misses.append(f"{want.file} vs {want.origin_file}: missed ({want.kind})")
    row.extra["reported"] = float(sum(1 for c in k.analysis.changes if c.article in k.key_of))
    row.note = "recall only: the labels list a sample of the changes"
    return row
