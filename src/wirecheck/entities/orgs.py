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

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from wirecheck.entities.collect import Surface
from wirecheck.entities.groups import Group, group_by_key, merge_edges
from wirecheck.entities.names import ORG_WORDS, acronym, org_tokens


def cluster_orgs(surfaces: list[Surface], fuzzy_join: float) -> list[Group]:
    groups = group_by_key(surfaces, org_tokens)
    edges = _fuzzy_edges(groups, fuzzy_join) + _short_form_edges(groups)
    return merge_edges(groups, edges)


def _fuzzy_edges(groups: list[Group], threshold: float) -> list[tuple[int, int, str]]:
    """Spelling-slip links between groups of equal token count that share a token."""
    edges: list[tuple[int, int, str]] = []
    by_token: dict[str, list[int]] = {}
    for index, group in enumerate(groups):
        for token in set(group.tokens):
            by_token.setdefault(token, []).append(index)
    seen: set[tuple[int, int]] = set()
    for indices in by_token.values():
        for pos, left in enumerate(indices):
            for right in indices[pos + 1 :]:
                pair = (left, right)
                if pair in seen or len(groups[left].tokens) != len(groups[right].tokens):
                    continue
                seen.add(pair)
                if len(groups[left].tokens) < 2:
                    continue
                score = (
                    fuzz.token_sort_ratio(
                        " ".join(groups[left].tokens), " ".join(groups[right].tokens)
                    )
                    / 100.0
                )
                if score >= threshold and _slip_only(groups[left].tokens, groups[right].tokens):
                    edges.append((left, right, f"spelling variant (token similarity {score:.2f})"))
    return edges


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
