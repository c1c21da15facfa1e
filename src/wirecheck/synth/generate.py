"""Generate a synthetic news corpus of any size with its gold file, deterministically by seed.

Each story is drawn from its own seeded generator (``Random(f"{seed}:{index}")``), written
by one to three independent origins, and each origin is copied, excerpted, rewritten and
summarised by other sites. Hard negatives come for free: copy sites reuse their chrome and a
stock paragraph across unrelated stories, previous/next links carry other stories' headlines,
and plant-opening stories reuse a company an earlier export story accused.
"""

from __future__ import annotations

import random
import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from wirecheck.synth import derive, names
from wirecheck.synth.events import EVENTS, Event
from wirecheck.synth.gold import GoldBuilder, write_gold
from wirecheck.synth.lexicon import WEEKDAYS
from wirecheck.synth.prose import with_event_weekday
from wirecheck.synth.records import Doc, StoryFacts

N_SITES = 18  # copy sites: few enough that chrome repeats across many stories
SHARD_SIZE = 1000  # files per subdirectory
ORIGIN_WEIGHTS = (0.4, 0.35, 0.25)  # P(1..3 independent origins): one wording variant each
COPY_WEIGHTS = (0.3, 0.3, 0.2, 0.15, 0.05)  # P(0..4 verbatim copies per origin)
P_EXCERPT, P_REWRITE, P_SUMMARY = 0.25, 0.3, 0.1
FIRST_DAY = date(2025, 1, 1)


@dataclass
class _State:
    """What a story may borrow from earlier ones (hard negatives)."""

    titles: deque[str] = field(default_factory=lambda: deque(maxlen=6))
    accused: list[names.Company] = field(default_factory=list)


def _pick(rng: random.Random, weights: tuple[float, ...]) -> int:
    return rng.choices(range(len(weights)), weights=weights)[0]


def _originals(rng: random.Random, event: Event, day: str) -> list[Doc]:
    docs: list[Doc] = []
    for o, (title, paras) in enumerate(event.origins):
        outlet = _outlet(rng, o)
        while outlet in {d.outlet for d in docs}:
            # two originals of one outlet are one origin (an agency's first story and its
            # write-through), so a story's independent originals have distinct outlets
            outlet = _outlet(rng, o)
        docs.append(Doc(0, o, "original", outlet, title, derive.shift(day, min(o, 1)), paras))
    return docs


def _outlet(rng: random.Random, order: int) -> str:
    return names.agency(rng) if order == 0 or rng.random() < 0.3 else names.paper(rng)


def _derived(rng: random.Random, origin: Doc, index: int, others: list[str]) -> list[Doc]:
    docs = [
        derive.copy_doc(rng, origin, names.between(rng, 0, N_SITES), others)
        for _ in range(_pick(rng, COPY_WEIGHTS))
    ]
    if rng.random() < P_EXCERPT and len(origin.paras) > 2:
        docs.append(derive.excerpt_doc(rng, origin, names.between(rng, 0, N_SITES)))
    if rng.random() < P_REWRITE:
        docs.append(derive.rewrite_doc(rng, origin, names.paper(rng)))
    if rng.random() < P_SUMMARY:
        docs.append(derive.summary_doc(origin, names.between(rng, 0, N_SITES)))
    for doc in docs:
        doc.source = index
    return docs


def make_story(seed: int, index: int, state: _State) -> tuple[StoryFacts, list[Doc]]:
    """One story: its facts and every document about it (originals first)."""
    rng = random.Random(f"{seed}:{index}")
    kinds = [e for e in EVENTS if e[0] != "plant" or state.accused]
    _, write, _ = rng.choices(kinds, weights=[e[2] for e in kinds])[0]
    shared = [names.pick(rng, state.accused)] if state.accused else []
    event = write(rng, 1 + _pick(rng, ORIGIN_WEIGHTS), shared)
    day = (FIRST_DAY + timedelta(days=names.between(rng, 0, 365))).isoformat()
    weekday = WEEKDAYS[date.fromisoformat(day).weekday()]
    event.origins = with_event_weekday(event.origins, weekday)
    docs = _originals(rng, event, day)
    others = list(state.titles)
    for i in range(len(docs)):
        docs.extend(_derived(rng, docs[i], i, others))
    for doc in docs:
        doc.story = index
    facts = event.facts
    facts.title, facts.date = docs[0].title, day
    state.titles.append(docs[0].title)
    if facts.kind == "export":
        state.accused = event.companies[:]
    return facts, docs


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def file_name(number: int, doc: Doc) -> str:
    """Sharded relative path; the prefix before ``_`` is the gold key."""
    return f"{number // SHARD_SIZE:04d}/{number:07d}_{_slug(doc.outlet)}.txt"


def stories(n: int, seed: int) -> Iterator[tuple[int, StoryFacts, list[Doc], list[str]]]:
    """(story index, facts, docs, file names) until exactly ``n`` articles are made."""
    state, made, index = _State(), 0, 0
    while made < n:
        facts, docs = make_story(seed, index, state)
        docs = docs[: n - made]  # originals come first, so sources survive a cut
        names_ = [file_name(made + i, d) for i, d in enumerate(docs)]
        yield index, facts, docs, names_
        made += len(docs)
        index += 1


def key_of(name: str) -> str:
    return name.rsplit("/", 1)[-1].split("_", 1)[0]


def build_gold(n: int, seed: int) -> dict[str, Any]:
    builder = GoldBuilder()
    for index, facts, docs, names_ in stories(n, seed):
        builder.add_story(index, facts, docs, [key_of(x) for x in names_])
    gold = builder.to_dict()
    gold["generator"] = {"n": n, "seed": seed}
    return gold


def generate(n: int, seed: int = 0) -> tuple[Iterator[tuple[str, str]], dict[str, Any]]:
    """``(iterator of (relative file name, text), gold dict)`` for ``n`` synthetic articles.

    The gold is built eagerly; the texts are generated lazily (a second, identical pass), so
    a benchmark can stream a large corpus without holding it in memory.
    """
    gold = build_gold(n, seed)

    def texts() -> Iterator[tuple[str, str]]:
        for _, _, docs, names_ in stories(n, seed):
            yield from zip(names_, (d.render() for d in docs), strict=True)

    return texts(), gold


GOLD_HEADER = """Synthetic corpus made by `wirecheck synth` (all names and events invented).
Format of ../shared/seeds/gold.yaml plus: story.independent_origins parallel to
story.clusters, story.families, derivations, stories (kind/title/date per cluster)."""


def write_corpus(n: int, out: Path, seed: int = 0) -> dict[str, Any]:
    """Write ``n`` article files under ``out`` (1,000 per subdirectory) and ``out/gold.yaml``."""
    builder = GoldBuilder()
    for index, facts, docs, names_ in stories(n, seed):
        for name, doc in zip(names_, docs, strict=True):
            path = out / name
            if not path.parent.is_dir():
                path.parent.mkdir(parents=True)
            path.write_text(doc.render(), encoding="utf-8")
        builder.add_story(index, facts, docs, [key_of(x) for x in names_])
    gold = builder.to_dict()
    gold["generator"] = {"n": n, "seed": seed}
    write_gold(gold, out / "gold.yaml", GOLD_HEADER)
    return gold
