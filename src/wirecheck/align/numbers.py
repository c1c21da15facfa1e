"""Changed figures in reworded sentences.

A rewrite often rewords a whole sentence, leaving no long shared run for the
passage diff, and may still change its figure ("$340 million" -> "$430
million"). Here each sentence with a *measured* figure (a currency or a scale
word: %, million, billion...; bare numbers such as years and days are left out)
is matched to the most similar sentence of every other text of the story
(stemmed content words, Jaccard >= ``figure_overlap``) that gives a figure in the
same unit. A version differs when the two give no common value in a shared
unit; who changed it is decided by ``verdicts.decide``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from wirecheck.align.context import Context
from wirecheck.align.intervals import qualifier_class
from wirecheck.align.passages import Doc, years_between
from wirecheck.align.similarity import stem
from wirecheck.align.text import STOPWORDS, jaccard, sentences
from wirecheck.align.verdicts import Tie, decide, explain_basis
from wirecheck.model import Change, Explanation, FeatureScore, stable_id
from wirecheck.settings.align import ChangeSettings

T = TypeVar("T")
_SCALES = frozenset({"percent", "thousand", "million", "billion", "trillion"})
_CURRENCIES = frozenset({"usd", "gbp", "eur"})


@dataclass
class Line:
    """One sentence with its measured figures (unit -> values) and stemmed words."""

    doc: Doc
    start: int
    end: int
    words: set[str]
    figures: dict[str, set[str]] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)  # unit -> figure as written
    # (unit, figure) -> (qualifier class, qualifier as written) for qualified figures
    qualified: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.doc.body[self.start:self.end]


def lines(doc: Doc) -> list[Line]:
    """The sentences of a body that carry at least one measured figure."""
    out = []
    starts = [t.start for t in doc.toks]
    for start, end in sentences(doc.body):
        idx = range(bisect_left(starts, start), bisect_left(starts, end))
        line = Line(doc, start, end, set())
        for i in idx:
            _figure(doc, i, line)
        if line.figures:
            keys = [doc.toks[i].key for i in idx]
            line.words = stem({k for k in keys if k not in STOPWORDS and not k[0].isdigit()
                               and k not in _SCALES and k not in _CURRENCIES and len(k) > 1})
            out.append(line)
    return out


def _figure(doc: Doc, i: int, line: Line) -> None:
    key = doc.toks[i].key
    if not key[0].isdigit():
        return
    currency = doc.toks[i - 1].key if i > 0 and doc.toks[i - 1].key in _CURRENCIES else ""
    nxt = doc.toks[i + 1].key if i + 1 < len(doc.toks) else ""
    scale = nxt if nxt in _SCALES else ""
    qualifier = qualifier_before(doc, i - 1 if currency else i)
    if not currency and not scale and qualifier is None:
        return  # a bare number is a year, a day, an address: a qualified one is a claim
    unit = f"{currency} {scale}".strip() or "count"
    line.figures.setdefault(unit, set()).add(key)
    first = doc.toks[i - 1 if currency else i].start
    last = doc.toks[i + 1 if scale else i].end
    if qualifier is not None:
        line.qualified[(unit, key)] = qualifier
    line.shown.setdefault(unit, doc.body[first:last])


def qualifier_before(doc: Doc, i: int) -> tuple[str, str] | None:
    """(class, words) of the qualifier right before token ``i`` ("more than", "nearly")."""
    for size in (3, 2, 1):
        if i - size < 0:
            continue
        words = " ".join(doc.toks[k].key for k in range(i - size, i))
        kind = qualifier_class(words)
        if kind is not None:
            return kind, words
    return None


def _best(line: Line, others: list[Line], threshold: float) -> Line | None:
    scored = [(jaccard(line.words, o.words), o) for o in others
              if set(line.figures) & set(o.figures)]
    scored = [s for s in scored if s[0] >= threshold]
    return max(scored, key=lambda s: s[0])[1] if scored else None


def years(line: Line) -> set[str]:
    return years_between(line.doc, line.start, line.end)


def _differs(a: Line, b: Line) -> str | None:
    """The unit in which the two give no common value, if any. Two sentences naming only
    other years speak of another period ("in 2024, 54%" / "a year earlier, in 2023, 31%"):
    not versions of one figure."""
    ya, yb = years(a), years(b)
    if ya and yb and not ya & yb:
        return None
    for unit in sorted(set(a.figures) & set(b.figures)):
        if not a.figures[unit] & b.figures[unit]:
            return unit
    return None


def make_number_change(a: Line, b: Line, unit: str, basis: str) -> Change:
    note = (f"changed number: '{a.shown[unit]}' where the other version says "
            f"'{b.shown[unit]}' in a sentence about the same thing")
    overlap = jaccard(a.words, b.words)
    features = [
        FeatureScore(name="number_change", value=1.0, weight=1.0, note=note),
        FeatureScore(name="sentence_overlap", value=round(overlap, 3), weight=0.0,
                     note="stemmed content words the two sentences share (Jaccard)"),
        FeatureScore(name=f"basis_{basis.split(':')[0]}", value=1.0, weight=0.0, note=basis),
    ]
    return Change(id=stable_id("ch", a.doc.id, str(a.start), "number"), article=a.doc.id,
                  origin=b.doc.id, kind="number", text=a.text, origin_text=b.text,
                  explanation=f"{note} ({basis})",
                  details=Explanation(score=1.0, features=features, summary=f"{note} ({basis})"))


def _builder(make: Callable[[Line, Line, T, str], Change], a: Line, b: Line, found: T
             ) -> Callable[[str], Change | None]:
    def build(basis: str) -> Change | None:
        return make(a, b, found, basis)

    return build


def versions(a_id: str, line: Line, story: dict[str, list[Line]],
             threshold: float) -> dict[str, Line]:
    """The best-matching sentence of every other text of the story (if close enough), when
    the line is in turn that sentence's best match in its own text: a text that also holds
    the other's sentence ("in 2023, 31%" beside "in 2024, 54%") has not changed it."""
    found: dict[str, Line] = {}
    for b_id, b_lines in story.items():
        if b_id != a_id:
            match = _best(line, b_lines, threshold)
            if match is not None and _best(match, story[a_id], threshold) is line:
                found[b_id] = match
    return found


def story_lines(by_doc: dict[str, list[Line]], ctx: Context) -> dict[str, dict[str, list[Line]]]:
    """Each text's story: its texts' lines."""
    story_of: dict[str, dict[str, list[Line]]] = {}
    for members in ctx.by_story(list(by_doc)).values():
        story = {b: by_doc[b] for b in members}
        story_of.update(dict.fromkeys(members, story))
    return story_of


def number_changes(docs: dict[str, Doc], ctx: Context, settings: ChangeSettings
                   ) -> tuple[list[Change], list[Tie]]:
    """Firm changes and ties of figures in sentences matched across texts."""
    by_doc = {d.id: lines(d) for d in docs.values()}
    return figure_changes(by_doc, ctx, settings)


def figure_changes(by_doc: dict[str, list[Line]], ctx: Context, settings: ChangeSettings
                   ) -> tuple[list[Change], list[Tie]]:
    """Firm changes and ties of figures over the texts' figure lines."""
    return line_changes(by_doc, ctx, settings, _differs, make_number_change)


def line_changes(by_doc: dict[str, list[Line]], ctx: Context, settings: ChangeSettings,
                 differs: Callable[[Line, Line], T | None],
                 make: Callable[[Line, Line, T, str], Change]) -> tuple[list[Change], list[Tie]]:
    """Firm changes and ties where ``differs`` finds a difference (figure, qualifier)
    between a sentence and its best-matching sentence in each other text of the story."""
    story_of = story_lines(by_doc, ctx)
    firm: list[Change] = []
    ties: list[Tie] = []
    for a_id, a_lines in by_doc.items():
        for line in a_lines:
            matched = versions(a_id, line, story_of[a_id], settings.figure_overlap)
            differing = {b: d for b, m in matched.items() if (d := differs(line, m)) is not None}
            agreeing = [b for b in matched if b not in differing]
            order = sorted(differing, key=lambda b: -jaccard(line.words, matched[b].words))
            # A figure another family gives otherwise is a conflict between sources (claims),
            # not a change: only versions of the text's own family are asked.
            verdict = decide(a_id, order, agreeing, ctx, settings, cross_family=False)
            if verdict is None:
                continue
            other, found = matched[verdict[1]], differing[verdict[1]]
            if verdict[0] == "tie":
                ties.append(Tie(a_id, verdict[1], _builder(make, line, other, found)))
                continue
            firm.append(make(line, other, found, explain_basis(verdict[0], a_id, order, ctx)))
    return firm, ties
