"""What kind of change a differing span inside an aligned passage is, if any.

Order of the checks = order of severity: a changed number, an introduced or
dropped negation, a changed title of office, a reversed relation, a dropped
hedge, a changed quotation. Anything else (spelling, hyphenation, inflection,
paraphrase outside quotes) is not a change.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz

from wirecheck.align.diffing import matching_blocks
from wirecheck.align.lexicon import HEDGES, NEGATIONS, titles_compatible, titles_in
from wirecheck.align.passages import AlignedRegion, Doc, Gap, is_year, years_between
from wirecheck.align.text import sentence_at, sentences

# Two single words this similar (rapidfuzz ratio, 0-100) are one word spelled or
# inflected differently ("revitalising"/"revitalizing", "armoured"/"armored");
# chosen on the seeds' spelling pairs (>= 86) vs real substitutions (<= 70).
_VARIANT_RATIO = 80.0

# Other words allowed in a negation/hedge gap (auxiliaries: "does not", "has not").
_REST_WORDS = 2

SEVERITY = ("number", "negation", "title", "direction", "hedge", "quote")

# Words naming the clock a time is told by, right after it ("0000 GMT", "5 p.m. local
# time", "09 h 30, heure de Paris", "14.00 Uhr"); the tokens' keys.
_ZONE_WORDS = frozenset({"gmt", "utc", "local", "time", "heure", "hora", "ora", "uhr"})
# Parts of a clock time besides its figures ("09 h 30", "8 a.m.").
_CLOCK_PARTS = frozenset({"h", "am", "pm"})


@dataclass(frozen=True)
class GapKind:
    gap: Gap
    kind: str
    note: str


def _words(doc: Doc, start: int, stop: int) -> list[str]:
    return [t.key for t in doc.toks[start:stop]]


def is_variant(a: list[str], b: list[str]) -> bool:
    """Same words up to spacing, hyphens or a near-identical spelling."""
    if "".join(a) == "".join(b):
        return True
    if len(a) == 1 and len(b) == 1:
        return fuzz.ratio(a[0], b[0]) >= _VARIANT_RATIO
    return False


def _rest_small(a: list[str], b: list[str], words: frozenset[str]) -> bool:
    """Apart from ``words`` the two sides are (nearly) the same: the change is only that word.

    Up to ``_REST_WORDS`` other words may differ ("does not supply" / "supplies");
    a longer difference is a rewritten clause, not a dropped or added word.
    """
    rest_a = [w for w in a if w not in words]
    rest_b = [w for w in b if w not in words]
    return is_variant(rest_a, rest_b) or max(len(rest_a), len(rest_b)) <= _REST_WORDS


def _numbers(words: list[str]) -> set[str]:
    return {w for w in words if any(ch.isdigit() for ch in w)}


def _quote_at(doc: Doc, start: int, stop: int) -> tuple[int, int] | None:
    """The quote span holding tokens ``[start, stop)`` (a join: the token before it)."""
    lo, hi = (start, stop) if stop > start else (max(start - 1, 0), start)
    if hi > len(doc.toks) or lo >= hi:
        return None
    first, last = doc.toks[lo].start, doc.toks[hi - 1].end
    return next(((q0, q1) for q0, q1 in doc.quotes if q0 <= first and last <= q1), None)


def _names_outside(doc: Doc, quote: tuple[int, int]) -> set[str]:
    """Capitalised words of the quote's sentences outside any quotation (its attribution:
    "said Ana Ruiz, a fellow at the Carrow Forum"), sentence openers left out."""
    lo, hi = sentence_at(doc.body, *quote)
    openers = {s[0] for s in sentences(doc.body[lo:hi])}
    return {t.key for t in doc.toks
            if lo <= t.start < hi and doc.body[t.start].isupper() and t.start - lo not in openers
            and not any(q0 <= t.start < q1 for q0, q1 in doc.quotes)}


def _same_speaker(a: Doc, qa: tuple[int, int] | None, b: Doc, qb: tuple[int, int]) -> bool:
    """Not two named speakers: attributions that both name someone share a name."""
    if qa is None:
        return True
    names_a, names_b = _names_outside(a, qa), _names_outside(b, qb)
    return not names_a or not names_b or bool(names_a & names_b)


def _quote_anchored(a: Doc, b: Doc, region: AlignedRegion, gap: Gap, min_run: int) -> bool:
    """B's quote around the gap shares a run of ``min_run`` words with A, and the two are
    attributed to the same speaker: one quotation in two versions, not two things said."""
    quote = _quote_at(b, gap.b_from, gap.b_to)
    if quote is None:
        return False
    for _, b0, size in region.blocks:
        inside = [t for t in b.toks[b0:b0 + size] if quote[0] <= t.start and t.end <= quote[1]]
        if len(inside) >= min_run:
            return _same_speaker(a, _quote_at(a, gap.a_from, gap.a_to), b, quote)
    return False


def _clock_zone(doc: Doc, start: int) -> tuple[str, ...] | None:
    """The two words after the clock time that starts at token ``start``, when it is a time
    (a clock part or a colon among its tokens) followed by a word naming its clock."""
    end = start
    while end < len(doc.toks) and (doc.toks[end].key[0].isdigit()
                                   or doc.toks[end].key in _CLOCK_PARTS):
        end += 1
    if end == start:
        return None
    parts = {t.key for t in doc.toks[start:end]}
    clock = bool(parts & _CLOCK_PARTS) or ":" in doc.body[slice(*doc.span(start, end))]
    words = tuple(t.key for t in doc.toks[end:end + 2])
    return words if clock and _ZONE_WORDS & set(words) else None


def _other_clock(a: Doc, a_from: int, b: Doc, b_from: int) -> bool:
    """Both versions give a time told by a named clock, and not the same one ("07H30 GMT" /
    "09 h 30, heure de Paris"): one moment told in two zones, not a changed figure."""
    za, zb = _clock_zone(a, a_from), _clock_zone(b, b_from)
    return za is not None and zb is not None and za != zb


def classify_gap(a: Doc, b: Doc, gap: Gap, strict_quotes: bool,
                 quote_anchored: bool = True) -> GapKind | None:
    """The kind of change A's side of ``gap`` makes to B's side, or None for paraphrase."""
    wa, wb = _words(a, gap.a_from, gap.a_to), _words(b, gap.b_from, gap.b_to)
    if is_variant(wa, wb):
        return None
    text_a = a.body[slice(*a.span(gap.a_from, gap.a_to))] or "(nothing)"
    text_b = b.body[slice(*b.span(gap.b_from, gap.b_to))] or "(nothing)"
    said = f"'{text_a}' where the other version says '{text_b}'"
    na, nb = _numbers(wa), _numbers(wb)
    if na and nb and na != nb:
        if _other_clock(a, gap.a_from, b, gap.b_from):
            return None
        return GapKind(gap, "number", f"changed number: {said}")
    if bool(NEGATIONS & set(wa)) != bool(NEGATIONS & set(wb)) and _rest_small(wa, wb, NEGATIONS):
        verb = "introduced" if NEGATIONS & set(wa) else "dropped"
        return GapKind(gap, "negation", f"{verb} negation: {said}")
    ta, tb = titles_in(wa), titles_in(wb)
    if ta and tb and not any(titles_compatible(x, y) for x in ta for y in tb):
        return GapKind(gap, "title", f"changed title: {said}")
    if HEDGES & set(wb) and not HEDGES & set(wa) and _rest_small(wa, wb, HEDGES):
        return GapKind(gap, "hedge", f"dropped hedge: {said}")
    quoted_a = a.quoted(gap.a_from, gap.a_to)
    if (wa and wb and quote_anchored and b.quoted(gap.b_from, gap.b_to)
            and (quoted_a or not strict_quotes)):
        return GapKind(gap, "quote", f"changed quotation: {said}")
    return None


def _names_someone(doc: Doc, start: int, end: int) -> bool:
    """The words hold a name (a capitalised word): parties swap places, two background
    phrases of one template that trade places ("grown steadily", "come under scrutiny") do not
    make a relation run the other way."""
    return any(word[:1].isupper() for word in doc.body[slice(*doc.span(start, end))].split())


def _swap(a: Doc, b: Doc, gaps: list[Gap]) -> GapKind | None:
    """Two substitutions that exchange the same names ("X to Y" -> "Y to X")."""
    words = [(_words(a, g.a_from, g.a_to), _words(b, g.b_from, g.b_to)) for g in gaps]
    for i, (a1, b1) in enumerate(words):
        for k, (a2, b2) in enumerate(words[i + 1:], start=i + 1):
            g1, g2 = gaps[i], gaps[k]
            if a1 and b1 and a1 == b2 and b1 == a2 and _names_someone(a, g1.a_from, g1.a_to):
                said_a = a.body[a.span(g1.a_from, g1.a_to)[0]:a.span(g2.a_from, g2.a_to)[1]]
                said_b = b.body[b.span(g1.b_from, g1.b_to)[0]:b.span(g2.b_from, g2.b_to)[1]]
                note = (f"reversed relation: '{said_a}' where the other version says "
                        f"'{said_b}' (the parties swap places)")
                return GapKind(g1, "direction", note)
    return None


def _token_range(doc: Doc, span: tuple[int, int]) -> tuple[int, int]:
    inside = [i for i, t in enumerate(doc.toks) if span[0] <= t.start and t.end <= span[1]]
    return (inside[0], inside[-1] + 1) if inside else (0, 0)


def _quote_pairs(a: Doc, b: Doc, region: AlignedRegion, min_run: int
                 ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Token ranges of the quotations of A and B that share a ``min_run``-word run."""
    out = []
    for a0, b0, size in region.blocks:
        if size < min_run:
            continue
        qa, qb = _quote_at(a, a0, a0 + size), _quote_at(b, b0, b0 + size)
        if qa is not None and qb is not None and _same_speaker(a, qa, b, qb):
            pair = (_token_range(a, qa), _token_range(b, qb))
            if pair not in out:
                out.append(pair)
    return out


def _reworded_in_quote(a: Doc, b: Doc, region: AlignedRegion, min_run: int) -> list[GapKind]:
    """The rest of a quotation two versions share a run of: a version that rewords it ("It
    was quite a shock" for "It was really abrupt") changed the quotation, however short the
    shared words around the rewording are. The two quotes are diffed word by word."""
    near = {(g.a_from, g.b_from) for g in region.gaps}
    out = []
    for (a0, a1), (b0, b1) in _quote_pairs(a, b, region, min_run):
        blocks = matching_blocks(a.keys[a0:a1], b.keys[b0:b1])
        for x, y in pairwise(blocks):
            gap = Gap(a0 + x.a + x.size, a0 + y.a, b0 + x.b + x.size, b0 + y.b)
            if (gap.a_from, gap.b_from) in near:
                continue
            kind = classify_gap(a, b, gap, strict_quotes=True)
            if kind is not None and kind.kind == "quote":
                out.append(kind)
    return out


def _other_period(a: Doc, b: Doc, found: list[GapKind]) -> bool:
    """A figure that differs beside a year that differs too ("in 2024, 54%" / "in 2023,
    31%"): the two sentences give two periods' figures, not one figure changed."""
    gaps = [k.gap for k in found if k.kind == "number"]
    if not gaps:
        return False
    ya = set().union(*(_sentence_years(a, g.a_from, g.a_to) for g in gaps))
    yb = set().union(*(_sentence_years(b, g.b_from, g.b_to) for g in gaps))
    figures = [t.key for g in gaps for t in a.toks[g.a_from:g.a_to]
               if t.key[0].isdigit() and not is_year(t.key)]
    return bool(ya and yb and not ya & yb and figures)


def _sentence_years(doc: Doc, start: int, stop: int) -> set[str]:
    return years_between(doc, *sentence_at(doc.body, *doc.span(start, stop)))


def _names_swapped(a: Doc, b: Doc, region: AlignedRegion) -> bool:
    """Some gap of the passage puts one capitalised name for another ("analysts at the
    Carrow Institute" / "at the Dovan Forum"): the passage is about someone else."""
    for g in region.all_gaps:
        wa, wb = a.toks[g.a_from:g.a_to], b.toks[g.b_from:g.b_to]
        if wa and wb and not is_variant([t.key for t in wa], [t.key for t in wb]) and all(
                doc.body[t.start].isupper() for doc, ws in ((a, wa), (b, wb)) for t in ws):
            return True
    return False


def classify_region(a: Doc, b: Doc, region: AlignedRegion, strict_quotes: bool,
                    min_run: int) -> list[GapKind]:
    """Changes A makes to B inside one aligned passage (most severe first); a quotation
    counts only where B's quote shares a ``min_run``-word run with A."""
    found = [k for g in region.gaps
             if (k := classify_gap(a, b, g, strict_quotes,
                                   _quote_anchored(a, b, region, g, min_run)))]
    found += _reworded_in_quote(a, b, region, min_run)
    if _names_swapped(a, b, region) or _other_period(a, b, found):
        found = [k for k in found if k.kind != "number"]  # another subject's or year's figure
    swap = _swap(a, b, region.all_gaps)
    if swap is not None:
        found.append(swap)
    return sorted(found, key=lambda k: SEVERITY.index(k.kind))
