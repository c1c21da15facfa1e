"""The align stage over a corpus, a batch of whole stories at a time.

A story's claim groups, changes and derived statement mentions depend on that story alone
(its articles with their families, their mentions, its derivation edges: every edge joins
two texts of one story). So aligning stories in batches gives what one call over the whole
corpus gives (the incremental runs rely on the same fact and test it), while the working
views of ``align_claims`` (words, keys, contexts of every mention) exist for one batch at a
time instead of for every mention of the corpus: at 20,000 generated articles they were the
~400 MB by which align's peak stood above the other stages'.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from wirecheck.align.core import AlignmentResult, align_claims
from wirecheck.model import (
    Analysis,
    Article,
    ClaimMention,
    Derivation,
    EntityMention,
    Story,
)
from wirecheck.settings.align import AlignSettings

NO_STORY = ""  # articles outside every story (not produced by provenance; kept apart)
BATCH_ARTICLES = 2_000  # whole stories per call: views of ~2,000 articles (tens of MB)


@dataclass
class _Part:
    """One story's share of an analysis."""

    articles: list[Article] = field(default_factory=list)
    derivations: list[Derivation] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    mentions: list[ClaimMention] = field(default_factory=list)
    entity_mentions: list[EntityMention] = field(default_factory=list)


def story_of_article(analysis: Analysis) -> dict[str, str]:
    return {art.id: art.story or NO_STORY for art in analysis.articles}


def _parts(analysis: Analysis, wanted: set[str] | None) -> dict[str, _Part]:
    """Each story's records in their order in ``analysis`` (one pass over each list)."""
    story_of = story_of_article(analysis)
    parts: dict[str, _Part] = {}
    for art in analysis.articles:  # stories in order of their first article
        story = story_of[art.id]
        if wanted is None or story in wanted:
            parts.setdefault(story, _Part()).articles.append(art)
    for s in analysis.stories:
        if s.id in parts:
            parts[s.id].stories.append(s)
    for d in analysis.derivations:
        _add_to(parts, story_of.get(d.derived), "derivations", d)
    for m in analysis.mentions:
        _add_to(parts, story_of.get(m.article), "mentions", m)
    for e in analysis.entity_mentions:
        _add_to(parts, story_of.get(e.article), "entity_mentions", e)
    return parts


def _add_to(parts: dict[str, _Part], story: str | None, kind: str, record: object) -> None:
    """``record`` into its story's list ``kind`` when that story is one of ``parts``."""
    part = parts.get(story) if story is not None else None
    if part is not None:
        getattr(part, kind).append(record)


def _joined(parts: list[_Part]) -> Analysis:
    return Analysis(
        articles=[a for p in parts for a in p.articles],
        derivations=[d for p in parts for d in p.derivations],
        stories=[s for p in parts for s in p.stories],
        mentions=[m for p in parts for m in p.mentions],
        entity_mentions=[e for p in parts for e in p.entity_mentions],
    )


def story_batches(
    analysis: Analysis, max_articles: int = BATCH_ARTICLES, stories: set[str] | None = None
) -> Iterator[Analysis]:
    """Sub-analyses of whole stories (of ``stories`` only, when given), in story order, each
    of at most ``max_articles`` articles unless one story alone is larger."""
    batch: list[_Part] = []
    size = 0
    for part in _parts(analysis, stories).values():
        if batch and size + len(part.articles) > max_articles:
            yield _joined(batch)
            batch, size = [], 0
        batch.append(part)
        size += len(part.articles)
    if batch:
        yield _joined(batch)


def align_by_story(
    analysis: Analysis, settings: AlignSettings, max_articles: int = BATCH_ARTICLES
) -> AlignmentResult:
    """``align_claims`` over batches of whole stories, results concatenated (in story order,
    as ``incremental.stories.canonical_order`` lists them)."""
    found = AlignmentResult()
    for batch in story_batches(analysis, max_articles):
        result = align_claims(batch, settings)
        found.claims.extend(result.claims)
        found.changes.extend(result.changes)
        found.mentions.extend(result.mentions)
    return found
