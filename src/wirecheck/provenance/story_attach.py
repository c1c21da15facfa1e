"""Same-day reports that the cohesion rule left apart join their story.

The average-link rule (``stories.cluster``) asks a text to link, on average, to *every*
member of a story. A big story of one day, told in many languages and from many angles,
has many weak member pairs (a Portuguese wire translation and a local station's own
write-up share little), so a same-day report with its own angle stays alone even when it
links strongly to several of the story's texts. Reports of another occasion (the next
day's rescue, a report months later) repeat the background just as strongly; what keeps
them apart is their day.

So, after clustering, a group of at most ``story_attach_max_texts`` texts joins the story
it links to best when (1) every one of its texts carries its own publication date, all the
same day, and that is the most common own date of the story's texts, and (2) the mean of
its ``story_attach_top`` strongest links to the story's texts reaches ``story_attach_min``
(fitted leave one corpus out: ``scripts/fit_story_attach.py``). Only stories of at least
three texts receive texts, and only as the cohesion rule made them (no chaining through a
text that just joined). Candidate stories are those the small group has a candidate link
to, so the step sees what the Ray runner's connected components see.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from wirecheck.provenance.stories import Link, PairSim

DayOf = Callable[[int], int | None]

_MIN_STORY_TEXTS = 3  # a story of one or two texts has no "most common day" to share


@dataclass(frozen=True)
class Attachment:
    """Why a small group joined a story: its strongest links and the shared day."""

    rows: tuple[int, ...]
    top_mean: float
    links: int  # how many links the mean is over
    day: int


@dataclass(frozen=True)
class AttachRule:
    max_texts: int
    top: int
    link_min: float


def attach_same_day(
    groups: Sequence[list[int]],
    links: Iterable[Link],
    fallback: PairSim,
    day_of: DayOf,
    rule: AttachRule,
) -> tuple[list[list[int]], dict[int, Attachment]]:
    """``groups`` with small same-day groups joined to their story, and per joined row the
    reason. ``links``: the candidate links (as the clustering got them); a member pair no
    candidate search proposed is scored by ``fallback`` (as the clustering scores it)."""
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    small = {g for g, m in enumerate(groups) if len(m) <= rule.max_texts}
    linked: dict[int, set[int]] = {}
    known: dict[tuple[int, int], float] = {}
    for i, j, sim in links:
        gi, gj = group_of[i], group_of[j]
        if gi == gj or not ({gi, gj} & small):
            continue
        known[(min(i, j), max(i, j))] = sim
        for a, b in ((gi, gj), (gj, gi)):
            if a in small and len(groups[b]) >= _MIN_STORY_TEXTS:
                linked.setdefault(a, set()).add(b)

    def link(i: int, j: int) -> float:
        found = known.get((min(i, j), max(i, j)))
        return found if found is not None else fallback(i, j)

    days = {b: _common_day(groups[b], day_of) for b in {b for bs in linked.values() for b in bs}}
    joined: dict[int, list[int]] = {}
    reasons: dict[int, Attachment] = {}
    for g in sorted(linked):
        best = _best_story(groups, g, sorted(linked[g]), days, link, day_of, rule)
        if best is None:
            continue
        target, attachment = best
        joined.setdefault(target, []).extend(groups[g])
        reasons.update({row: attachment for row in groups[g]})
    moved = {i for rows in joined.values() for i in rows}
    out = [sorted(m + joined.get(g, [])) for g, m in enumerate(groups) if not set(m) & moved]
    return sorted(out, key=lambda m: m[0]), reasons


def _common_day(members: Sequence[int], day_of: DayOf) -> int | None:
    days = Counter(d for i in members if (d := day_of(i)) is not None)
    # the most texts; on a tie the earliest day
    return max(days, key=lambda d: (days[d], -d)) if days else None


def _best_story(
    groups: Sequence[list[int]],
    g: int,
    candidates: Sequence[int],
    days: dict[int, int | None],
    link: PairSim,
    day_of: DayOf,
    rule: AttachRule,
) -> tuple[int, Attachment] | None:
    day = day_of(groups[g][0])
    if day is None or any(day_of(i) != day for i in groups[g]):
        return None
    best: tuple[int, Attachment] | None = None
    for b in candidates:
        if days[b] != day:
            continue
        sims = sorted((link(i, j) for i in groups[g] for j in groups[b]), reverse=True)
        top = sims[: rule.top]
        mean = round(sum(top) / len(top), 4)
        if mean >= rule.link_min and (best is None or mean > best[1].top_mean):
            best = (b, Attachment(tuple(groups[g]), mean, len(top), day))
    return best
