"""Cluster claim mentions of one story into "same claim" sets.

- supply: same normalised supplier, recipient, goods category (or goods words)
  and stance (asserted, denied, intended);
- quantity: pairwise same-measure score (``similarity.quantity_pair``) above
  ``GroupSettings.same_claim`` (union-find; one article never gives two values
  for one measure, so two of its numbers that differ are never merged);
- statement and quote: one pool (a quote in one outlet is often a reported
  statement in another), merged on content-word Jaccard or a long shared run,
  never when both state figures and no figure is shared.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from wirecheck.align.groups import stance_of
from wirecheck.align.meaning import one_speaker, sentence_vectors, similar_pairs
from wirecheck.align.similarity import MentionView, quantity_score, statement_pair, word_runs
from wirecheck.align.text import content_words
from wirecheck.entities.parties import party_key
from wirecheck.model import ClaimKind
from wirecheck.settings.align import GroupSettings

Cluster = list[MentionView]


def supply_key(view: MentionView) -> tuple[str, ...]:
    m = view.mention
    goods = m.goods_category or " ".join(sorted(content_words(m.goods or "")))
    return (
        _party(m.supplier),
        _party(m.recipient),
        goods or "?",
        stance_of(m).value,
    )


def _party(name: str | None) -> str:
    """Parties compare as entity resolution compares them, so two word orders of one
    name are one party (and one claim), not two."""
    return party_key(name) if name and name.strip() else "?"


def cluster_supply(views: Sequence[MentionView]) -> list[Cluster]:
    buckets: dict[tuple[str, ...], Cluster] = defaultdict(list)
    for view in views:
        buckets[supply_key(view)].append(view)
    return list(buckets.values())


def _union_find(count: int, linked: Callable[[int, int], bool],
                candidates: Iterable[tuple[int, int]] | None = None) -> list[list[int]]:
    """Connected components of ``linked`` over all pairs, or over ``candidates`` only."""
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs = candidates if candidates is not None else (
        (i, j) for i in range(count) for j in range(i + 1, count))
    for i, j in pairs:
        if root(i) != root(j) and linked(i, j):
            parent[root(i)] = root(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(count):
        groups[root(i)].append(i)
    return list(groups.values())


def blocked_pairs(keys: Sequence[set[str]], runs: Sequence[set[tuple[str, ...]]],
                  max_block: int) -> list[tuple[int, int]]:
    """Pairs sharing a shared-run key or a word found in at most ``max_block`` sentences.

    Blocking (as record linkage does) keeps statement grouping near-linear on big
    stories: sentences that share only very common words cannot reach the
    Jaccard threshold with enough shared words anyway, except in rare cases.
    """
    postings: dict[object, list[int]] = defaultdict(list)
    for i, (words, grams) in enumerate(zip(keys, runs, strict=True)):
        for key in words:
            postings[key].append(i)
        for gram in grams:
            postings[gram].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        if 1 < len(members) <= max_block:
            pairs.update((a, b) for k, a in enumerate(members) for b in members[k + 1:])
    return sorted(pairs)


def _same_article_other_value(a: MentionView, b: MentionView) -> bool:
    qa, qb = a.mention.quantity, b.mention.quantity
    same_value = qa is not None and qb is not None and qa.value == qb.value
    return a.mention.article == b.mention.article and not same_value


def _values_by_article(views: Sequence[MentionView]) -> dict[tuple[str, str], set[float]]:
    out: dict[tuple[str, str], set[float]] = defaultdict(set)
    for view in views:
        q = view.mention.quantity
        if q is not None and q.value is not None:
            out[(view.mention.article, q.unit)].add(q.value)
    return out


def _counterpart_elsewhere(a: MentionView, b: MentionView,
                           values: dict[tuple[str, str], set[float]]) -> bool:
    """``b``'s text also states ``a``'s value (or the reverse): each value has its own
    version there, so ``a`` and ``b`` are two facts ("51% ... 27%" in every copy), and a
    link would chain all of a template's numbers into one measure."""
    qa, qb = a.mention.quantity, b.mention.quantity
    if qa is None or qb is None or qa.value is None or qb.value is None or qa.value == qb.value:
        return False
    return (qa.value in values.get((b.mention.article, qb.unit), set())
            or qb.value in values.get((a.mention.article, qa.unit), set()))


def cluster_quantities(views: Sequence[MentionView], settings: GroupSettings) -> list[Cluster]:
    def linked(i: int, j: int) -> bool:
        a, b = views[i], views[j]
        if _same_article_other_value(a, b) or _counterpart_elsewhere(a, b, values):
            return False
        return quantity_score(a, b, settings.weights) >= settings.same_claim

    values = _values_by_article(views)

    by_unit: dict[str, list[int]] = defaultdict(list)  # blocking: other units never match
    for i, view in enumerate(views):
        by_unit[view.mention.quantity.unit if view.mention.quantity else ""].append(i)
    pairs = [(a, b) for ids in by_unit.values() for k, a in enumerate(ids) for b in ids[k + 1:]]
    return [[views[i] for i in idx] for idx in _union_find(len(views), linked, pairs)]


def cluster_statements(views: Sequence[MentionView], settings: GroupSettings) -> list[Cluster]:
    """Versions of one statement: shared words or a shared run, or (the semantic channel)
    one meaning from one speaker (``meaning.py``)."""
    def linked(i: int, j: int) -> bool:
        a, b = views[i], views[j]
        if a.mention.article == b.mention.article:
            return a.mention.start < b.mention.end and b.mention.start < a.mention.end
        if numbers[i] and numbers[j] and numbers[i].isdisjoint(numbers[j]):
            return False  # "warned in 2023" and "warned in 2024" are two statements
        overlap, shared = statement_pair(a, b)
        if overlap >= settings.statement_overlap and shared >= settings.statement_shared_words:
            return True
        if not runs[i].isdisjoint(runs[j]):
            return True
        return (i, j) in meant and a.family != b.family and one_speaker(a, b)[0]

    runs = [word_runs(v.keys, settings.statement_anchor) for v in views]
    numbers = [_numbers(v.mention.text) for v in views]
    pairs = blocked_pairs([v.words for v in views], runs, settings.statement_block)
    meant: dict[tuple[int, int], float] = {}
    if settings.statement_meaning < 1.0:
        vecs = sentence_vectors(views, settings.statement_dims)
        meant = similar_pairs(vecs, settings.statement_meaning)
        pairs = sorted(set(pairs) | set(meant))
    return [[views[i] for i in idx] for idx in _union_find(len(views), linked, pairs)]


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _numbers(text: str) -> set[str]:
    """The figures a sentence states, as written without separators ("1,200" = "1200")."""
    return {m.group(0).replace(",", "") for m in _NUMBER.finditer(text)}


def cluster_story(views: Sequence[MentionView], settings: GroupSettings) -> list[Cluster]:
    """All clusters of one story's mentions, each sorted by article order."""
    supply = [v for v in views if v.mention.kind == ClaimKind.SUPPLY]
    quantity = [v for v in views if v.mention.kind == ClaimKind.QUANTITY]
    spoken = [v for v in views if v.mention.kind in (ClaimKind.STATEMENT, ClaimKind.QUOTE)]
    clusters = (
        cluster_supply(supply)
        + cluster_quantities(quantity, settings)
        + cluster_statements(spoken, settings)
    )
    return [sorted(c, key=lambda v: (v.order, v.mention.start)) for c in clusters]
