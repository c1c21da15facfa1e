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
    index = _PeopleIndex(groups)
    loose = [surface for surface in single if not index.attach_single(surface)]
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


class _PeopleIndex:
    """Full-name groups by the words of their names and by the articles they appear in, kept
    up to date as one-word mentions join (so each mention looks at a few groups, not all)."""

    def __init__(self, groups: list[Group]) -> None:
        self.by_token: dict[str, list[Group]] = {}
        for group in groups:
            for token in dict.fromkeys(group.tokens):
                self.by_token.setdefault(token, []).append(group)
        self.articles = {id(g): g.articles for g in groups}

    def attach_single(self, surface: Surface) -> bool:
        """Join a one-word mention to the one person it can name; False when none or several."""
        token = person_tokens(surface.text)[0]
        anywhere = self.by_token.get(token, [])
        local = [g for g in anywhere if surface.article in self.articles[id(g)]]
        if len(local) == 1:
            name = " ".join(local[0].tokens)
            self._join(local[0], Member(surface, f"part of the name '{name}' in the same article"))
            return True
        if local:
            return False
        if len(anywhere) == 1:
            name = " ".join(anywhere[0].tokens)
            reason = f"part of '{name}', the only such person in the corpus"
            self._join(anywhere[0], Member(surface, reason))
            return True
        return False

    def _join(self, group: Group, member: Member) -> None:
        group.members.append(member)
        self.articles[id(group)].add(member.surface.article)


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
