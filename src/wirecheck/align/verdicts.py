"""Who introduced a difference between versions of one statement.

Versions of the text's own origin family are asked first (a copy changes its origin's
words; another family reporting otherwise is a conflict, not a change):

1. family: more versions of its family give the other wording than agree with it -> it
   changed it; with one other version only, a provenance edge from it to that version
   (origin) decides, else the tie rule;

Only when its family holds no other version, and only for wordings every report must
share (quotations, titles, a figure dropped before its unit; ``cross_family``), other
families are asked:

2. majority: no other text agrees with it there and >= ``majority_families`` other
   families give the other version -> it alone changed it;
3. tie (one other family, nobody agrees): decided after all firm changes are known:
   the text with more rewrite evidence (derived side of a rewrite/translation edge
   counts 2, each firm change elsewhere 1), else, within one family, the later-dated one.
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
           settings: ChangeSettings, cross_family: bool = True) -> tuple[str, str] | None:
    """(basis, the version compared with) for a text whose version differs, or None.

    ``differing`` is ordered best version first; basis is family|origin|majority|tie.
    """
    own = ctx.families[article]
    kin_differ = [o for o in differing if ctx.families[o] == own]
    kin_agree = [o for o in agreeing if ctx.families[o] == own]
    if kin_differ or kin_agree:
        return _within_family(article, kin_differ, kin_agree, ctx)
    if not cross_family:
        return None
    return _across_families(article, differing, agreeing, ctx, settings)


def _within_family(article: str, differing: Sequence[str], agreeing: Sequence[str],
                   ctx: Context) -> tuple[str, str] | None:
    """Among versions of one origin the odd one out changed it. Provenance edges inside a
    family are often two-way guesses (two copies of one source), so with three or more
    versions their count decides; with two, the edge's direction."""
    if not differing or len(agreeing) >= len(differing):
        return None
    if len(differing) >= 2:
        return "family", differing[0]
    other = differing[0]
    if (article, other) in ctx.derived_from and (other, article) not in ctx.derived_from:
        return "origin", other
    if (other, article) in ctx.derived_from:
        return None
    return "tie", other


def _across_families(article: str, differing: Sequence[str], agreeing: Sequence[str],
                     ctx: Context, settings: ChangeSettings) -> tuple[str, str] | None:
    """A text that agrees with more other families than differ from it keeps its wording."""
    own = ctx.families[article]
    agree_families = {ctx.families[o] for o in agreeing} - {own}
    if len(agree_families) > len({ctx.families[o] for o in differing} - {own}):
        return None
    if agreeing or not differing:
        return None
    families = {ctx.families[o] for o in differing} - {ctx.families[article]}
    if len(families) >= settings.majority_families:
        return "majority", differing[0]
    if len(families) == 1:
        return "tie", differing[0]
    return None


def explain_basis(basis: str, article: str, differing: Sequence[str], ctx: Context) -> str:
    """The basis sentence of a firm verdict, with its counts."""
    own = ctx.families[article]
    kin = sum(1 for o in differing if ctx.families[o] == own)
    return basis_sentence(basis, len({ctx.families[o] for o in differing} - {own}), kin)


def basis_sentence(basis: str, families: int, versions: int = 0) -> str:
    if basis == "origin":
        return "origin: the text derives from the version it differs from"
    if basis == "family":
        return (f"family: {versions} other versions of its own origin family give the other "
                "version, fewer agree with it")
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
    if ctx.families[article] != ctx.families[other]:
        return ""  # a later independent report has no reason to copy the earlier one
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
