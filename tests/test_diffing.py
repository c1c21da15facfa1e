"""The compiled diff gives difflib's matching blocks exactly (passage bounds depend on them)."""

from __future__ import annotations

from difflib import SequenceMatcher

from hypothesis import given, settings
from hypothesis import strategies as st

from wirecheck.align.diffing import Block, matching_blocks
from wirecheck.align.passages import aligned_regions, make_doc
from wirecheck.settings.align import ChangeSettings

# A small vocabulary: many repeated words, so ties between equally long runs are common
# (where a different algorithm would choose other blocks).
WORDS = st.lists(st.sampled_from(["the", "ship", "hit", "bridge", "at", "1", "30", "port"]))


def _difflib_blocks(a: list[str], b: list[str]) -> list[Block]:
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return [Block(*m) for m in matcher.get_matching_blocks() if m.size]


@settings(max_examples=400, deadline=None)
@given(WORDS, WORDS)
def test_blocks_equal_difflib(a: list[str], b: list[str]) -> None:
    assert matching_blocks(a, b) == _difflib_blocks(a, b)


def test_long_sequences_with_repeats_equal_difflib() -> None:
    # longer than difflib's autojunk threshold (200), which both must leave off
    a = ("the ship hit the bridge at 1 30 " * 40).split()
    b = ("the ship struck the bridge at 1 35 and the port closed " * 30).split()
    assert matching_blocks(a, b) == _difflib_blocks(a, b)
    assert matching_blocks([], b) == [] and matching_blocks(a, []) == []


def test_passages_of_a_lightly_edited_copy() -> None:
    source = (
        "The cargo ship lost power minutes before it struck the bridge early on Tuesday. "
        "Officials said nearly 70 percent of the crew had been evacuated by noon."
    )
    copy = source.replace("nearly 70", "more than 70").replace("early on", "late on")
    doc = make_doc("a", copy)
    regions = aligned_regions(doc, make_doc("b", source), ChangeSettings())
    assert len(regions) == 1
    spans = [doc.span(gap.a_from, gap.a_to) for gap in regions[0].all_gaps]
    assert {copy[start:end] for start, end in spans} == {"late", "more than"}
