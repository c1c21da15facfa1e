"""Key weights per topic: a name's rarity measured among the texts of its own topic.

The cross-language story link (``story_link``) weighs figures and names by their inverse
document frequency. Measured over the whole corpus, a pile that mixes several topics (an
air accident, a bridge collapse, an earthquake) makes each topic's own names ("the
airline", "the aircraft model") rare, so a report of *another day* on the same topic links
to every translation of the main story through them. Run on its own, that topic gives
those names almost no weight and the other day's report stays out (realdev, one corpus:
12 occasion texts inside main stories; per topic: 1).

So the texts are first grouped into topics: Louvain communities (``networkx``) of the
candidate-pair graph, each pair weighted by the cosine of its corpus-weighted keys; a
pair of two texts of one topic is then weighed by the document frequencies of that topic.
A pair across topics keeps the corpus weights. A corpus of one topic is one community, so
its weights are the corpus's own. Only texts the weights can matter for are grouped: the
texts not in English and their candidate partners (two English texts are linked by the
English event similarity, which reads no key weights).

Determinism: the graph is built in the order of the texts' content hashes and Louvain is
seeded, so the communities do not depend on input order or file paths (an incremental run
groups as a full one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import networkx as nx
import numpy as np
import numpy.typing as npt

from wirecheck.provenance.event_keys import EventKeys
from wirecheck.provenance.story_link import KeyWeights, key_weights, keys_cosine

LOUVAIN_SEED = 17  # any fixed seed: the communities must not change from run to run


@dataclass(frozen=True, slots=True)
class TopicWeights:
    """Corpus key weights, and per topic the weights measured among its texts."""

    overall: KeyWeights
    topic_of: Mapping[int, int] = field(default_factory=dict)  # text index -> topic
    by_topic: Mapping[int, KeyWeights] = field(default_factory=dict)

    def for_pair(self, i: int, j: int) -> KeyWeights:
        """The weights of the topic ``i`` and ``j`` share, if they share one; else the corpus's."""
        topic = self.topic_of.get(i)
        if topic is not None and topic == self.topic_of.get(j):
            return self.by_topic[topic]
        return self.overall

    def apart(self, i: int, j: int) -> bool:
        """Both texts were grouped, into two topics."""
        a, b = self.topic_of.get(i), self.topic_of.get(j)
        return a is not None and b is not None and a != b

    def for_texts(self, indices: Iterable[int], keys: set[str]) -> TopicWeights:
        """The part a subset of texts can ask for (a Ray task's component): their topics,
        and the weights of ``keys``, the keys they carry."""

        def cut(w: KeyWeights) -> dict[str, float]:
            return {k: w[k] for k in keys if k in w}

        topic_of = {i: t for i in indices if (t := self.topic_of.get(i)) is not None}
        topics = set(topic_of.values())
        return TopicWeights(cut(self.overall), topic_of, {t: cut(self.by_topic[t]) for t in topics})


def topic_weights(
    keys: Sequence[EventKeys | None],
    pairs: npt.NDArray[np.int64],
    content: Sequence[str],
    resolution: float,
) -> TopicWeights:
    """Key weights of the corpus and of each topic of the texts near a non-English text.

    ``keys``: every text's event keys (None: none read); ``pairs``: the candidate pairs
    (rows of two text indices); ``content``: each text's ``views.text_key`` (the graph's
    build order)."""
    overall = key_weights(k for k in keys if k is not None)
    order = content.__getitem__
    graph = _topic_graph(keys, pairs, order, overall)
    if graph.number_of_edges() == 0:
        return TopicWeights(overall)
    communities = nx.community.louvain_communities(
        graph, weight="weight", resolution=resolution, seed=LOUVAIN_SEED
    )
    topic_of: dict[int, int] = {}
    by_topic: dict[int, KeyWeights] = {}
    for members in sorted(communities, key=lambda c: min(order(i) for i in c)):
        if len(members) < 2:
            continue
        topic = len(by_topic)
        topic_of.update(dict.fromkeys(members, topic))
        by_topic[topic] = key_weights(k for i in members if (k := keys[i]) is not None)
    return TopicWeights(overall, topic_of, by_topic)


def _topic_graph(
    keys: Sequence[EventKeys | None],
    pairs: npt.NDArray[np.int64],
    order: Callable[[int], str],
    overall: KeyWeights,
) -> nx.Graph:
    """Candidate pairs that touch a non-English text or one of its partners, weighted by
    the cosine of their keys; nodes and edges added in content order."""
    pairs = pairs.reshape(-1, 2)
    foreign = np.fromiter((k is not None and not k.english for k in keys), bool, len(keys))
    touching = pairs[foreign[pairs[:, 0]] | foreign[pairs[:, 1]]]
    near = foreign.copy()
    near[touching.ravel()] = True
    weighted: list[tuple[int, int, float]] = []
    for i, j in pairs[near[pairs[:, 0]] & near[pairs[:, 1]]].tolist():
        a, b = keys[i], keys[j]
        if a is not None and b is not None:
            cosine = keys_cosine(a.names | a.figures, b.names | b.figures, overall)
            if cosine > 0:
                first, second = sorted((i, j), key=order)
                weighted.append((first, second, cosine))
    graph = nx.Graph()
    graph.add_nodes_from(sorted(np.flatnonzero(near).tolist(), key=order))
    graph.add_weighted_edges_from(sorted(weighted, key=lambda e: (order(e[0]), order(e[1]))))
    return graph
