"""Conflicting quantities: split one measure's mentions into value versions.

Choice (documented in docs/alignment.md): conflicting quantities become
*separate* claim groups, each with status ``conflict`` and a ``ConflictNote``
pointing at the other (SPEC ``conflicts: [{"with": claim id}]``). Versions of
the measure that overlap every other version (a bare "70%" next to "nearly
70%" and "more than 70%") form one more group, which keeps its corroboration
status and records in its explanation which groups it is compatible with.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from wirecheck.align.intervals import Interval, compatible, to_interval
from wirecheck.align.similarity import MentionView
from wirecheck.align.slots import Match, pair_match
from wirecheck.model import Passage, Quantity
from wirecheck.settings.align import QuantitySettings

Cluster = list[MentionView]


@dataclass
class Split:
    """A quantity cluster cut into value versions, with the conflicts between them."""

    parts: list[Cluster]
    conflicts: list[tuple[int, int]] = field(default_factory=list)  # indices into parts
    compatible_part: int | None = None  # index of the part compatible with all others
    # values that differ only inside one origin family: an update or a copy's change
    updates: list[tuple[int, int]] = field(default_factory=list)
    matches: dict[tuple[int, int], Match] = field(default_factory=dict)  # why each edge holds


def _version_key(view: MentionView, settings: QuantitySettings) -> str:
    quantity = view.mention.quantity
    interval = to_interval(quantity, settings) if quantity is not None else None
    unit = quantity.unit if quantity is not None else ""
    return f"{unit}:{interval.describe() if interval else '?'}"


def _first_quantity(cluster: Cluster) -> Quantity:
    for view in cluster:
        if view.mention.quantity is not None:
            return view.mention.quantity
    return Quantity()


def _voiced(parts: list[Cluster]) -> list[set[str]]:
    """Per version, the families for which it is the family's own value: no rival version
    (one no text states beside it, so possibly the same fact) is given by more of the
    family's articles. A version only a minority of a family's copies give is a copy's
    change of its origin (``changes`` reports it), not a second source; nor is a sentence
    ``changes`` found to have changed its figure (``MentionView.changed``). Versions one
    text states side by side are two facts (another year, another importer): how often a
    family gives the one says nothing of the other."""
    counts: list[dict[str, int]] = []
    for part in parts:
        tally: dict[str, int] = defaultdict(int)
        for view in part:
            if not view.changed:
                tally[view.family] += 1
        counts.append(tally)
    texts = [{v.mention.article for v in part} for part in parts]
    out = []
    for i, tally in enumerate(counts):
        rivals = [counts[k] for k in range(len(parts)) if k != i and texts[i].isdisjoint(texts[k])]
        out.append({f for f, n in tally.items() if all(n >= r.get(f, 0) for r in rivals)})
    return out


def _representatives(part: Cluster, families: set[str]) -> list[MentionView]:
    """One mention per (family, sentence wording) of the given families."""
    seen: dict[tuple[str, str], MentionView] = {}
    for view in part:
        if view.family in families:
            seen.setdefault((view.family, view.mention.text), view)
    return list(seen.values())


def _cross_family_match(left: list[MentionView], right: list[MentionView], run: int) -> Match:
    """The best slot match between mentions of the two versions from different families."""
    best = Match("different", reason="no pair of versions from different families")
    rank = {"different": 0, "possibly": 1, "same": 2}
    for a in left:
        for b in right:
            if a.family == b.family:
                continue
            match = pair_match(a, b, run)
            if rank[match.verdict] > rank[best.verdict]:
                best = match
                if match.verdict == "same":
                    return best
    return best


def _relation(left: Cluster, right: Cluster, voiced: tuple[set[str], set[str]],
              run: int) -> tuple[str, Match]:
    """``conflict``, ``update`` or ``none`` for two versions whose intervals exclude each other."""
    if {v.mention.article for v in left} & {v.mention.article for v in right}:
        return "none", Match("different", reason="one text states both values: two facts")
    vl, vr = voiced
    if not any(a != b for a in vl for b in vr):
        if {v.family for v in left} & {v.family for v in right}:
            return "update", Match("same", reason="the values differ inside one origin family")
        return "none", Match("different", reason="one side is a minority copy of its family")
    match = _cross_family_match(_representatives(left, vl), _representatives(right, vr), run)
    return ("conflict" if match.verdict == "same" else "none"), match


def split_quantities(cluster: Cluster, settings: QuantitySettings, run: int = 6) -> Split:
    """Versions of one measure; conflicting ones (slots agreeing) apart, the rest merged."""
    versions: dict[str, Cluster] = defaultdict(list)
    for view in cluster:
        versions[_version_key(view, settings)].append(view)
    parts = list(versions.values())
    edges: dict[str, list[tuple[int, int]]] = {"conflict": [], "update": [], "none": []}
    matches: dict[tuple[int, int], Match] = {}
    voiced = _voiced(parts)
    for i in range(len(parts)):
        for j in range(i + 1, len(parts)):
            if compatible(_first_quantity(parts[i]), _first_quantity(parts[j]), settings) is False:
                kind, matches[(i, j)] = _relation(
                    parts[i], parts[j], (voiced[i], voiced[j]), run)
                edges[kind].append((i, j))
    linked = edges["conflict"] + edges["update"]
    if not linked:
        return Split(parts=[cluster])
    apart = sorted({i for edge in linked for i in edge})
    free = [view for i, part in enumerate(parts) if i not in apart for view in part]
    kept = [parts[i] for i in apart]
    renumber = {old: new for new, old in enumerate(apart)}
    split = Split(
        parts=kept,
        conflicts=[(renumber[i], renumber[j]) for i, j in edges["conflict"]],
        updates=[(renumber[i], renumber[j]) for i, j in edges["update"]],
        matches={(renumber[i], renumber[j]): matches[(i, j)] for i, j in linked},
    )
    if free:
        kept.append(free)
        split.compatible_part = len(kept) - 1
    return split


def interval_of(cluster: Cluster, settings: QuantitySettings) -> Interval | None:
    return to_interval(_first_quantity(cluster), settings)


def passage_of(view: MentionView) -> Passage:
    m = view.mention
    return Passage(article=m.article, start=m.start, end=m.end, text=m.text)


def conflict_sentence(left: Cluster, right: Cluster, settings: QuantitySettings) -> str:
    """One line saying why two versions of a measure cannot both be true."""
    qa, qb = _first_quantity(left), _first_quantity(right)
    ia, ib = interval_of(left, settings), interval_of(right, settings)
    a_desc = ia.describe() if ia else "?"
    b_desc = ib.describe() if ib else "?"
    return (
        f"'{qa.text or qa.value}' means {a_desc} and '{qb.text or qb.value}' means "
        f"{b_desc}: the intervals do not overlap, so both cannot be true"
    )
