"""Who introduced a difference between versions of one statement.

1. origin: the text derives from the other version (a provenance edge) -> it changed it;
2. majority: no other text agrees with it there and >= ``majority_families`` other
   families give the other version -> it alone changed it;
3. tie (one other family, nobody agrees): decided after all firm changes are known:
   the text with more rewrite evidence (derived side of a rewrite/translation edge
   counts 2, each firm change elsewhere 1), else the later-dated one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from wirecheck.align.context import Context
from wirecheck.model import Change
from wirecheck.settings.align import ChangeSettings


@dataclass
class Tie:
    """A two-version difference waiting for the tie rule; ``build`` makes the change."""

    article: str
    other: str
    build: Callable[[str], Change | None]  # basis sentence -> change (None: not after all)


def decide(article: str, differing: Sequence[str], agreeing: Sequence[str], ctx: Context,
           settings: ChangeSettings) -> tuple[str, str] | None:
    """(basis, the version compared with) for a text whose version differs, or None.

    ``differing`` is ordered best version first; basis is origin|majority|tie. A text that
    agrees with more other families than differ from it keeps its wording even when a
    provenance edge points at a differing source: that source is the odd one out (or the
    edge's direction is wrong), and it is blamed in its own turn.
    """
    own = ctx.families[article]
    agree_families = {ctx.families[o] for o in agreeing} - {own}
    if len(agree_families) > len({ctx.families[o] for o in differing} - {own}):
        return None
    for other in differing:
        if (article, other) in ctx.derived_from and (other, article) not in ctx.derived_from:
            return "origin", other
    if agreeing or not differing:
        return None
    families = {ctx.families[o] for o in differing} - {ctx.families[article]}
    if len(families) >= settings.majority_families:
        return "majority", differing[0]
    if len(families) == 1:
        return "tie", differing[0]
    return None


def basis_sentence(basis: str, families: int) -> str:
    if basis == "origin":
        return "origin: the text derives from the version it differs from"
    return (f"majority: no other text agrees with it, {families} other families give "
            "the other version")


def _rewrite_score(article: str, ctx: Context, firm: Counter[str]) -> int:
    return 2 * (article in ctx.rewritten) + firm[article]


def tie_reason(article: str, other: str, ctx: Context, firm: Counter[str]) -> str:
    """Why ``article`` (not ``other``) is taken as the changer of a two-version passage."""
    if (other, article) in ctx.derived_from:
        return ""
    sa, sb = _rewrite_score(article, ctx, firm), _rewrite_score(other, ctx, firm)
    if sa != sb:
        return f"more rewrite evidence ({sa} vs {sb}; rewrite edge 2, change 1)" if sa > sb else ""
    da, db = ctx.dates.get(article), ctx.dates.get(other)
    return "a later date" if da and db and da > db else ""


def resolve_ties(ties: Sequence[Tie], firm: Sequence[Change], ctx: Context) -> list[Change]:
    """The tie changes the tie rule blames on their text."""
    counts = Counter(change.article for change in firm)
    out = []
    for tie in ties:
        reason = tie_reason(tie.article, tie.other, ctx, counts)
        change = tie.build(f"tie: two versions; this one has {reason}") if reason else None
        if change is not None:
            out.append(change)
    return out
