"""Values that differ inside one origin family: an update, not a conflict between sources.

A wire service revises its own figure through the day (a toll rising from one write-through
to the next), or a copy changes the figure of its origin (``changes`` reports who changed
it). Either way no second source contradicts the first, so the two versions are kept apart
and each group names the other with both passages, but neither gets status ``conflict``.
"""

from __future__ import annotations

from wirecheck.align.similarity import MentionView
from wirecheck.model import ClaimGroup, FeatureScore

Cluster = list[MentionView]


def _passage(part: Cluster) -> str:
    view = part[0]
    return f"{view.mention.article}: \"{view.mention.text.strip()}\""


def note_update(groups: list[ClaimGroup], parts: list[Cluster], edge: tuple[int, int]) -> None:
    """Name the other value and both passages in each group's explanation."""
    i, j = edge
    for mine, other in ((i, j), (j, i)):
        explanation = groups[mine].explanation
        if explanation is None:
            continue
        q = groups[other].quantity
        value = q.text if q is not None else groups[other].text
        note = (f"update within one origin family: '{value}' in {_passage(parts[other])} "
                f"against {_passage(parts[mine])}; not a conflict between sources")
        explanation.features.append(FeatureScore(
            name="updated_within_family", value=1.0, weight=0.0, note=note))
        explanation.summary += f"; another version of the same origin says '{value}' (update)"
