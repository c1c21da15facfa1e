"""A blocking index over list entries: candidate retrieval without comparing to every entry.

Each name of each entry is indexed under its blocking keys. A query gathers the entries that
share keys with it, weighting each shared key by its rarity (inverse posting size) and
ignoring keys so common that they carry no signal; only the best ``max_candidates`` are
scored. Hand-written because the index must stay inside the process, small and dependency
free (a search engine would be a service to run); the scoring uses rapidfuzz.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol, cast

from wirecheck.entities.screening.keys import (
    PERSON_SCHEMATA,
    NameForm,
    blocking_keys,
    key_groups,
    name_form,
)
from wirecheck.model import ListEntry


@dataclass
class ScreenIndex:
    entries: list[ListEntry] = field(default_factory=list)
    forms: list[tuple[NameForm, ...]] = field(default_factory=list)  # per entry, prepared once
    pre_score_keys: list[tuple[tuple[str, str], ...]] = field(default_factory=list)  # match_keys
    postings: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def build(cls, entries: Iterable[ListEntry]) -> ScreenIndex:
        index = cls()
        for entry in entries:
            index.add(entry)
        return index

    def size(self) -> int:
        return len(self.entries)

    def posting(self, key: str) -> Collection[int] | None:
        return self.postings.get(key)

    def postings_of(self, keys: Sequence[str]) -> Sequence[Collection[int] | None]:
        return [self.postings.get(key) for key in keys]

    def entry(self, number: int) -> ListEntry:
        return self.entries[number]

    def forms_of(self, number: int) -> tuple[NameForm, ...]:
        return self.forms[number]

    def match_keys(self, number: int) -> tuple[tuple[str, str], ...]:
        return self.pre_score_keys[number]

    def candidates(self, tokens: tuple[str, ...], limit: int, budget: int) -> list[int]:
        return candidates(self, tokens, limit, budget)

    def add(self, entry: ListEntry) -> None:
        number = len(self.entries)
        self.entries.append(entry)
        forms = tuple(entry_forms(entry))
        self.forms.append(forms)
        self.pre_score_keys.append(tuple((form.key, form.compact) for form in forms))
        keys: set[str] = set()
        for form in forms:
            keys |= blocking_keys(form.tokens)
        for key in keys:
            self.postings.setdefault(key, []).append(number)


class ListIndex(Protocol):
    """What screening reads from an index: this in-memory one, or the workspace's stored
    lists (``wirecheck.entities.lists.stored``)."""

    def size(self) -> int: ...
    def posting(self, key: str) -> Collection[int] | None: ...
    def postings_of(self, keys: Sequence[str]) -> Sequence[Collection[int] | None]: ...
    def entry(self, number: int) -> ListEntry: ...
    def forms_of(self, number: int) -> tuple[NameForm, ...]: ...
    def match_keys(self, number: int) -> tuple[tuple[str, str], ...]:
        """(order-free key, compact form) of each name: all the pre-score reads."""
        ...

    def candidates(self, tokens: tuple[str, ...], limit: int, budget: int) -> list[int]: ...


def candidates(index: ListIndex, tokens: tuple[str, ...], limit: int, budget: int) -> list[int]:
    """Entry numbers sharing the rarest keys with ``tokens``, best first (at most limit).

    Each query token (and the space-free whole name) adds the weight of its rarest key an
    entry shares, so one token's many spelling keys count once. Keys are read rarest
    first until ``budget`` postings have been read: a query never walks the long lists of
    common words ("technology", a big city).
    """
    total = index.size() + 1
    groups = key_groups(tokens)
    keys = [key for group in groups for key in group]
    owner = [group_no for group_no, group in enumerate(groups) for _ in group]
    visits = [
        (len(p), group_no, p)
        for group_no, p in zip(owner, index.postings_of(keys), strict=True)
        if p is not None and len(p)
    ]
    visits.sort(key=lambda v: v[0])
    best: list[dict[int, float]] = [{} for _ in groups]
    read = 0
    for size, group_no, posting in visits:
        if read and read + size > budget:
            break
        read += size
        # Rarest keys come first, so an entry keeps the first (highest) weight per group.
        fresh = dict.fromkeys(_plain(posting), math.log(total / size))
        fresh.update(best[group_no])
        best[group_no] = fresh
    scores: Counter[int] = Counter()
    for weights in best:
        scores.update(weights)
    return [number for number, _ in scores.most_common(limit)]


def _plain(posting: Collection[int]) -> Collection[int]:
    """Python ints: a stored posting is a numpy array, whose scalars hash and compare ~2x
    slower in the dicts and Counter of ``candidates``."""
    to_list = getattr(posting, "tolist", None)
    return cast("list[int]", to_list()) if to_list is not None else posting


def rarity_of(index: ListIndex, tokens: Iterable[str] = ()) -> Callable[[str], float]:
    """Inverse document frequency of a token among the list's names (unknown tokens: rarest).

    ``tokens``: those about to be asked, looked up in the index together."""
    total = index.size() + 1
    asked = list(dict.fromkeys(tokens))
    postings = index.postings_of(["t:" + token for token in asked])
    pairs = zip(asked, postings, strict=True)
    known = {token: len(p) if p is not None else 0 for token, p in pairs}

    def rarity(token: str) -> float:
        found = known.get(token)
        if found is None:
            posting = index.posting("t:" + token)
            found = len(posting) if posting is not None else 0
        return math.log(total / (found + 1 if found else 1)) + 1.0

    return rarity


def entry_forms(entry: ListEntry) -> list[NameForm]:
    is_person = entry.schema_ in PERSON_SCHEMATA
    forms = [name_form(entry.name, is_person)]
    forms += [name_form(alias, is_person, True) for alias in entry.aliases]
    return [f for f in forms if f.tokens]
