"""Organisation resolution: join spellings of one organisation, never two organisations.

Three joins, each with its reason kept on the member:
1. same order-free token key after ``fingerprints`` legal-form removal (case, punctuation,
   legal form, word order: "X Research Institute" = "Research Institute of X");
2. spelling slips: same token count, rapidfuzz ``token_sort_ratio`` >= ``org_fuzzy_join``,
   every differing word one typing slip from its counterpart, with the same first letter;
3. short forms: a name whose tokens are a subset of exactly one longer name, where the longer
   name only adds generic organisation words ("Acme" = "Acme Technology Group"); an acronym of
   exactly one longer name joins it too. Names that add distinctive words ("Acme Aero Systems")
   stay apart, since those are often subsidiaries.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from wirecheck.entities.collect import Surface
from wirecheck.entities.groups import Group, group_by_key, merge_edges
from wirecheck.entities.names import ORG_WORDS, acronym, org_tokens


def cluster_orgs(surfaces: list[Surface], fuzzy_join: float) -> list[Group]:
    groups = group_by_key(surfaces, org_tokens)
    edges = _fuzzy_edges(groups, fuzzy_join) + _short_form_edges(groups)
    return merge_edges(groups, edges)


def _fuzzy_edges(groups: list[Group], threshold: float) -> list[tuple[int, int, str]]:
    """Spelling-slip links between groups of equal token count (two or more) that share a
    token. Each pair is compared once, under the first (token, count) key the two share, so
    no set of the pairs seen is kept: a common word ("group", "ministry") pairs thousands of
    names (that set took 17 KB an article at 5,000 articles)."""
    by_key: dict[tuple[str, int], list[int]] = {}
    for index, group in enumerate(groups):
        if len(group.tokens) >= 2:
            for token in dict.fromkeys(group.tokens):  # the name's order: the same every run
                by_key.setdefault((token, len(group.tokens)), []).append(index)
    rank = {key: n for n, key in enumerate(by_key)}
    words = [frozenset(group.tokens) for group in groups]
    edges: list[tuple[int, int, str]] = []
    for key, indices in by_key.items():
        for left, right in _similar_pairs([" ".join(groups[i].tokens) for i in indices], threshold):
            left, right = indices[left], indices[right]
            mine, theirs = groups[left].tokens, groups[right].tokens
            shared = words[left] & words[right]
            if len(shared) > 1 and min(rank[(t, len(mine))] for t in shared) != rank[key]:
                continue  # compared under a key they share earlier
            score = fuzz.token_sort_ratio(" ".join(mine), " ".join(theirs)) / 100.0
            if score >= threshold and _slip_only(mine, theirs):
                edges.append((left, right, f"spelling variant (token similarity {score:.2f})"))
    return edges


_ROWS = 256  # rows of one block's score matrix computed at once (memory: rows x block)


def _similar_pairs(names: list[str], threshold: float) -> Iterator[tuple[int, int]]:
    """Positions (i < j, in row order) of the pairs of ``names`` whose token-sort similarity
    may reach ``threshold``. A block of one common word holds thousands of names: its pairs
    are scored by rapidfuzz's ``cdist`` in C (a pair loop in Python was quadratic there);
    the cut-off sits just below the threshold (cdist scores in float32), and each pair found
    is scored again exactly by the caller."""
    if len(names) < 2:
        return
    cutoff = threshold * 100.0 - 0.5
    for first in range(0, len(names), _ROWS):
        rows = names[first : first + _ROWS]
        scores = process.cdist(rows, names, scorer=fuzz.token_sort_ratio, score_cutoff=cutoff)
        for row, col in zip(*np.nonzero(scores >= cutoff), strict=True):
            if col > first + row:
                yield first + int(row), int(col)


def _slip_only(left: tuple[str, ...], right: tuple[str, ...]) -> bool:
    """Every differing word is a slip of one in the other ("Acmee" for "Acme"), not another
    name that happens to rhyme ("Kestrel" and "Istrel" are two companies)."""
    mine, theirs = set(left) - set(right), set(right) - set(left)
    return all(any(_one_slip(a, b) for b in theirs) for a in mine) and all(
        any(_one_slip(a, b) for a in mine) for b in theirs
    )


def _one_slip(a: str, b: str) -> bool:
    """Same first letter and one typing slip apart (a letter added, dropped, changed or two
    swapped): "Sabora" and "Sabford" are two names, "Acme" and "Acmee" one."""
    return a[:1] == b[:1] and DamerauLevenshtein.distance(a, b) <= 1


def _short_form_edges(groups: list[Group]) -> list[tuple[int, int, str]]:
    """Short forms and acronyms that point at exactly one longer name."""
    by_token: dict[str, set[int]] = {}
    by_acronym: dict[str, set[int]] = {}
    for index, group in enumerate(groups):
        for token in group.tokens:
            by_token.setdefault(token, set()).add(index)
        by_acronym.setdefault(acronym(group.tokens), set()).add(index)
    edges: list[tuple[int, int, str]] = []
    for index, group in enumerate(groups):
        if not set(group.tokens) - ORG_WORDS:
            continue  # only generic words: not a name of anything in particular
        pool = set.intersection(*(by_token[t] for t in group.tokens))
        pool |= by_acronym.get(group.tokens[0], set()) if len(group.tokens) == 1 else set()
        targets = [o for o in pool if o != index and _is_short_form(group.tokens, groups[o].tokens)]
        if len(targets) == 1:
            full = " ".join(groups[targets[0]].tokens)
            edges.append((index, targets[0], f"short form or acronym of '{full}'"))
    return edges


def _is_short_form(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    if len(long) <= len(short):
        return False
    if len(short) == 1 and len(short[0]) >= 3 and short[0] == acronym(long):
        return True
    extra = set(long) - set(short)
    return set(short) < set(long) and extra <= ORG_WORDS
