"""Origin families: texts joined by derivation edges (copy, excerpt, version, rewrite).

Only derivation edges join families: shared quotes or shared facts never do (those
pairs get no edge, see ``edges.py``). A family's origin is its article that derives
from no other member (earliest first), and its outlet is taken from an origin credit
("(AGENCY) —", "X has the story") when a member carries one.
"""

from __future__ import annotations

from collections.abc import Sequence

from wirecheck.model import Article, Derivation, Family, stable_id
from wirecheck.provenance.credits import origin_credit
from wirecheck.provenance.views import text_key


class UnionFind:
    def __init__(self, items: Sequence[str]) -> None:
        self.parent = {x: x for x in items}

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, x: str, y: str) -> None:
        rx, ry = self.find(x), self.find(y)
        if rx != ry:
            self.parent[max(rx, ry)] = min(rx, ry)

    def groups(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for x in self.parent:
            out.setdefault(self.find(x), []).append(x)
        return [sorted(g) for g in out.values()]


def build_families(articles: Sequence[Article], edges: Sequence[Derivation]) -> list[Family]:
    """One family per connected group of derivation edges; singletons for the rest."""
    uf = UnionFind([a.id for a in articles])
    for e in edges:
        uf.union(e.derived, e.source)
    by_id = {a.id: a for a in articles}
    derived = {e.derived for e in edges}
    return [_family([by_id[i] for i in g], derived) for g in sorted(uf.groups())]


def _family(members: list[Article], derived: set[str]) -> Family:
    ids = {m.id for m in members}
    roots = [m for m in members if m.id not in derived] or members
    origin = min(roots, key=lambda m: (m.date or "9999", -len(m.body), text_key(m)))
    outlet, reason = _origin_outlet(members, origin)
    if len(members) > 1:
        reason = f"{len(members)} texts joined by derivation edges; " + reason
    return Family(
        id=stable_id("f", *sorted(ids)),
        articles=sorted(ids),
        origin=outlet,
        origin_article=origin.id,
        reason=reason,
    )


def _origin_outlet(members: list[Article], origin: Article) -> tuple[str | None, str]:
    for m in [origin] + [x for x in members if x is not origin]:
        credit = origin_credit(m.body) or origin_credit(" ".join(r.text for r in m.removed))
        if credit is not None:
            return credit.name, f"origin credit {credit.kind!r} names {credit.name!r}"
    if origin.outlet:
        return origin.outlet, "origin taken from the outlet of the earliest source text"
    return None, "no credit line and no outlet: origin unknown"
