"""Small writing helpers shared by the story writers: background, quotes, qualifiers, order."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, replace

from wirecheck.synth import lexicon as lx
from wirecheck.synth import names
from wirecheck.synth.names import between, pick
from wirecheck.synth.records import Para, StoryFacts

Origins = list[tuple[str, list[Para]]]  # per origin: (title, paragraphs)


@dataclass
class Event:
    facts: StoryFacts
    origins: Origins
    companies: list[names.Company]


EventFn = Callable[[random.Random, int, list[names.Company]], Event]


def event_weekday(rng: random.Random) -> str:
    """The weekday a lead names ("on Tuesday"): the story's own, filled in once its date is
    drawn (``with_event_weekday``). It was drawn at random, so a text said "on Tuesday" of
    an event dated a Sunday, and a weekday resolved against a copy's date fell up to six
    days before the story's date. The draw is kept (one ``random()`` call) so that every
    other text of a corpus stays as it was."""
    pick(rng, lx.WEEKDAYS)
    return lx.EVENT_WEEKDAY


def with_event_weekday(origins: Origins, weekday: str) -> Origins:
    """``origins`` with the placeholder of ``event_weekday`` replaced by ``weekday``."""
    return [
        (title, [replace(p, text=p.text.replace(lx.EVENT_WEEKDAY, weekday)) for p in paras])
        for title, paras in origins
    ]


def background(rng: random.Random, fact: str) -> Para:
    """A paragraph of invented context, different for every origin that draws one."""
    sentences = []
    for _ in range(2):
        tail = pick(rng, lx.BACKGROUND_TAILS).format(
            org=names.organisation(rng), n=between(rng, 2, 12), place=pick(rng, lx.BASES)
        )
        subject, verb = pick(rng, lx.BACKGROUND_SUBJECTS), pick(rng, lx.BACKGROUND_VERBS)
        sentences.append(f"{subject} {verb} {tail}.")
    return Para(fact, " ".join(sentences))


def backgrounds(rng: random.Random, origin: int) -> list[Para]:
    return [background(rng, f"bg{origin}_{j}") for j in range(between(rng, 1, 3))]


def quote(rng: random.Random) -> str:
    """An invented quotation assembled from parts, so stories rarely share one verbatim."""
    opener = pick(rng, ("Frankly,", "Let me be clear:", "In our view,", "Put simply,", "Today"))
    middle = pick(rng, ("we expect", "we will ask", "we want", "we need", "we have told"))
    who = pick(rng, ("our partners", "every government", "the companies", "both sides"))
    act = pick(
        rng,
        (
            "to act quickly",
            "to respond in full",
            "to keep talking",
            "to stop this now",
            "to share what they know",
            "to show restraint",
        ),
    )
    return f"{opener} {middle} {who} {act}"


def percent(number: int, origin: int, conflict: bool) -> str:
    """The qualifier an origin puts on a shared percentage (conflicting or compatible)."""
    if conflict:
        return f"{'nearly' if origin % 2 == 0 else 'more than'} {number}%"
    return f"{'about ' if origin % 2 == 0 else ''}{number}%"


def approx(text: str, origin: int) -> str:
    """Odd origins round a shared figure ("about $210 million"): compatible, not a conflict."""
    return f"about {text}" if origin % 2 else text


def join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def shuffle_tail(rng: random.Random, paras: list[Para], keep: int) -> list[Para]:
    """Keep the first ``keep`` paragraphs and shuffle the rest (origins order facts freely)."""
    tail = paras[keep:]
    rng.shuffle(tail)
    return paras[:keep] + tail


def variant(offset: int, origin: int) -> int:
    """Which of three wordings an origin uses (``offset`` drawn once per story), so the first
    three origins of a story never share one."""
    return (origin + offset) % 3
