"""Same-day small groups joining their story (provenance/story_attach.py), on invented rows."""

from __future__ import annotations

from wirecheck.provenance.story_attach import AttachRule, attach_same_day

RULE = AttachRule(max_texts=2, top=5, link_min=0.5)
DAY = 739000


def _links(sims: dict[tuple[int, int], float]) -> list[tuple[int, int, float]]:
    return [(i, j, s) for (i, j), s in sims.items()]


def _story_and_one(strength: float, weak: float = 0.1) -> dict[tuple[int, int], float]:
    """Rows 0-5: one story. Row 6: alone, linked to rows 0-4 at ``strength``, to 5 weakly."""
    sims = {(i, j): 0.6 for i in range(6) for j in range(i + 1, 6)}
    sims.update({(i, 6): strength for i in range(5)})
    sims[(5, 6)] = weak
    return sims


def _run(
    sims: dict[tuple[int, int], float], days: dict[int, int | None]
) -> tuple[list[list[int]], dict[int, object]]:
    groups = [[0, 1, 2, 3, 4, 5], [6]]
    return attach_same_day(
        groups, _links(sims), lambda i, j: sims.get((min(i, j), max(i, j)), 0.0),
        days.get, RULE,
    )


def test_a_same_day_text_with_strong_links_joins_and_says_why() -> None:
    sims = _story_and_one(0.7)
    groups, why = _run(sims, dict.fromkeys(range(7), DAY))
    assert groups == [[0, 1, 2, 3, 4, 5, 6]]
    reason = why[6]
    assert reason.top_mean == 0.7 and reason.links == 5 and reason.day == DAY


def test_another_day_or_no_date_keeps_it_apart() -> None:
    sims = _story_and_one(0.9)
    next_day = {**dict.fromkeys(range(6), DAY), 6: DAY + 1}
    assert _run(sims, next_day)[0] == [[0, 1, 2, 3, 4, 5], [6]]
    undated = {**dict.fromkeys(range(6), DAY), 6: None}
    assert _run(sims, undated)[0] == [[0, 1, 2, 3, 4, 5], [6]]


def test_weak_strongest_links_keep_it_apart() -> None:
    sims = _story_and_one(0.45)
    assert _run(sims, dict.fromkeys(range(7), DAY))[0] == [[0, 1, 2, 3, 4, 5], [6]]


def test_the_story_day_is_its_most_common_own_date() -> None:
    # two of the story's texts carry the next day (a write-through): the day is still DAY
    sims = _story_and_one(0.8)
    days = {**dict.fromkeys(range(7), DAY), 0: DAY + 1, 1: DAY + 1}
    assert _run(sims, days)[0] == [[0, 1, 2, 3, 4, 5, 6]]


def test_small_groups_never_join_each_other_or_chain() -> None:
    # rows 0-1 and 2 are small groups linked strongly to each other; row 3-5 a story that
    # links to row 2 only through row 0-1
    sims = {(0, 1): 0.9, (0, 2): 0.9, (1, 2): 0.9, (3, 4): 0.9, (3, 5): 0.9, (4, 5): 0.9}
    sims.update({(0, 3): 0.9, (0, 4): 0.9, (0, 5): 0.9, (1, 3): 0.9, (1, 4): 0.9})
    groups = [[0, 1], [2], [3, 4, 5]]
    out, why = attach_same_day(
        groups, _links(sims), lambda i, j: sims.get((min(i, j), max(i, j)), 0.0),
        dict.fromkeys(range(6), DAY).get, RULE,
    )
    assert out == [[0, 1, 3, 4, 5], [2]]  # row 2 has no candidate link to the story
    assert set(why) == {0, 1}
