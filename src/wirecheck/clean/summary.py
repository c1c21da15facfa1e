"""A site-made summary of the article (a bullet list under "Key points"...), kept apart.

The summary restates the article, so it must never reach the body (it would count as
the article's own corroboration). Found by a cue line followed by bullets, or by a
run of bullets whose words are mostly found in the rest of the text.
"""

from __future__ import annotations

import re

from wirecheck.clean.lines import Line, content_words, is_bullet, overlap, strip_bullet

_CUE = re.compile(
    r"^(?:key points|key takeaways|takeaways|summary|at a glance|highlights|"
    r"story highlights|in brief|in short|tl;?\s?dr|the short version|what you need to know|"
    r"what we know|the big picture|why it matters|main points|bottom line)\W*$",
    re.IGNORECASE,
)


def is_summary_cue(text: str) -> bool:
    return bool(_CUE.match(text.strip()))


def bullet_runs(lines: list[Line]) -> list[list[int]]:
    """Index runs (into ``lines``) of two or more consecutive bullet lines."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, line in enumerate(lines):
        if is_bullet(line.text):
            current.append(index)
            continue
        if len(current) >= 2:
            runs.append(current)
        current = []
    if len(current) >= 2:
        runs.append(current)
    return runs


def summary_lines(lines: list[Line], min_overlap: float) -> dict[int, str]:
    """Indexes of summary lines (cue and bullets) with the rule that fired."""
    found: dict[int, str] = {}
    for run in bullet_runs(lines):
        before = run[0] - 1
        if before >= 0 and is_summary_cue(lines[before].text):
            found[before] = "summary-cue"
            found.update({i: "summary-bullet" for i in run})
        elif _restates(lines, run, min_overlap):
            found.update({i: "restating-bullets" for i in run})
            if before >= 0 and _is_heading(lines[before].text):
                found[before] = "summary-heading"
    return found


def _is_heading(text: str) -> bool:
    """A short label line (a few words, no sentence punctuation) heading a bullet list."""
    words = text.split()
    return 0 < len(words) <= 4 and not text.rstrip().endswith((".", "!", "?", ":", ",", ";"))


def _restates(lines: list[Line], run: list[int], min_overlap: float) -> bool:
    """Do the bullets of ``run`` mostly repeat words of the other lines of the text?"""
    inside = set(run)
    rest: set[str] = set()
    for index, line in enumerate(lines):
        if index not in inside:
            rest |= content_words(line.text)
    shares = [overlap(content_words(strip_bullet(lines[i].text)), rest) for i in run]
    # the mean, not the minimum: a site summary often adds one bullet of context
    return sum(shares) / len(shares) >= min_overlap
