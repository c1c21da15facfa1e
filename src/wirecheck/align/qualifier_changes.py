"""Changed qualifiers in reworded sentences: the same figure, another bound.

"nearly 70%" -> "approximately 70%", "as many as 20" -> "at least 20": the figure stays, so
``numbers`` sees no change, yet the claim says something else (below the figure, around
it, above it). Sentences are matched as ``numbers`` matches them (stemmed content words,
the same figure in the same unit); who changed it is decided by ``verdicts.decide``.
"""

from __future__ import annotations

from wirecheck.align.context import Context
from wirecheck.align.numbers import Line, line_changes
from wirecheck.align.text import jaccard
from wirecheck.align.verdicts import Tie
from wirecheck.model import Change, Explanation, FeatureScore, stable_id
from wirecheck.settings.align import ChangeSettings


def _changed_qualifier(a: Line, b: Line) -> tuple[str, str] | None:
    """(a's qualified figure, b's) when both qualify one figure with different classes."""
    for (unit, figure), (kind, _) in sorted(a.qualified.items()):
        if figure not in b.figures.get(unit, set()):
            continue
        other = b.qualified.get((unit, figure))
        # A bare figure is read as rounded ("90%" beside "about 90%"), so only two qualifiers
        # of different classes (below / around / above the figure) say different things.
        if other is not None and other[0] != kind:
            return f"{a.qualified[(unit, figure)][1]} {figure}", f"{other[1]} {figure}"
    return None


def make_qualifier_change(a: Line, b: Line, shown: tuple[str, str], basis: str) -> Change:
    note = (f"changed qualifier: '{shown[0]}' where the other version says '{shown[1]}' in a "
            "sentence about the same thing")
    features = [
        FeatureScore(name="qualifier_change", value=1.0, weight=1.0, note=note),
        FeatureScore(name="sentence_overlap", value=round(jaccard(a.words, b.words), 3),
                     weight=0.0, note="stemmed content words the two sentences share (Jaccard)"),
        FeatureScore(name=f"basis_{basis.split(':')[0]}", value=1.0, weight=0.0, note=basis),
    ]
    return Change(id=stable_id("ch", a.doc.id, str(a.start), "qualifier"), article=a.doc.id,
                  origin=b.doc.id, kind="qualifier", text=a.text, origin_text=b.text,
                  explanation=f"{note} ({basis})",
                  details=Explanation(score=1.0, features=features, summary=f"{note} ({basis})"))


def qualifier_changes(by_doc: dict[str, list[Line]], ctx: Context, settings: ChangeSettings
                      ) -> tuple[list[Change], list[Tie]]:
    """Firm changes and ties of qualifiers on one figure in sentences matched across texts."""
    return line_changes(by_doc, ctx, settings, _changed_qualifier, make_qualifier_change)
