"""Changes inside reworded sentences of one family: hedges, directions, names, negations,
a lone figure dropped.

A rewrite rewords whole sentences, so the passage diff (``passages``) finds no long shared
run there; yet "likely supplying" -> "possibly providing", "bought by X" -> "bought from
X" or "North Dovania" -> "South Dovania" change what the sentence claims. Each sentence is
matched to its most similar sentence in every other version of its own origin family
(stemmed content words, Jaccard >= ``figure_overlap``, best match both ways), the two are
diffed word by word, and only the differing spans a generic lexicon reads as a change of
meaning are kept (a synonym swap is not). Another family's sentence is not a version for
hedges, names, directions and negations: there a difference is a conflict between sources,
not a change. A sentence no version of its own family matches is also compared with the
story's other families for a figure dropped before its unit (``_judge_unjoined``: real
coverage leaves many versions of one origin in separate families). Who changed it is
decided by ``verdicts.decide``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz

from wirecheck.align.classify import is_variant
from wirecheck.align.context import Context
from wirecheck.align.diffing import matching_blocks
from wirecheck.align.lexicon import DIRECTIONS, NEGATIONS, PORTFOLIOS, REWORD_HEDGES, titles_in
from wirecheck.align.passages import Doc
from wirecheck.align.similarity import stem
from wirecheck.align.text import STOPWORDS, jaccard, sentences
from wirecheck.align.verdicts import Tie, decide, explain_basis
from wirecheck.model import Change, Explanation, FeatureScore, stable_id
from wirecheck.settings.align import ChangeSettings

# Differing words besides the hedge or negation itself ("likely supplying" / "possibly
# providing": the verb reworded with it); more is a rewritten clause.
_REST_WORDS = 2
# Longest differing span read as a changed name ("North" / "South", "Ostrel Works" / "Kavan
# Tools"); longer spans are rewritten clauses.
_NAME_WORDS = 3
# Differences read between versions of one sentence in two families provenance did not
# join: a figure dropped before its unit gives no rival value (claims never see a conflict
# there), so only the changed wording can report it. Hedges, names and directions differ
# between independent reports of one event (their own readings), so they stay within a family.
_UNJOINED_KINDS = frozenset({"number"})
# Scale words a figure is read on (the tokens' keys: "%" is read as "percent").
_SCALE_WORDS = frozenset({"percent", "thousand", "million", "billion", "trillion"})


@dataclass
class Sentence:
    """One sentence: token range into its doc and its stemmed content words."""

    doc: Doc
    first: int  # token indices [first, last)
    last: int
    words: set[str]

    @property
    def text(self) -> str:
        return self.doc.body[self.doc.toks[self.first].start:self.doc.toks[self.last - 1].end]


@dataclass(frozen=True)
class Found:
    kind: str
    note: str


def _spans(body: str) -> list[tuple[int, int]]:
    """Sentence spans, a part opening with a parenthesis kept with the sentence before it
    ("at 8 p.m. (0000 GMT) as...": the abbreviation's full stop ends no sentence there)."""
    out: list[tuple[int, int]] = []
    for start, end in sentences(body):
        if out and body[start] == "(" and "\n" not in body[out[-1][1]:start]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def doc_sentences(doc: Doc) -> list[Sentence]:
    starts = [t.start for t in doc.toks]
    out = []
    for start, end in _spans(doc.body):
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        keys = {doc.toks[i].key for i in range(first, last)}
        words = stem({k for k in keys if k not in STOPWORDS and not k[0].isdigit() and len(k) > 1})
        if words:
            out.append(Sentence(doc, first, last, words))
    return out


def _best(s: Sentence, others: list[Sentence], threshold: float) -> Sentence | None:
    scored = [(jaccard(s.words, o.words), k) for k, o in enumerate(others)]
    score, k = max(scored, default=(0.0, -1))
    return others[k] if score >= threshold else None


def _match(s: Sentence, others: list[Sentence], own: list[Sentence],
           threshold: float) -> Sentence | None:
    """The other text's version of ``s``: best match both ways."""
    match = _best(s, others, threshold)
    return match if match is not None and _best(match, own, threshold) is s else None


def _capitalised(doc: Doc, first: int, last: int) -> bool:
    """Every word of the span starts with a capital, and the span does not open a sentence."""
    if first >= last or first == 0:
        return False
    before = doc.body[doc.toks[first - 1].end:doc.toks[first].start]
    words = [doc.body[t.start:t.end] for t in doc.toks[first:last]]
    return "." not in before and all(w[:1].isupper() for w in words)


def _in_shared_name(doc: Doc, first: int, last: int) -> bool:
    """The differing words are part of a longer name whose other word both versions share
    ("North Korea" / "South Korea"): one named place or party put for another. A whole name
    put for another ("Beijing" for "China") is often the same party named otherwise."""
    after = doc.toks[last] if last < len(doc.toks) else None
    return after is not None and doc.body[after.start].isupper() and (
        doc.body[doc.toks[last - 1].end:after.start] == " ")


def _office(doc: Doc, first: int, last: int) -> bool:
    """The span is (part of) a title of office: titles are judged by ``title_changes``."""
    keys = [t.key for t in doc.toks[first:min(last + 1, len(doc.toks))]]
    return bool(titles_in(keys)) or any(k in PORTFOLIOS for k in keys)


def _said(a: Doc, b: Doc, span: tuple[int, int, int, int]) -> str:
    text_a = a.body[slice(*a.span(span[0], span[1]))] or "(nothing)"
    text_b = b.body[slice(*b.span(span[2], span[3]))] or "(nothing)"
    return f"'{text_a}' where the other version says '{text_b}'"


def _rest(words: list[str], lexicon: frozenset[str]) -> list[str]:
    return [w for w in words if w not in lexicon]


def _joined(doc: Doc, at: int) -> bool:
    """The figure is the tail of a figure written with a separator: the minutes of a time
    ("6:00", "22H00"; "6 p.m." is the same time written shorter) or a model number
    ("Type 45-2")."""
    start = doc.toks[at].start
    return start >= 2 and doc.body[start - 1] in ":hH-" and doc.body[start - 2].isdigit()


def reads_on_unit(doc: Doc, at: int) -> bool:
    """A figure whose dropping changes what the words say: the word after it, kept in both
    versions, is what it measures, a scale word ("40 percent") or an abbreviation in
    capitals ("0000 GMT"), which then reads on another figure. Before an ordinary word a
    figure is a name or an identifier ("ferry 214 left", "Mark 4 engines"): without it the
    sentence says less, not something else."""
    if _joined(doc, at) or at + 1 >= len(doc.toks):
        return False
    nxt = doc.toks[at + 1]
    word = doc.body[nxt.start:nxt.end]
    return nxt.key in _SCALE_WORDS or (len(word) >= 2 and word.isalpha() and word.isupper())


def classify(a: Doc, b: Doc, span: tuple[int, int, int, int]) -> Found | None:
    """The change of meaning one differing span makes, if a lexicon names one."""
    wa = [t.key for t in a.toks[span[0]:span[1]]]
    wb = [t.key for t in b.toks[span[2]:span[3]]]
    said = _said(a, b, span)
    if len(wa + wb) == 1 and (wa + wb)[0][0].isdigit():
        # A lone figure dropped (or added) between shared words: the unit after it now reads
        # on another figure ("8 a.m. (0000 GMT)" -> "8 a.m. (GMT)").
        doc, at = (a, span[0]) if wa else (b, span[2])
        if not reads_on_unit(doc, at):
            return None
        return Found("number", f"{'added' if wa else 'dropped'} figure: {said}")
    if not wa or not wb or is_variant(wa, wb):
        return None
    if bool(NEGATIONS & set(wa)) != bool(NEGATIONS & set(wb)) and max(
            len(_rest(wa, NEGATIONS)), len(_rest(wb, NEGATIONS))) <= _REST_WORDS:
        return Found("negation", f"{'introduced' if NEGATIONS & set(wa) else 'dropped'} "
                                 f"negation: {said}")
    hedges_a, hedges_b = REWORD_HEDGES & set(wa), REWORD_HEDGES & set(wb)
    if (hedges_a or hedges_b) and hedges_a != hedges_b and max(
            len(_rest(wa, REWORD_HEDGES)), len(_rest(wb, REWORD_HEDGES))) <= _REST_WORDS:
        return Found("hedge", f"changed hedge: {said}")
    if len(wa) == len(wb) == 1 and {wa[0], wb[0]} <= DIRECTIONS:
        return Found("direction", f"changed direction: {said}")
    if (max(len(wa), len(wb)) <= _NAME_WORDS and _capitalised(a, span[0], span[1])
            and _capitalised(b, span[2], span[3]) and _in_shared_name(a, span[0], span[1])
            and not _office(a, span[0], span[1]) and not _office(b, span[2], span[3])
            and fuzz.ratio(" ".join(wa), " ".join(wb)) < 80):
        return Found("name", f"changed name: {said}")
    return None


def differences(x: Sentence, y: Sentence) -> list[Found]:
    """Interior differing spans of two versions of a sentence that change its meaning."""
    ka = [t.key for t in x.doc.toks[x.first:x.last]]
    kb = [t.key for t in y.doc.toks[y.first:y.last]]
    blocks = matching_blocks(ka, kb)
    found = []
    for left, right in pairwise(blocks):
        span = (x.first + left.a + left.size, x.first + right.a,
                y.first + left.b + left.size, y.first + right.b)
        if (kind := classify(x.doc, y.doc, span)) is not None:
            found.append(kind)
    return found


def make_reworded_change(a: Sentence, b: Sentence, found: list[Found], basis: str,
                         unjoined: bool = False) -> Change:
    notes = "; ".join(f.note for f in found)
    features = [FeatureScore(name=f"{f.kind}_change", value=1.0, weight=1.0, note=f.note)
                for f in found]
    if unjoined:
        features.append(FeatureScore(
            name="unjoined_versions", value=1.0, weight=0.0,
            note="the two texts are in different origin families (provenance did not join "
                 "them); their sentences are matched as versions of one wording"))
    features.append(FeatureScore(name="sentence_overlap", value=round(jaccard(a.words, b.words),
                                                                      3),
                                 weight=0.0, note="stemmed content words the two share"))
    features.append(FeatureScore(name=f"basis_{basis.split(':')[0]}", value=1.0, weight=0.0,
                                 note=basis))
    start = a.doc.toks[a.first].start
    return Change(id=stable_id("ch", a.doc.id, str(start), found[0].kind), article=a.doc.id,
                  origin=b.doc.id, kind=found[0].kind, text=a.text, origin_text=b.text,
                  explanation=f"{notes} ({basis})",
                  details=Explanation(score=1.0, features=features, summary=f"{notes} ({basis})"))


def _builder(a: Sentence, b: Sentence, found: list[Found], unjoined: bool
             ) -> Callable[[str], Change | None]:
    def build(basis: str) -> Change | None:
        return make_reworded_change(a, b, found, basis, unjoined)

    return build


def _family_groups(docs: dict[str, Doc], ctx: Context) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for doc_id in docs:
        groups.setdefault(ctx.families[doc_id], []).append(doc_id)
    return [g for g in groups.values() if len(g) > 1]


def reworded_changes(docs: dict[str, Doc], ctx: Context, settings: ChangeSettings
                     ) -> tuple[list[Change], list[Tie]]:
    """Firm changes and ties inside reworded sentences of the versions of one family, then
    in the sentences no version of their family matches, against near-identical sentences
    of the story's other families (``_judge_unjoined``)."""
    firm: list[Change] = []
    ties: list[Tie] = []
    versioned: set[tuple[str, int]] = set()  # (doc, first token) of sentences a kin matched
    families = _family_groups(docs, ctx)
    stories = [story for story in ctx.by_story(list(docs)).values()
               if len({ctx.families[d] for d in story}) > 1]
    # each text split once, read by both passes (single texts of one-family stories by none)
    needed = {d for group in [*families, *stories] for d in group}
    text = {d: doc_sentences(docs[d]) for d in needed}
    for family in families:
        for a_id in family:
            for s in text[a_id]:
                if _judge(s, a_id, family, text, ctx, settings, firm, ties):
                    versioned.add((a_id, s.first))
    for story in stories:
        for a_id in story:
            others = [b for b in story if ctx.families[b] != ctx.families[a_id]]
            for s in text[a_id]:
                if (a_id, s.first) not in versioned:
                    _judge_unjoined(s, a_id, others, text, ctx, settings, firm, ties)
    return firm, ties


def _judge(s: Sentence, a_id: str, family: list[str], text: dict[str, list[Sentence]],
           ctx: Context, settings: ChangeSettings, firm: list[Change], ties: list[Tie]) -> bool:
    """Judge ``s`` against its versions in its own family; True when it has one."""
    matched = {b: m for b in family if b != a_id
               and (m := _match(s, text[b], text[a_id], settings.figure_overlap)) is not None}
    found = {b: f for b, m in matched.items() if (f := differences(s, m))}
    if found:
        _verdict(s, a_id, matched, found, ctx, settings, firm, ties, cross_family=False)
    return bool(matched)


def _judge_unjoined(s: Sentence, a_id: str, others: list[str], text: dict[str, list[Sentence]],
                    ctx: Context, settings: ChangeSettings, firm: list[Change],
                    ties: list[Tie]) -> None:
    """Judge ``s`` against near-identical sentences of other families of its story.

    Provenance misses many same-origin pairs of real coverage (rewrites share too little
    verbatim text), yet a sentence matched as for a family's versions (best match both ways,
    stemmed content-word Jaccard >= ``figure_overlap``) is a version of one wording whichever
    text it came through. Only kinds that no source could give as its own reading are asked
    (``_UNJOINED_KINDS``), and the majority rule decides, as for quotations: no other text
    agrees with it and >= ``majority_families`` other families give the other version."""
    matched = {b: m for b in others
               if (m := _match(s, text[b], text[a_id], settings.figure_overlap)) is not None}
    found = {b: f for b, m in matched.items()
             if (f := [x for x in differences(s, m) if x.kind in _UNJOINED_KINDS])}
    if not found:
        return
    # A version agrees only when it gives the same figures: one reworded around its figures
    # ("8am (1am local)" beside "8 a.m. (GMT)") neither agrees nor differs there.
    same = {b: m for b, m in matched.items() if b in found or _figures(m) == _figures(s)}
    _verdict(s, a_id, same, found, ctx, settings, firm, ties, cross_family=True)


def _figures(s: Sentence) -> list[str]:
    return [t.key for t in s.doc.toks[s.first:s.last] if t.key[0].isdigit()]


def _verdict(s: Sentence, a_id: str, matched: dict[str, Sentence], found: dict[str, list[Found]],
             ctx: Context, settings: ChangeSettings, firm: list[Change], ties: list[Tie],
             cross_family: bool) -> None:
    agreeing = [b for b in matched if b not in found]
    order = sorted(found, key=lambda b: -jaccard(s.words, matched[b].words))
    verdict = decide(a_id, order, agreeing, ctx, settings, cross_family=cross_family)
    if verdict is None:
        return
    other = verdict[1]
    if verdict[0] == "tie":
        ties.append(Tie(a_id, other, _builder(s, matched[other], found[other], cross_family)))
        return
    basis = explain_basis(verdict[0], a_id, order, ctx)
    firm.append(make_reworded_change(s, matched[other], found[other], basis, cross_family))
