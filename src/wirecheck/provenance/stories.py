"""Story clustering that does not chain: average linkage with a full cohesion check.

Candidate pairs give a sparse similarity graph. Clusters merge best-first (a heap on
the mean of the known links between two clusters), but a merge is accepted only if
the mean similarity over *all* member pairs reaches ``story_link_min``, where a pair
that no candidate search proposed is scored by the caller's fallback (the pipeline's:
``story_link.member_link``, the same story link on whole texts).
A chain A~B~C~D of partial overlaps therefore cannot pull A and D together: their
own similarity drags the average down.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Sequence

Link = tuple[int, int, float]  # (item, item, similarity)
PairSim = Callable[[int, int], float]


class _Clusters:
    def __init__(
        self, units: Sequence[Sequence[int]], known: dict[tuple[int, int], float], fallback: PairSim
    ) -> None:
        self.members: dict[int, list[int]] = {u: list(m) for u, m in enumerate(units)}
        self.links: dict[int, dict[int, tuple[float, int]]] = {u: {} for u in self.members}
        self.known = known
        self.fallback = fallback
        self.version = dict.fromkeys(self.members, 0)

    def add_link(self, i: int, j: int, sim: float) -> None:
        s, c = self.links[i].get(j, (0.0, 0))
        self.links[i][j] = self.links[j][i] = (s + sim, c + 1)

    def sim(self, i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        found = self.known.get(key)
        return found if found is not None else self.fallback(i, j)

    def full_mean(self, x: int, y: int) -> float:
        a, b = self.members[x], self.members[y]
        return sum(self.sim(i, j) for i in a for j in b) / (len(a) * len(b))

    def merge(self, x: int, y: int) -> int:
        if len(self.members[x]) < len(self.members[y]):
            x, y = y, x
        self.members[x].extend(self.members.pop(y))
        for other, (s, c) in self.links.pop(y).items():
            del self.links[other][y]
            if other == x:
                continue
            s0, c0 = self.links[x].get(other, (0.0, 0))
            self.links[x][other] = self.links[other][x] = (s0 + s, c0 + c)
        self.version[x] += 1
        return x


def cluster(
    n: int,
    links: Iterable[Link],
    link_min: float,
    fallback: PairSim,
    units: Sequence[Sequence[int]] | None = None,
) -> list[list[int]]:
    """Groups of ``range(n)``; every item in exactly one group (singletons allowed).

    ``units`` (e.g. origin families) are merged as wholes and never split."""
    units = [[i] for i in range(n)] if units is None else units
    unit_of = {i: u for u, members in enumerate(units) for i in members}
    known = {(min(i, j), max(i, j)): s for i, j, s in links}
    cl = _Clusters(units, known, fallback)
    for (i, j), s in known.items():
        if unit_of[i] != unit_of[j]:
            cl.add_link(unit_of[i], unit_of[j], s)
    heap = [
        (-s / c, x, y, 0, 0)
        for x, others in cl.links.items()
        for y, (s, c) in others.items()
        if x < y and s / c >= link_min
    ]
    heapq.heapify(heap)
    while heap:
        _, x, y, vx, vy = heapq.heappop(heap)
        if x not in cl.members or y not in cl.members:
            continue
        if cl.version[x] != vx or cl.version[y] != vy:
            continue
        if cl.full_mean(x, y) < link_min:
            continue
        z = cl.merge(x, y)
        for other, (s, c) in cl.links[z].items():
            if s / c >= link_min:
                heapq.heappush(heap, (-s / c, *_key(z, other, cl.version)))
    return sorted((sorted(m) for m in cl.members.values()), key=lambda g: g[0])


def _key(x: int, y: int, version: dict[int, int]) -> tuple[int, int, int, int]:
    return (x, y, version[x], version[y])
