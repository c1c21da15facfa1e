"""Key weights per topic (invented text): a topic's own names count little inside it."""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

import numpy as np

from wirecheck.model import stable_id
from wirecheck.provenance.event_keys import EventKeys, event_keys
from wirecheck.provenance.story_link import StoryPair, explain_link, link_probability
from wirecheck.provenance.topics import topic_weights


@dataclass(frozen=True)
class _Point:
    keys: EventKeys | None
    day: int | None


# two topics of one invented news week, each with texts in English and in Spanish; every
# text of a topic names its topic's ferry line or dam, each text also has its own details
FERRY = [
    "The Velmora Lines ferry sank near Torvik on 9 May; 412 were aboard.",
    "El ferry de Velmora Lines se hundió cerca de Tórvik; 412 a bordo, 37 desaparecidos.",
    "Divers from Korrin Salvage reached the Velmora Lines wreck off Torvik on Tuesday.",
    "Los buzos de Korrin Salvage llegaron al ferry de Velmora Lines frente a Tórvik.",
    "Velmora Lines suspended all of its crossings to Torvik, and Anja Pell said so.",
]
DAM = [
    "The Ostrava Dam on the Lenne river cracked after 380 mm of rain, Lenne Water said.",
    "La presa de Ostrava sobre el río Lenne se agrietó tras 380 mm de lluvia.",
    "Engineers of Brask Civil inspected the Ostrava Dam and the Lenne levees on Friday.",
    "Los ingenieros de Brask Civil revisaron la presa de Ostrava y los diques del Lenne.",
    "Lenne Water lowered the Ostrava reservoir by 4 metres; Mayor Tomas Vik spoke.",
]


def _weights_of(bodies: list[str], resolution: float = 0.3):  # type: ignore[no-untyped-def]
    keys: list[EventKeys | None] = [event_keys(b) for b in bodies]
    pairs = np.array(list(itertools.combinations(range(len(bodies)), 2)), dtype=np.int64)
    content = [stable_id("b", b) for b in bodies]
    return topic_weights(keys, pairs, content, resolution)


def test_each_topic_weighs_its_names_among_its_own_texts() -> None:
    bodies = FERRY + DAM
    weights = _weights_of(bodies)
    ferry = {weights.topic_of[i] for i in range(len(FERRY))}
    dam = {weights.topic_of[i] for i in range(len(FERRY), len(bodies))}
    assert len(ferry) == 1 and len(dam) == 1 and ferry != dam  # two topics, each whole
    inside = weights.for_pair(0, 1)  # English and Spanish ferry reports
    across = weights.for_pair(0, len(FERRY))  # a ferry and a dam report
    assert across is weights.overall
    assert weights.apart(0, len(FERRY)) and not weights.apart(0, 1)
    # every ferry text names the line: rare in the week, common in its topic
    assert inside["velmora"] < weights.overall["velmora"]
    assert inside["korrin"] > inside["velmora"]  # a detail of two texts still counts


def test_english_only_corpora_are_not_grouped() -> None:
    english = [FERRY[0], FERRY[2], FERRY[4], DAM[0], DAM[2], DAM[4]]
    weights = _weights_of(english)
    # the English similarity reads no key weights: nothing to group, the corpus's weights
    assert not weights.topic_of and weights.for_pair(0, 1) is weights.overall
    assert not weights.apart(0, 3)  # not grouped is not "two topics"


def test_a_pair_of_two_topics_is_explained_and_scored_lower() -> None:
    bodies = FERRY + DAM
    weights = _weights_of(bodies)
    keys = [event_keys(b) for b in bodies]
    i, j = 1, len(FERRY) + 1  # the Spanish ferry and dam reports
    points = [_Point(k, 100) for k in keys]
    same = StoryPair(points[i], points[j], 0.0, weights.for_pair(i, j))
    apart = StoryPair(points[i], points[j], 0.0, weights.for_pair(i, j), weights.apart(i, j))
    assert link_probability(apart) < link_probability(same)
    shown = {f.name: f for f in explain_link(apart).features}
    assert shown["topics_differ"].value == 1.0 and shown["topics_differ"].weight < 0


def test_topics_do_not_depend_on_input_order() -> None:
    bodies = FERRY + DAM
    first = _weights_of(bodies)
    order = list(range(len(bodies)))
    random.Random(5).shuffle(order)
    shuffled = _weights_of([bodies[k] for k in order])
    moved = {new: old for new, old in enumerate(order)}

    def grouping(w, index):  # type: ignore[no-untyped-def]
        topics: dict[int, set[str]] = {}
        for i, t in w.topic_of.items():
            topics.setdefault(t, set()).add(bodies[index(i)])
        return sorted(sorted(t) for t in topics.values())

    assert grouping(first, lambda i: i) == grouping(shuffled, moved.__getitem__)
