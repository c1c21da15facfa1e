"""Direction and kind of a derivation edge, from evidence: credits, containment, dates, length."""

from __future__ import annotations

from dataclasses import dataclass

from wirecheck.model import DerivationKind
from wirecheck.provenance.credits import credits_name
from wirecheck.provenance.evidence import PairEvidence
from wirecheck.provenance.views import DocView


@dataclass(frozen=True)
class Direction:
    derived: DocView
    source: DocView
    reason: str
    shorter_is_derived: bool


def direction(ev: PairEvidence) -> Direction:
    """Which text derives from which, and why (first rule with evidence wins)."""
    a, b = ev.a, ev.b
    for x, y in ((a, b), (b, a)):
        credit = credits_name(x.article.body, y.article.outlet)
        if credit is not None:
            return Direction(x, y, f"credit line in derived text names {credit.name!r}", x is a)
    s = ev.settings
    if ev.containment_a >= s.excerpt_containment_min and ev.length_ratio < 0.9:
        why = f"containment: {ev.containment_a:.0%} of the shorter text's prose is in the longer"
        return Direction(a, b, why, True)
    da, db = a.article.date, b.article.date
    if da and db and da[:10] != db[:10]:
        early, late = (a, b) if da < db else (b, a)
        return Direction(
            late, early, f"dates: {late.article.date} is after {early.article.date}", late is a
        )
    why = "no credit, date or containment evidence: the shorter text is taken as derived"
    return Direction(a, b, why, True)


def kind(ev: PairEvidence, d: Direction) -> DerivationKind:
    """Kind of the edge from what the two texts share."""
    s = ev.settings
    if ev.other_language:
        return DerivationKind.TRANSLATION
    c_derived = ev.containment_a if d.shorter_is_derived else ev.containment_b
    c_source = ev.containment_b if d.shorter_is_derived else ev.containment_a
    if c_derived >= s.copy_containment_min and c_source >= s.copy_containment_min:
        return DerivationKind.COPY
    if c_derived >= s.excerpt_containment_min and d.shorter_is_derived and ev.length_ratio < 0.9:
        return DerivationKind.EXCERPT
    lexical = ev.alignment.a_lexical_cover
    if lexical >= 0.5:  # an edited copy / another version of the same text
        return DerivationKind.COPY
    if d.shorter_is_derived and ev.length_ratio <= 0.5:
        return DerivationKind.SUMMARY
    return DerivationKind.REWRITE
