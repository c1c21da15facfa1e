"""Groups of surface forms that name one entity, each member with the reason it joined."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from wirecheck.entities.collect import Surface


@dataclass(slots=True)  # one per surface form occurrence
class Member:
    surface: Surface
    reason: str


@dataclass
class Group:
    """Surface forms of one entity. ``tokens`` are the comparison tokens of its longest form."""

    tokens: tuple[str, ...]
    members: list[Member] = field(default_factory=list)

    @property
    def texts(self) -> set[str]:
        return {m.surface.text for m in self.members}

    @property
    def articles(self) -> set[str]:
        return {m.surface.article for m in self.members}

    def absorb(self, other: Group, reason: str) -> None:
        """Take ``other``'s members; their reason says why the two groups are one entity."""
        for member in other.members:
            why = member.reason if member.surface.text in self.texts else reason
            self.members.append(Member(member.surface, why))
        if len(other.tokens) > len(self.tokens):
            self.tokens = other.tokens


def group_by_key(
    surfaces: Iterable[Surface], tokens_of: Callable[[str], tuple[str, ...]]
) -> list[Group]:
    """One group per order-free token key; members that differ from the first form say why."""
    by_key: dict[str, Group] = {}
    for surface in surfaces:
        tokens = tokens_of(surface.full or surface.text)
        if not tokens:
            continue
        key = " ".join(sorted(tokens))
        group = by_key.get(key)
        if group is None:
            by_key[key] = Group(tokens, [Member(surface, surface.note or "first form seen")])
            continue
        reason = surface.note or _same_key_reason(surface.text, group)
        group.members.append(Member(surface, reason))
    return list(by_key.values())


def _same_key_reason(text: str, group: Group) -> str:
    first = group.members[0].surface.text
    if text == first:
        return "same form"
    if text.lower() == first.lower():
        return f"same as '{first}' up to case"
    return f"same words as '{first}' after removing legal form, punctuation, case and order"


def merge_edges(groups: list[Group], edges: list[tuple[int, int, str]]) -> list[Group]:
    """Join groups linked by ``edges`` (index, index, reason); connected components win.

    networkx does the component search; each absorbed group keeps the reason of the edge
    that linked it.
    """
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(range(len(groups)))
    for left, right, reason in edges:
        graph.add_edge(left, right, reason=reason)
    out: list[Group] = []
    for component in nx.connected_components(graph):
        ordered = sorted(component, key=lambda i: (-len(groups[i].members), i))
        head = groups[ordered[0]]
        for index in ordered[1:]:
            reason = _edge_reason(graph, index, component)
            head.absorb(groups[index], reason)
        out.append(head)
    return out


def _edge_reason(graph: object, node: int, component: set[int]) -> str:
    import networkx as nx

    assert isinstance(graph, nx.Graph)
    for neighbour in graph.neighbors(node):
        if neighbour in component:
            return str(graph.edges[node, neighbour]["reason"])
    return "linked"
