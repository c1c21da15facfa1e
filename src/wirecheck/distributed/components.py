"""Stories on Ray: connected components of the story graph, then the cohesion rule per component.

Why this gives the local stories exactly: ``provenance.stories.cluster`` merges only units
(origin families) joined by a candidate link, so every story lies inside one connected
component of the graph of units and links, and a merge inside one component changes nothing
in another. The heap pops a component's entries in the same relative order with or without
the other components (its keys hold unit numbers, kept here in their global order), and each
component's links are handed over in their global order (similarities are summed in the same
order). So clustering each component on its own, in parallel tasks, gives the local groups.

Components are found by the large-star / small-star rounds of Kiveris et al. ("Connected
Components in MapReduce and Beyond", SoCC 2014): each step is a shuffle by node (Ray tasks:
split tasks bucket the edges by node, one task per bucket) in which every node's
neighbourhood is replaced by a star around its smallest neighbour. It converges in
O(log^2 n) rounds (a 10,000-node chain, the worst shape, takes 12) and never needs a whole
component in one place. Ray tasks rather than a Ray Data hash shuffle: the latter's fixed
start-up, paid twice a round, dominated on small graphs. Written by hand: neither Ray nor
the rest of the stack offers connected components on a Ray cluster.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from wirecheck.distributed.tasks import Batch, objects
from wirecheck.provenance.event_keys import EventKeys
from wirecheck.provenance.families import UnionFind
from wirecheck.provenance.stories import Link, cluster
from wirecheck.provenance.story_link import member_link
from wirecheck.provenance.topics import TopicWeights
from wirecheck.provenance.views import DocView

log = logging.getLogger(__name__)
Edges = npt.NDArray[np.int64]  # (m, 2) rows (smaller node, larger node), unique
# O(log^2 n) rounds suffice (the paper's bound: ~36 for a billion nodes); should the cap
# ever be reached, the driver finishes the job with a union-find (logged).
MAX_ROUNDS = 64
COMPONENT_BATCH = 64  # components per clustering task


@dataclass(frozen=True)
class Point:
    """What the cohesion check reads of one text (``story_features.StoryPoint``)."""

    vector: npt.NDArray[np.float32] | None
    terms: frozenset[str]
    day: int | None
    keys: EventKeys | None = None
    own_day: int | None = None
    specific: frozenset[str] = frozenset()


def _empty() -> Batch:
    return {"lo": np.zeros(0, np.int64), "hi": np.zeros(0, np.int64)}


def _group_starts(x: npt.NDArray[np.int64]) -> npt.NDArray[np.intp]:
    return np.flatnonzero(np.r_[True, x[1:] != x[:-1]])


def star_batch(batch: Batch, large: bool) -> Batch:
    """One large-star (``large``) or small-star step for every node of a hash partition,
    which holds all of each node's (node, neighbour) rows."""
    x, y = np.asarray(batch["x"], np.int64), np.asarray(batch["y"], np.int64)
    keep = y > x if large else y < x
    if not keep.any():
        return _empty()
    order = np.lexsort((y, x))
    x, y, keep = x[order], y[order], keep[order]
    starts = _group_starts(x)
    smallest = np.minimum(np.minimum.reduceat(y, starts), x[starts])  # min of node + neighbours
    per_row = np.repeat(smallest, np.diff(np.r_[starts, x.size]))
    if large:  # every larger neighbour now hangs off the smallest node of the neighbourhood
        a, b = y[keep], per_row[keep]
    else:  # the node and its smaller neighbours hang off the smallest of them
        a = np.concatenate((y[keep], x[starts]))
        b = np.concatenate((per_row[keep], smallest))
    differ = a != b
    a, b = a[differ], b[differ]
    return {"lo": np.minimum(a, b), "hi": np.maximum(a, b)}


def _normalised(lo: npt.NDArray[np.int64], hi: npt.NDArray[np.int64]) -> Edges:
    pairs = np.stack((np.minimum(lo, hi), np.maximum(lo, hi)), axis=1).astype(np.int64)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    return np.unique(pairs, axis=0) if len(pairs) else np.zeros((0, 2), np.int64)


def split_by_node(edges: Edges, partitions: int) -> Edges | tuple[Edges, ...]:
    """The shuffle's map side: each edge as two (node, neighbour) rows, bucketed by node."""
    x = np.concatenate((edges[:, 0], edges[:, 1]))
    y = np.concatenate((edges[:, 1], edges[:, 0]))
    bucket = x % partitions
    parts = tuple(np.stack((x[bucket == p], y[bucket == p]), axis=1) for p in range(partitions))
    return parts[0] if partitions == 1 else parts  # one return value is not a tuple in Ray


def star_partition(large: bool, *pieces: Edges) -> Edges:
    """The shuffle's reduce side: one star step over every node of one bucket."""
    rows = np.concatenate(pieces) if pieces else np.zeros((0, 2), np.int64)
    out = star_batch({"x": rows[:, 0], "y": rows[:, 1]}, large)
    return _normalised(np.asarray(out["lo"]), np.asarray(out["hi"]))


@lru_cache(maxsize=1)
def _remote_steps() -> tuple[Any, Any]:
    import ray

    return ray.remote(split_by_node), ray.remote(star_partition)


def _star_round(chunks: list[Any], large: bool, partitions: int) -> list[Any]:
    """One star step on Ray: split tasks bucket every chunk by node, one task per bucket
    applies the step; returns the buckets' output edges (object refs)."""
    split, star = _remote_steps()
    buckets = [split.options(num_returns=partitions).remote(c, partitions) for c in chunks]
    if partitions == 1:
        buckets = [[b] for b in buckets]
    return [star.remote(large, *[b[p] for b in buckets]) for p in range(partitions)]


def connected_components_ray(n: int, edges: Edges) -> npt.NDArray[np.int64]:
    """The smallest node of each node's component, for nodes ``range(n)`` and undirected
    ``edges`` ((m, 2) node pairs), by large-star / small-star rounds on Ray Data."""
    import ray

    labels = np.arange(n, dtype=np.int64)
    current = _normalised(edges[:, 0], edges[:, 1]) if len(edges) else np.zeros((0, 2), np.int64)
    partitions = max(1, min(64, len(current) // 20_000 + 1))
    for rounds in range(1, MAX_ROUNDS + 1):
        if not len(current):
            return labels
        chunks = np.array_split(current, partitions)
        refs = _star_round(_star_round(chunks, True, partitions), False, partitions)
        # The fixed-point test gathers each round's edges on the driver (at most ~one edge
        # per node); on a cluster at billions of edges it would be a distributed count.
        following = _normalised(*np.concatenate(ray.get(refs)).T)
        if np.array_equal(following, current):
            log.debug("connected components: fixed point after %d rounds", rounds)
            break
        current = following
    else:
        log.warning("connected components: no fixed point after %d rounds", MAX_ROUNDS)
    return _star_labels(labels, current)


def _star_labels(labels: npt.NDArray[np.int64], edges: Edges) -> npt.NDArray[np.int64]:
    """Labels from converged edges: every component a star around its smallest node (checked;
    otherwise union-find on the remaining edges, which are at most one per node)."""
    centres, leaves = edges[:, 0], edges[:, 1]
    if len(np.unique(leaves)) == len(leaves) and not np.isin(centres, leaves).any():
        labels[leaves] = centres
        return labels
    log.warning("connected components: rounds did not end in stars; finishing on the driver")
    uf = UnionFind([str(k) for k in range(len(labels))])
    for a, b in edges.tolist():
        uf.union(str(a), str(b))
    for group in uf.groups():
        members = [int(k) for k in group]
        labels[members] = min(members)
    return labels


def cluster_batch(batch: Batch, link_min: float) -> Batch:
    """``stories.cluster`` on each component of the batch: its units, links and points."""

    def groups_of(task: bytes) -> bytes:
        units, links, points, weights = pickle.loads(task)

        def link(i: int, j: int) -> float:
            return member_link(points[i], points[j], weights.for_pair(i, j), weights.apart(i, j))

        found = cluster(0, links, link_min, link, units)
        return pickle.dumps(found)

    return {"groups": objects([groups_of(bytes(t)) for t in batch["task"]])}


def cluster_components_ray(
    views: Sequence[DocView],
    links: Iterable[Link],
    units: list[list[int]],
    link_min: float,
    weights: TopicWeights,
) -> list[list[int]]:
    """``build.cluster_views`` on Ray: components on Ray Data, then one clustering task per
    batch of components; the same groups, in the same order."""
    links = list(links)
    unit_of = np.empty(len(views), dtype=np.int64)
    for u, items in enumerate(units):
        unit_of[items] = u
    pairs = np.array([(unit_of[i], unit_of[j]) for i, j, _ in links], dtype=np.int64)
    edges = pairs[pairs[:, 0] != pairs[:, 1]] if len(pairs) else np.zeros((0, 2), np.int64)
    component = connected_components_ray(len(units), edges)
    members: dict[int, list[int]] = {}
    for u in range(len(units)):
        members.setdefault(int(component[u]), []).append(u)  # units in their global order
    groups = [sorted(units[u]) for u in range(len(units)) if len(members[int(component[u])]) == 1]
    tasks = _component_tasks(views, (links, weights), units, unit_of, component, members)
    groups += _run_tasks(tasks, link_min)
    return sorted(groups, key=lambda g: g[0])


def _component_tasks(
    views: Sequence[DocView],
    weighted_links: tuple[list[Link], TopicWeights],
    units: list[list[int]],
    unit_of: npt.NDArray[np.int64],
    component: npt.NDArray[np.int64],
    members: dict[int, list[int]],
) -> list[bytes]:
    """One pickled (units, links, points, key weights) task per component of two or more
    units (the weights of the keys its texts carry only)."""
    links, weights = weighted_links
    shared = {c: us for c, us in members.items() if len(us) > 1}
    own_links: dict[int, list[Link]] = {c: [] for c in shared}
    for link in links:  # in global order: the sums come out as in the local run
        c = int(component[unit_of[link[0]]])
        if c in own_links:
            own_links[c].append(link)
    tasks = []
    for c, us in shared.items():
        points = {
            i: Point(
                views[i].vector,
                views[i].terms,
                views[i].day,
                views[i].keys,
                views[i].own_day,
                views[i].specific,
            )
            for u in us
            for i in units[u]
        }
        carried = {k for p in points.values() if p.keys for k in p.keys.figures | p.keys.names}
        own = weights.for_texts(points, carried)
        tasks.append(pickle.dumps(([units[u] for u in us], own_links[c], points, own)))
    return tasks


def _run_tasks(tasks: list[bytes], link_min: float) -> list[list[int]]:
    import ray.data

    if not tasks:
        return []
    blocks = max(1, min(len(tasks) // COMPONENT_BATCH + 1, 200))
    rows: list[dict[str, Any]] = [{"task": t} for t in tasks]
    dataset: Any = ray.data.from_items(rows, override_num_blocks=blocks)
    out = dataset.map_batches(
        cluster_batch, batch_size=COMPONENT_BATCH, fn_kwargs={"link_min": link_min}
    )
    return [g for row in out.iter_rows() for g in pickle.loads(row["groups"])]
