"""Word-sequence diffs: difflib's matching blocks (Ratcliff-Obershelp), compiled.

The align stage diffs tens of thousands of word windows per thousand articles (passages,
quotes, reworded sentences). ``cydifflib`` (MIT, by the author of rapidfuzz) implements
difflib's ``SequenceMatcher`` in C++ with the same algorithm and tie-breaking, so the blocks
are difflib's own: equal on all 44,168 windows the align stage diffed on ``wirecheck synth
2000 --seed 3``, in a quarter of the time (``tests/test_diffing.py`` checks equality on
generated sequences). Not written here: a faster diff with other blocks would move every
passage boundary and change the reported changes.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import NamedTuple

from cydifflib import SequenceMatcher


class Block(NamedTuple):
    """A run both sequences share: ``a[a:a+size] == b[b:b+size]``."""

    a: int
    b: int
    size: int


def matching_blocks(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Block]:
    """The shared runs of ``a`` and ``b`` in order, as ``difflib.SequenceMatcher(None, a, b,
    autojunk=False).get_matching_blocks()`` gives them, without its closing empty block."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return [Block(m.a, m.b, m.size) for m in matcher.get_matching_blocks() if m.size]
