"""Changed titles of office: a text calls a person by a title no other family uses.

Example: every other family calls a person "president" and one rewrite refers to
them as "the prime minister". Titles are read with ``titles.title_uses``; a bare
role is resolved to a person (``titles.resolve_role``); people are matched
across texts by name tokens.
"""

from __future__ import annotations

from collections import defaultdict

from wirecheck.align.context import Context
from wirecheck.align.lexicon import titles_compatible
from wirecheck.align.text import content_words
from wirecheck.align.titles import TitleUse, resolve_role, same_person, title_uses
from wirecheck.model import Analysis, Change, Explanation, FeatureScore, stable_id
from wirecheck.settings.align import ChangeSettings


def _uses_by_story(analysis: Analysis, window: int) -> dict[str | None, list[TitleUse]]:
    """Every title tied to a person, roles resolved, grouped by story."""
    story_of = {art.id: art.story for art in analysis.articles}
    tied: dict[str, list[TitleUse]] = {}
    roles: dict[str, list[TitleUse]] = {}
    for art in analysis.articles:
        tied[art.id], roles[art.id] = title_uses(art.id, art.body, window)
    story_people: dict[str | None, set[str]] = defaultdict(set)
    for art in analysis.articles:
        story_people[art.story].update(u.person for u in tied[art.id])
    for em in analysis.entity_mentions:
        if em.label == "PERSON" and em.article in story_of:
            story_people[story_of[em.article]].add(em.text)
    by_story: dict[str | None, list[TitleUse]] = defaultdict(list)
    for art in analysis.articles:
        people = sorted(story_people[art.story], key=len, reverse=True)
        resolved = [resolve_role(r, art.body, people, tied[art.id]) for r in roles[art.id]]
        by_story[art.story].extend(tied[art.id] + [r for r in resolved if r is not None])
    return by_story


def _judge(
    use: TitleUse, uses: list[TitleUse], ctx: Context, settings: ChangeSettings
) -> list[TitleUse]:
    """Other families' titles for the same person, if they all disagree with ``use``."""
    family = ctx.families.get(use.article)
    others = [
        u
        for u in uses
        if same_person(u.person, use.person)
        and u.article != use.article
        and (ctx.families.get(u.article) != family or (use.article, u.article) in ctx.derived_from)
    ]
    # The version it derives from decides when it names the person: another family's bare
    # "the minister" (compatible with any minister) does not excuse a copy that turned its
    # source's "trade minister" into "prime minister".
    sources = [u for u in others if (use.article, u.article) in ctx.derived_from]
    if sources:
        others = sources
    if not others or any(titles_compatible(use.title, u.title) for u in others):
        return []
    families = {ctx.families.get(u.article) for u in others}
    from_origin = any((use.article, u.article) in ctx.derived_from for u in others)
    return others if from_origin or len(families) >= settings.majority_families else []


_HOW = {
    "role": "the role refers to the nearest person named before it in the sentence",
    "prefix": "title written before the name",
    "apposition": "title in apposition",
}


def _note(use: TitleUse, others: list[TitleUse], families: int, from_source: bool) -> str:
    said = " / ".join(sorted({u.title for u in others}))
    who = ("the version it derives from calls" if from_source else
           f"{families} other famil{'y' if families == 1 else 'ies'} call")
    return (f"changed title: '{use.phrase}' for {use.person}, where {who} {use.person} {said} "
            f"({_HOW[use.how]})")


def _change(use: TitleUse, others: list[TitleUse], bodies: dict[str, str],
            ctx: Context) -> Change:
    def sentence(u: TitleUse) -> str:
        return bodies[u.article][u.sentence[0]:u.sentence[1]]

    words = content_words(sentence(use))
    best = max(others, key=lambda u: len(words & content_words(sentence(u))))
    families = len({ctx.families.get(u.article) for u in others})
    from_source = all(ctx.families.get(u.article) == ctx.families.get(use.article)
                      for u in others)
    note = _note(use, others, families, from_source)
    features = [
        FeatureScore(name="title_change", value=1.0, weight=1.0, note=note),
        FeatureScore(name="agreeing_other_families", value=float(families), weight=0.0,
                     note="families giving the person a different, mutually compatible title"),
    ]
    return Change(id=stable_id("ch", use.article, str(use.start), "title"),
                  article=use.article, origin=best.article, kind="title", text=sentence(use),
                  origin_text=sentence(best), explanation=note,
                  details=Explanation(score=1.0, features=features, summary=note))


def title_changes(analysis: Analysis, ctx: Context, settings: ChangeSettings) -> list[Change]:
    bodies = {art.id: art.body for art in analysis.articles}
    changes: list[Change] = []
    for uses in _uses_by_story(analysis, settings.apposition_chars).values():
        for use in uses:
            others = _judge(use, uses, ctx, settings)
            if others:
                changes.append(_change(use, others, bodies, ctx))
    return changes
