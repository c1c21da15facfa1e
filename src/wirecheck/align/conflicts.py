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
from wirecheck.model import Passage, Quantity
from wirecheck.settings.align import QuantitySettings

Cluster = list[MentionView]


@dataclass
class Split:
    """A quantity cluster cut into value versions, with the conflicts between them."""

    parts: list[Cluster]
    conflicts: list[tuple[int, int]] = field(default_factory=list)  # indices into parts
    compatible_part: int | None = None  # index of the part compatible with all others


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


def split_quantities(cluster: Cluster, settings: QuantitySettings) -> Split:
    """Versions of one measure; conflicting ones apart, the rest merged."""
    versions: dict[str, Cluster] = defaultdict(list)
    for view in cluster:
        versions[_version_key(view, settings)].append(view)
    parts = list(versions.values())
    edges = [
        (i, j)
        for i in range(len(parts))
        for j in range(i + 1, len(parts))
        if compatible(_first_quantity(parts[i]), _first_quantity(parts[j]), settings) is False
    ]
    if not edges:
        return Split(parts=[cluster])
    in_conflict = sorted({i for edge in edges for i in edge})
    free = [view for i, part in enumerate(parts) if i not in in_conflict for view in part]
    kept = [parts[i] for i in in_conflict]
    renumber = {old: new for new, old in enumerate(in_conflict)}
    conflicts = [(renumber[i], renumber[j]) for i, j in edges]
    if free:
        kept.append(free)
        return Split(parts=kept, conflicts=conflicts, compatible_part=len(kept) - 1)
    return Split(parts=kept, conflicts=conflicts)


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
