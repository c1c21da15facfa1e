"""Person resolution: full names joined across the corpus, surname-only mentions to full names.

A one-word mention ("Okafor") joins the full name that contains that word in the same
article when exactly one does; failing that, the only full name in the corpus that contains
it. A one-word mention that fits several people stays on its own rather than guess.
"""

from __future__ import annotations

from rapidfuzz.distance import JaroWinkler

from wirecheck.entities.collect import Surface
from wirecheck.entities.groups import Group, Member, group_by_key, merge_edges
from wirecheck.entities.names import person_tokens


def cluster_people(surfaces: list[Surface], fuzzy_join: float) -> list[Group]:
    full = [s for s in surfaces if len(person_tokens(s.text)) >= 2]
    single = [s for s in surfaces if len(person_tokens(s.text)) == 1]
    groups = group_by_key(full, person_tokens)
    groups = merge_edges(groups, _fuzzy_edges(groups, fuzzy_join))
    loose: list[Surface] = []
    for surface in single:
        if not _attach_single(surface, groups):
            loose.append(surface)
    return groups + group_by_key(loose, person_tokens)


def _fuzzy_edges(groups: list[Group], threshold: float) -> list[tuple[int, int, str]]:
    """Spelling variants among names of equal length whose last names share an initial."""
    blocks: dict[tuple[int, str], list[int]] = {}
    for index, group in enumerate(groups):
        blocks.setdefault((len(group.tokens), group.tokens[-1][:1]), []).append(index)
    edges: list[tuple[int, int, str]] = []
    for members in blocks.values():
        for pos, left in enumerate(members):
            for right in members[pos + 1 :]:
                a, b = groups[left].tokens, groups[right].tokens
                score = JaroWinkler.similarity(" ".join(a), " ".join(b))
                if score >= threshold:
                    edges.append((left, right, f"spelling variant (Jaro-Winkler {score:.2f})"))
    return edges


def _attach_single(surface: Surface, groups: list[Group]) -> bool:
    """Join a one-word mention to the one person it can name; False when none or several."""
    token = person_tokens(surface.text)[0]
    local = [g for g in groups if surface.article in g.articles and token in g.tokens]
    if len(local) == 1:
        name = " ".join(local[0].tokens)
        local[0].members.append(Member(surface, f"part of the name '{name}' in the same article"))
        return True
    if local:
        return False
    anywhere = [g for g in groups if token in g.tokens]
    if len(anywhere) == 1:
        name = " ".join(anywhere[0].tokens)
        anywhere[0].members.append(
            Member(surface, f"part of '{name}', the only such person in the corpus")
        )
        return True
    return False


def person_keys(surfaces: list[Surface]) -> tuple[set[str], set[str]]:
    """Order-free keys of full person names and the single words of those names."""
    keys: set[str] = set()
    words: set[str] = set()
    for surface in surfaces:
        tokens = person_tokens(surface.text)
        if len(tokens) >= 2:
            keys.add(" ".join(sorted(tokens)))
            words.update(tokens)
    return keys, words
