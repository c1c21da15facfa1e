"""Introduced changes: where one text's version of a shared statement differs.

Five detectors feed one verdict procedure (``verdicts.py``: family, origin,
majority, tie): near-verbatim passages (``passages``/``classify``: numbers,
negation, titles, hedges, quotations), titles given to people (``title_changes``),
figures and their qualifiers in reworded sentences (``numbers``,
``qualifier_changes``) and hedges, directions, names and negations in reworded
sentences of one family, a figure dropped before its unit also between families provenance
did not join (``reworded``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from wirecheck.align.classify import GapKind, classify_region
from wirecheck.align.context import Context, make_context
from wirecheck.align.numbers import figure_changes, lines
from wirecheck.align.passages import AlignedRegion, Doc, aligned_regions, make_doc
from wirecheck.align.qualifier_changes import qualifier_changes
from wirecheck.align.reworded import reworded_changes
from wirecheck.align.text import sentence_at
from wirecheck.align.title_changes import title_changes
from wirecheck.align.verdicts import Tie, decide, explain_basis, resolve_ties
from wirecheck.model import Analysis, Change, Explanation, FeatureScore, stable_id
from wirecheck.settings.align import ChangeSettings


@dataclass
class Candidate:
    """A's version of a passage differs from B's."""

    a: Doc
    b: Doc
    region: AlignedRegion
    kinds: list[GapKind]


Pairs = dict[str, dict[str, list[AlignedRegion]]]


def _pairs(docs: dict[str, Doc], ctx: Context, settings: ChangeSettings) -> Pairs:
    """Aligned passages of every ordered pair of one story that shares an anchor run
    (pairs are formed within each story only: the cost grows with story sizes, not corpus)."""
    n = settings.anchor_words
    grams = {d.id: {tuple(d.keys[i:i + n]) for i in range(len(d.keys) - n + 1)}
             for d in docs.values()}
    pairs: Pairs = defaultdict(dict)
    for story in ctx.by_story(list(docs)).values():
        for a_id in story:
            for b_id in story:
                if a_id != b_id and not grams[a_id].isdisjoint(grams[b_id]):
                    pairs[a_id][b_id] = aligned_regions(docs[a_id], docs[b_id], settings)
    return pairs


# A figure another family gives otherwise is a conflict between sources, left to claims;
# the other kinds (quotation, negation, title, relation, hedge) change one shared statement.
_OWN_FAMILY_KINDS = frozenset({"number"})


def _passages(a: Doc, docs: dict[str, Doc], pairs: Pairs, ctx: Context, min_run: int
              ) -> list[list[Candidate]]:
    """A's differing passages, each with the versions that differ from it."""
    groups: list[list[Candidate]] = []
    for b_id, regions in pairs[a.id].items():
        kin = ctx.families[a.id] == ctx.families[b_id]
        for region in regions:
            kinds = [k for k in classify_region(a, docs[b_id], region, False, min_run)
                     if kin or k.kind not in _OWN_FAMILY_KINDS]
            if not kinds:
                continue
            cand = Candidate(a, docs[b_id], region, kinds)
            home = next((g for g in groups if _overlap(g[0].kinds, kinds)), None)
            if home is None:
                groups.append([cand])
            else:
                home.append(cand)
    return groups


def _overlap(x: list[GapKind], y: list[GapKind]) -> bool:
    """Two versions' differences touch the same words of A (one passage, several versions)."""
    x0, x1 = min(k.gap.a_from for k in x), max(k.gap.a_to for k in x)
    y0, y1 = min(k.gap.a_from for k in y), max(k.gap.a_to for k in y)
    return x0 <= y1 and y0 <= x1


def _agreeing(passage: list[Candidate], pairs: Pairs) -> list[str]:
    gap = passage[0].kinds[0].gap
    return [c for c, regions in pairs[passage[0].a.id].items()
            if any(r.agrees_at(gap.a_from, gap.a_to) for r in regions)]


def _shared_words(regions: list[AlignedRegion]) -> int:
    return sum(size for region in regions for _, _, size in region.blocks)


def _by_closeness(passage: list[Candidate], pairs: Pairs) -> dict[str, Candidate]:
    """The differing versions, closest first: the text sharing the most words with A overall
    (its likely source), then the longest anchor; one candidate per version."""
    own = pairs[passage[0].a.id]
    ranked = sorted(passage, key=lambda c: (-_shared_words(own[c.b.id]), -c.region.anchor))
    by_id: dict[str, Candidate] = {}
    for cand in ranked:
        by_id.setdefault(cand.b.id, cand)
    return by_id


def _core(cand: Candidate, kinds: list[GapKind]) -> tuple[int, int, int, int]:
    """Token bounds (a_from, a_to, b_from, b_to) of the anchor run and the changed spans."""
    anchor = max(cand.region.blocks, key=lambda blk: blk[2])
    gaps = [k.gap for k in kinds]
    return (min([anchor[0]] + [g.a_from for g in gaps]),
            max([anchor[0] + anchor[2]] + [g.a_to for g in gaps]),
            min([anchor[1]] + [g.b_from for g in gaps]),
            max([anchor[1] + anchor[2]] + [g.b_to for g in gaps]))


def _sentences(doc: Doc, start: int, stop: int, quoted: bool) -> tuple[int, int]:
    """The sentences around tokens ``[start, stop)``; for a changed quotation, widened to
    the whole quotations they touch (both wordings shown in full)."""
    lo, hi = doc.span(start, stop)
    if quoted:
        for q0, q1 in doc.quotes:
            if q0 < hi and lo < q1:
                lo, hi = min(lo, q0), max(hi, q1)
    return sentence_at(doc.body, lo, hi)


def make_change(cand: Candidate, basis: str, kinds: list[GapKind]) -> Change:
    core = _core(cand, kinds)
    quoted = any(k.kind == "quote" for k in kinds)
    a0, a1 = _sentences(cand.a, core[0], core[1], quoted)
    b0, b1 = _sentences(cand.b, core[2], core[3], quoted)
    notes = "; ".join(k.note for k in kinds)
    features = [FeatureScore(name=f"{k.kind}_change", value=1.0, weight=1.0, note=k.note)
                for k in kinds]
    features.append(FeatureScore(name="anchor_words", value=float(cand.region.anchor),
                                 weight=0.0, note="longest word run the two versions share"))
    features.append(FeatureScore(name=f"basis_{basis.split(':')[0]}", value=1.0, weight=0.0,
                                 note=basis))
    return Change(
        id=stable_id("ch", cand.a.id, str(a0), kinds[0].kind), article=cand.a.id,
        origin=cand.b.id, kind=kinds[0].kind, text=cand.a.body[a0:a1],
        origin_text=cand.b.body[b0:b1], explanation=f"{notes} ({basis})",
        details=Explanation(score=1.0, features=features, summary=f"{notes} ({basis})"),
    )


def _strict_builder(cand: Candidate, min_run: int) -> Tie:
    """A tie on a passage: quotations then count only when both versions are quoted."""
    def build(basis: str) -> Change | None:
        kinds = [k for k in classify_region(cand.a, cand.b, cand.region, True, min_run)
                 if k.kind in {c.kind for c in cand.kinds}]
        return make_change(cand, basis, kinds) if kinds else None

    return Tie(cand.a.id, cand.b.id, build)


def wording_changes(docs: dict[str, Doc], ctx: Context, settings: ChangeSettings
                    ) -> tuple[list[Change], list[Tie]]:
    """Firm changes and ties found in near-verbatim passages."""
    pairs = _pairs(docs, ctx, settings)
    firm: list[Change] = []
    ties: list[Tie] = []
    for a in docs.values():
        for passage in _passages(a, docs, pairs, ctx, settings.anchor_words):
            by_id = _by_closeness(passage, pairs)
            verdict = decide(a.id, list(by_id), _agreeing(passage, pairs), ctx, settings)
            if verdict is None:
                continue
            cand = by_id[verdict[1]]
            if verdict[0] == "tie":
                ties.append(_strict_builder(cand, settings.anchor_words))
                continue
            basis = explain_basis(verdict[0], a.id, list(by_id), ctx)
            firm.append(make_change(cand, basis, cand.kinds))
    return firm, ties


def _add(changes: list[Change], new: list[Change]) -> None:
    """Append the changes not already reported for the same sentence of the same text."""
    texts: dict[str, list[str]] = defaultdict(list)  # per article: one text's few changes
    for c in changes:
        texts[c.article].append(c.text)
    for change in new:
        known = texts[change.article]
        if not any(change.text in t or t in change.text for t in known):
            changes.append(change)
            known.append(change.text)


def find_changes(analysis: Analysis, settings: ChangeSettings) -> list[Change]:
    """Every change a text introduced (wording, titles of people, figures)."""
    ctx = make_context(analysis)
    docs = {art.id: make_doc(art.id, art.body) for art in analysis.articles if art.body}
    changes, ties = wording_changes(docs, ctx, settings)
    _add(changes, title_changes(analysis, ctx, settings))
    by_doc = {d.id: lines(d) for d in docs.values()}
    firm_numbers, number_ties = figure_changes(by_doc, ctx, settings)
    _add(changes, firm_numbers)
    firm_qualifiers, qualifier_ties = qualifier_changes(by_doc, ctx, settings)
    _add(changes, firm_qualifiers)
    firm_reworded, reworded_ties = reworded_changes(docs, ctx, settings)
    _add(changes, firm_reworded)
    _add(changes, resolve_ties(ties + number_ties + qualifier_ties + reworded_ties, changes, ctx))
    return changes
