"""The briefing's view model: what a reader needs per story, each statement with citations.

Pure functions from an ``Analysis`` to small dataclasses; the Markdown and HTML templates
(and the web UI) only lay these out. Empty sections stay empty lists, never errors.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from wirecheck.model import (
    Analysis,
    Article,
    Change,
    ClaimGroup,
    ClaimKind,
    ClaimStatus,
    Derivation,
    Entity,
    Family,
    Story,
)
from wirecheck.report.citations import Citation, CitationIndex

UNASSIGNED = "unassigned"


def short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class CopyView:
    article: str
    title: str
    outlet: str  # outlet, or the web host / file name when the outlet is unknown
    kind: str  # derivation kind, score and why ("copy, 0.93: ..."), or "" without an edge
    citation: Citation | None


@dataclass(frozen=True)
class FamilyView:
    id: str
    origin: str  # the origin outlet as provenance found it ("" when unknown)
    label: str  # what charts call the family: outlet, else a member's outlet, else a title
    reason: str
    first_date: str
    origin_citation: Citation | None
    copies: list[CopyView]


@dataclass(frozen=True)
class ClaimView:
    id: str
    text: str
    kind: str
    status: str
    independent_origins: int
    families: list[str]
    hedge: str
    attribution: str
    citations: list[Citation]
    explanation: str


@dataclass(frozen=True)
class ConflictView:
    claim: ClaimView
    other: ClaimView | None
    explanation: str
    passages: list[Citation]


@dataclass(frozen=True)
class ChangeView:
    kind: str
    explanation: str
    derived: Citation
    origin: Citation | None


@dataclass(frozen=True)
class StoryView:
    id: str
    title: str
    independent_origins: int
    articles: int
    families: list[FamilyView]
    claims: list[ClaimView]
    corroborated: list[ClaimView]
    conflicts: list[ConflictView]
    single_source: list[ClaimView]
    changes: list[ChangeView]
    entities: list[Entity]


@dataclass
class BriefingView:
    stories: list[StoryView]
    index: CitationIndex
    article_count: int
    errors: list[str] = field(default_factory=list)


def _claim_view(claim: ClaimGroup, index: CitationIndex) -> ClaimView:
    cites = [index.cite(m.article, m.start, m.end, m.text) for m in claim.mentions]
    return ClaimView(
        id=claim.id,
        text=claim.text,
        kind=str(claim.kind),
        status=str(claim.status),
        independent_origins=claim.independent_origins,
        families=list(claim.families),
        hedge=claim.hedge or "",
        attribution=claim.attribution or "",
        citations=list(dict.fromkeys(cites)),
        explanation=claim.explanation.summary if claim.explanation else "",
    )


def _distinct_wording(claims: list[ClaimGroup], index: CitationIndex) -> dict[str, ClaimView]:
    """Claim lines of one story; lines that would read the same get their passage's start.

    Generated wordings ("count of X: 3") can coincide for groups align kept apart (other
    sentences, other sources); the verbatim start of each one's first mention tells them
    apart without merging their verdicts.
    """
    views = {c.id: _claim_view(c, index) for c in claims}
    counts = Counter(v.text for v in views.values())
    for claim in claims:
        view = views[claim.id]
        if counts[view.text] > 1 and claim.mentions:
            passage = " ".join(claim.mentions[0].text.split())
            views[claim.id] = replace(view, text=f"{view.text}, in “{short(passage, 60)}”")
    return views


def article_label(article: Article) -> str:
    """A short name for one text: outlet, else web host, else file name, else title."""
    host = urlsplit(article.url or "").netloc or urlsplit(article.source).netloc
    name = article.source.replace("\\", "/").rsplit("/", 1)[-1]
    return article.outlet or host.removeprefix("www.") or name or article.title or article.id


def family_label(family: Family, articles: dict[str, Article]) -> str:
    """A readable name for a family: its origin (an agency or outlet named by credits, or
    the origin text's outlet or host: ``provenance.origins``), else "unknown" with the
    origin text's own label (a copier's outlet or a cut title would pose as the origin)."""
    if family.origin:
        return family.origin
    members = [articles[a] for a in family.articles if a in articles]
    origin = articles.get(family.origin_article or "") or (members[0] if members else None)
    if origin is not None:
        return f"unknown ({article_label(origin)})"
    return family.id


def _edge_note(edge: Derivation | None) -> str:
    """How a copy derives from its source: kind, score and the edge's own explanation."""
    if edge is None:
        return ""
    why = edge.explanation.summary if edge.explanation and edge.explanation.summary else ""
    why = why or edge.direction
    return f"{edge.kind}, score {edge.score:.2f}" + (f": {why}" if why else "")


def _family_view(family: Family, edges: dict[str, Derivation], index: CitationIndex) -> FamilyView:
    """A family: its origin text and the copies, each with its derivation kind (if known)."""
    members = [index.article(a) for a in family.articles]
    dates = sorted(a.date for a in members if a is not None and a.date)
    origin_id = family.origin_article or (family.articles[0] if family.articles else "")
    origin_cite = index.cite(origin_id) if index.article(origin_id) else None
    copies = []
    for art in members:
        if art is None or art.id == origin_id:
            continue
        copies.append(
            CopyView(
                art.id,
                art.title or art.id,
                article_label(art),
                _edge_note(edges.get(art.id)),
                index.cite(art.id),
            )
        )
    return FamilyView(
        id=family.id,
        origin=family.origin or "",
        label=family_label(family, {a.id: a for a in members if a is not None}),
        reason=family.reason,
        first_date=dates[0] if dates else "",
        origin_citation=origin_cite,
        copies=copies,
    )


def _conflicts(
    claims: list[ClaimGroup], views: dict[str, ClaimView], index: CitationIndex
) -> list[ConflictView]:
    out: list[ConflictView] = []
    seen: set[frozenset[str]] = set()
    for claim in claims:
        for note in claim.conflicts:
            pair = frozenset((claim.id, note.with_))
            if pair in seen:
                continue
            seen.add(pair)
            passages = [index.cite(p.article, p.start, p.end, p.text) for p in note.passages]
            out.append(
                ConflictView(views[claim.id], views.get(note.with_), note.explanation, passages)
            )
    return out


def _change_view(change: Change, index: CitationIndex) -> ChangeView:
    origin = None
    if change.origin:
        origin = index.cite(change.origin, text=change.origin_text)
    return ChangeView(
        change.kind, change.explanation, index.cite(change.article, text=change.text), origin
    )


@dataclass(frozen=True)
class _Lookup:
    """Per-analysis indexes, built once so each story costs only its own records."""

    claims: dict[str, list[ClaimGroup]]  # by story id
    changes: dict[str, list[Change]]  # by article id
    entities: dict[str, list[Entity]]  # by article id
    edges: dict[str, Derivation]  # the derivation of each derived article (best score)

    @classmethod
    def of(cls, analysis: Analysis) -> _Lookup:
        claims: dict[str, list[ClaimGroup]] = defaultdict(list)
        changes: dict[str, list[Change]] = defaultdict(list)
        entities: dict[str, list[Entity]] = defaultdict(list)
        for claim in analysis.claims:
            claims[claim.story or UNASSIGNED].append(claim)
        for change in analysis.changes:
            changes[change.article].append(change)
        for entity in analysis.entities:
            for article in dict.fromkeys(entity.articles):
                entities[article].append(entity)
        edges: dict[str, Derivation] = {}
        for d in sorted(analysis.derivations, key=lambda d: d.score):
            edges[d.derived] = d
        return cls(claims, changes, entities, edges)


def _entity_of(party: str | None, entities: list[Entity]) -> Entity | None:
    """The resolved entity of a claim's party: its id (after entity resolution) or a name."""
    if not party:
        return None
    key = party.casefold()
    return next((e for e in entities
                 if e.id == party or key in {n.casefold() for n in [e.name, *e.aliases]}), None)


def _used(name: str, text: str) -> bool:
    """``name`` occurs on its own, not as the start of a longer name ("Acme" in "Acme Tools")."""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-]| [A-Z])", text) is not None


def _with_variants(view: ClaimView, claim: ClaimGroup, entities: list[Entity]) -> ClaimView:
    """A supply line names each party once, with the other names its passages use:
    "Acme Dynamics (also Acme) -> Dovania: machine tools"."""
    if claim.kind != ClaimKind.SUPPLY or " -> " not in view.text:
        return view
    supplier, rest = view.text.split(" -> ", 1)
    recipient, sep, tail = rest.partition(": ")
    texts = " ".join(m.text for m in claim.mentions)
    shown = []
    for written, party in ((supplier, claim.supplier), (recipient, claim.recipient)):
        entity = _entity_of(party, entities) or _entity_of(written, entities)
        names = [entity.name, *entity.aliases] if entity is not None else []
        variants = sorted({n for n in names if n != written and _used(n, texts)}, key=len)
        shown.append(f"{written} (also {', '.join(variants)})" if variants else written)
    return replace(view, text=f"{shown[0]} -> {shown[1]}{sep}{tail}")


def _story_view(story: Story, lookup: _Lookup, index: CitationIndex) -> StoryView:
    claims = lookup.claims.get(story.id, [])
    families = [_family_view(f, lookup.edges, index) for f in story.families]
    entities = {e.id: e for a in story.articles for e in lookup.entities.get(a, [])}
    views = _distinct_wording(claims, index)
    for claim in claims:
        views[claim.id] = _with_variants(views[claim.id], claim, list(entities.values()))
    ordered = sorted(views.values(), key=lambda v: (-v.independent_origins, v.text))
    return StoryView(
        id=story.id,
        title=story.title or story.id,
        independent_origins=story.independent_origins,
        articles=len(story.articles),
        families=sorted(families, key=lambda f: (f.first_date or "9999", f.label)),
        claims=ordered,
        corroborated=[v for v in ordered if v.status == ClaimStatus.CORROBORATED],
        conflicts=_conflicts(claims, views, index),
        single_source=[v for v in ordered if v.status == ClaimStatus.SINGLE_SOURCE],
        changes=[
            _change_view(ch, index) for a in story.articles for ch in lookup.changes.get(a, [])
        ],
        entities=list(entities.values()),
    )


def _stories(analysis: Analysis) -> list[Story]:
    """The analysis' stories plus one for articles or claims that belong to none."""
    stories = list(analysis.stories)
    known = {s.id for s in stories}
    placed = {a for s in stories for a in s.articles}
    loose = [a.id for a in analysis.articles if a.id not in placed]
    loose_claims = [c for c in analysis.claims if (c.story or UNASSIGNED) not in known]
    if loose or loose_claims:
        stories.append(Story(id=UNASSIGNED, title="Not assigned to a story", articles=loose))
    return stories


def build_view(analysis: Analysis) -> BriefingView:
    """The whole briefing as a view model; citations are numbered in reading order."""
    index = CitationIndex(analysis)
    known = {s.id for s in analysis.stories}
    fixed = [
        c if (c.story in known) else c.model_copy(update={"story": UNASSIGNED})
        for c in analysis.claims
    ]
    normalised = analysis.model_copy(update={"claims": fixed})
    lookup = _Lookup.of(normalised)
    stories = [_story_view(s, lookup, index) for s in _stories(normalised)]
    return BriefingView(stories, index, len(analysis.articles), [e.line() for e in analysis.errors])
