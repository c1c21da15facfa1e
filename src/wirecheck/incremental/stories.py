"""The align stage story by story, with the claim groups of unchanged stories reused.

``align.align_claims`` groups claims within a story: a story's claim groups, changes and
derived statement mentions depend only on that story (its record, its articles with their
family, their extraction, its derivation edges). A story whose inputs hash to a stored key is
taken from the workspace; the others (stories that gained or changed articles) are aligned
together in one call over just their articles. Results are put in story order (the position
of a story's first article), the order ``canonical_order`` gives a full run.
"""

from __future__ import annotations

import json
from typing import Any

from wirecheck.align.by_story import NO_STORY, story_of_article
from wirecheck.incremental.memo import ResultCache, hash_key, settings_key
from wirecheck.model import Analysis, Article, Change, ClaimGroup, ClaimMention, Derivation
from wirecheck.settings.align import AlignSettings

STORIES = "align-story"


def story_positions(analysis: Analysis) -> dict[str, int]:
    """Story id -> index of its first article in ``analysis.articles``."""
    pos: dict[str, int] = {}
    for n, art in enumerate(analysis.articles):
        pos.setdefault(art.story or NO_STORY, n)
    return pos


def canonical_order(
    analysis: Analysis,
    claims: list[ClaimGroup],
    changes: list[Change],
    mentions: list[ClaimMention],
) -> tuple[list[ClaimGroup], list[Change], list[ClaimMention]]:
    """Align results in story order (stable: the order within a story is align's), so that
    a run that aligned only some stories and one that aligned all give the same lists."""
    pos = story_positions(analysis)
    story_of = story_of_article(analysis)
    last = len(analysis.articles)

    def by_article(article: str) -> int:
        return pos.get(story_of.get(article, NO_STORY), last)

    return (
        sorted(claims, key=lambda c: pos.get(c.story or NO_STORY, last)),
        sorted(changes, key=lambda c: by_article(c.article)),
        sorted(mentions, key=lambda m: by_article(m.article)),
    )


def align_reusing(
    analysis: Analysis, settings: AlignSettings, cache: ResultCache, keys: dict[str, str]
) -> Analysis:
    """``pipeline`` align stage with unchanged stories from ``cache``; ``keys``: article id ->
    content key (``incremental.content_key``, taken before provenance)."""
    members: dict[str, list[Article]] = {}
    for art in analysis.articles:
        members.setdefault(art.story or NO_STORY, []).append(art)
    edges: dict[str, list[Derivation]] = {}
    story_of = story_of_article(analysis)
    for d in analysis.derivations:
        edges.setdefault(story_of.get(d.derived, NO_STORY), []).append(d)
    records = {s.id: s.model_dump_json() for s in analysis.stories}
    base = settings_key(settings, "align", "model.py")
    story_keys = {
        story: hash_key(
            base,
            records.get(story, ""),
            *(f"{keys[a.id]}|{a.family or ''}" for a in arts),
            *(d.model_dump_json() for d in edges.get(story, [])),
        )
        for story, arts in members.items()
    }
    found = cache.lookup(list(story_keys.values()))
    missing = [s for s, k in story_keys.items() if k not in found]
    fresh = _align_stories(analysis, settings, set(missing))
    cache.add((story_keys[s], json.dumps(fresh.get(s, {}))) for s in missing)
    parts = {s: fresh.get(s, {}) for s in missing}
    parts.update({s: json.loads(found[k]) for s, k in story_keys.items() if k in found})
    claims: list[ClaimGroup] = []
    changes: list[Change] = []
    derived: list[ClaimMention] = []
    for story in members:  # in order of first article: the canonical order
        part = parts[story]
        claims += [ClaimGroup.model_validate(c) for c in part.get("claims", [])]
        changes += [Change.model_validate(c) for c in part.get("changes", [])]
        derived += [ClaimMention.model_validate(m) for m in part.get("mentions", [])]
    known = {m.id for m in analysis.mentions}
    mentions = analysis.mentions + [m for m in derived if m.id not in known]
    return analysis.model_copy(update={"claims": claims, "changes": changes, "mentions": mentions})


def _align_stories(
    analysis: Analysis, settings: AlignSettings, stories: set[str]
) -> dict[str, dict[str, list[Any]]]:
    """``align_claims`` over the articles of ``stories`` only; results as JSON per story."""
    from wirecheck.align import align_claims
    from wirecheck.align.by_story import story_batches

    if not stories:
        return {}
    out: dict[str, dict[str, list[Any]]] = {
        s: {"claims": [], "changes": [], "mentions": []} for s in stories
    }
    for batch in story_batches(analysis, stories=stories):
        result = align_claims(batch, settings)
        story_of = story_of_article(batch)
        for claim in result.claims:
            out[claim.story or NO_STORY]["claims"].append(_json(claim))
        for change in result.changes:
            out[story_of[change.article]]["changes"].append(_json(change))
        for mention in result.mentions:
            out[story_of[mention.article]]["mentions"].append(_json(mention))
    return out


def _json(record: ClaimGroup | Change | ClaimMention) -> Any:
    return record.model_dump(mode="json", by_alias=True)
