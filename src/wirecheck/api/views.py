"""What the web UI pages show, gathered from the workspace (pure shaping, thin I/O)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from wirecheck.model import Analysis, Article, Change, ClaimGroup, Derivation, Entity, Story
from wirecheck.report.citations import Segment, marked_segments

PAGE = 500  # rows per workspace query when a page needs a whole list
_TOKEN = re.compile(r"\w+|[^\w\s]+|\s+")


def every(fetch: Callable[[int, int], Any]) -> Iterator[Any]:
    """All items of a paged getter ``fetch(offset, limit)``."""
    offset = 0
    while True:
        page = fetch(offset, PAGE)
        yield from page.items
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return


def story_analysis(workspace: Any, story: Story) -> Analysis:
    """The slice of the workspace one story page needs, as an ``Analysis``."""
    articles = [a for a in (workspace.get_article(i) for i in story.articles) if a is not None]
    members = {a.id for a in articles}
    claims = list(every(lambda o, n: workspace.claims_page(o, n, story=story.id)))
    derivations: dict[tuple[str, str], Derivation] = {}
    changes: list[Change] = []
    for art in articles:
        for d in workspace.derivations_of(art.id):
            derivations[(d.derived, d.source)] = d
        changes.extend(every(partial(workspace.changes_page, article=art.id)))
    entities = [e for e in every(workspace.entities_page) if members.intersection(e.articles)]
    return Analysis(
        articles=articles,
        stories=[story],
        claims=claims,
        changes=changes,
        derivations=list(derivations.values()),
        entities=entities,
    )


def article_claims(workspace: Any, article: Article) -> list[ClaimGroup]:
    """Claims (of the article's story) that the article states."""
    if not article.story:
        return []
    claims = every(lambda o, n: workspace.claims_page(o, n, story=article.story))
    return [c for c in claims if any(m.article == article.id for m in c.mentions)]


def claim_segments(article: Article, claims: list[ClaimGroup]) -> list[Segment]:
    """The body cut into runs; runs stating a claim carry that claim's id as anchor."""
    spans = [
        (m.start, m.end, c.id)
        for c in claims
        for m in c.mentions
        if m.article == article.id and 0 <= m.start < m.end <= len(article.body)
    ]
    return marked_segments(article.body, spans)


@dataclass(frozen=True)
class DiffPart:
    text: str
    changed: bool


def token_diff(reference: str, text: str) -> list[DiffPart]:
    """``text`` as runs, ``changed`` where its tokens differ from ``reference``'s (difflib)."""
    ref_tokens, tokens = _TOKEN.findall(reference), _TOKEN.findall(text)
    matcher = difflib.SequenceMatcher(a=ref_tokens, b=tokens, autojunk=False)
    parts: list[DiffPart] = []
    for op, _, _, j1, j2 in matcher.get_opcodes():
        if j1 < j2:
            parts.append(DiffPart("".join(tokens[j1:j2]), op != "equal"))
    return parts


@dataclass(frozen=True)
class MentionView:
    article: Article | None
    article_id: str
    family: str
    parts: list[DiffPart]
    claim: str  # the claim group the mention belongs to
    conflicting: bool  # True for mentions of a claim this one conflicts with


def claim_mentions(workspace: Any, claim: ClaimGroup) -> list[MentionView]:
    """Every mention, then those of conflicting claims, diffed against the first mention."""
    reference = claim.mentions[0].text if claim.mentions else claim.text
    others = [workspace.get_claim(note.with_) for note in claim.conflicts]
    groups = [(claim, False)] + [(o, True) for o in others if o is not None]
    return [
        MentionView(
            workspace.get_article(m.article),
            m.article,
            m.family or "",
            token_diff(reference, m.text),
            group.id,
            conflicting,
        )
        for group, conflicting in groups
        for m in group.mentions
    ]


@dataclass(frozen=True)
class Related:
    """A derivation edge seen from one article: the other text and the edge."""

    edge: Derivation
    other: Article | None
    other_id: str
    is_source: bool  # True when the other article is this one's source


def related(workspace: Any, article: Article) -> list[Related]:
    out = []
    for edge in workspace.derivations_of(article.id):
        other = edge.source if edge.derived == article.id else edge.derived
        out.append(Related(edge, workspace.get_article(other), other, other == edge.source))
    return out


def entity_articles(workspace: Any, entity: Entity) -> list[Article]:
    return [a for a in (workspace.get_article(i) for i in entity.articles) if a is not None]
