"""The align stage: claim groups with corroboration and conflicts, plus introduced changes."""

from __future__ import annotations

from collections import defaultdict

from pydantic import BaseModel, Field

from wirecheck.align.attributions import same_quoted_words, split_by_source
from wirecheck.align.changes import find_changes
from wirecheck.align.conflicts import Cluster, conflict_sentence, passage_of, split_quantities
from wirecheck.align.context import family_map
from wirecheck.align.grouping import cluster_story
from wirecheck.align.groups import build_group, central
from wirecheck.align.meaning import resolve_speaker
from wirecheck.align.parties import org_names_by_article, resolve_supply_parties
from wirecheck.align.similarity import (
    MentionView,
    context_words,
    measure_words,
    quantity_pair,
)
from wirecheck.align.slots import Match
from wirecheck.align.spans import tidy_mentions
from wirecheck.align.statements import drop_restated, fill_statements
from wirecheck.align.text import content_words, tokens
from wirecheck.align.updates import note_update
from wirecheck.model import (
    Analysis,
    Change,
    ClaimGroup,
    ClaimKind,
    ClaimMention,
    ClaimStance,
    ClaimStatus,
    ConflictNote,
    Explanation,
    FeatureScore,
)
from wirecheck.settings.align import AlignSettings


class AlignmentResult(BaseModel):
    claims: list[ClaimGroup] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)
    # statement/quote mentions align derived for uncovered sentences (ids "ms-..."),
    # so every MentionRef.mention id can be resolved by a caller that wants them
    mentions: list[ClaimMention] = Field(default_factory=list)


def build_views(analysis: Analysis, derive_statements: bool = True) -> list[MentionView]:
    """One view per mention of a known article, with its comparison keys."""
    order = {art.id: i for i, art in enumerate(analysis.articles)}
    bodies = {art.id: art.body for art in analysis.articles}
    stories = {art.id: art.story for art in analysis.articles}
    families = family_map(analysis)
    mentions = tidy_mentions(analysis)
    stops = _quantity_starts(mentions)
    if derive_statements:
        mentions = fill_statements(analysis, mentions)
    people = _people(analysis)
    views = []
    for m in mentions:
        if m.article not in order:
            continue
        unit = m.quantity.unit if m.quantity else ""
        view = MentionView(
            mention=m,
            family=families[m.article],
            story=stories[m.article],
            order=order[m.article],
            words=content_words(m.text),
            keys=[t.key for t in tokens(m.text)],
        )
        if m.kind == ClaimKind.QUANTITY:
            view.measure = measure_words(m, bodies[m.article], stops[(m.article, unit)])
            view.context = context_words(view)
        elif m.kind in (ClaimKind.STATEMENT, ClaimKind.QUOTE):
            view.speaker = resolve_speaker(m.speaker or m.attribution or "",
                                           people.get(m.article, []))
        views.append(view)
    return views


def _people(analysis: Analysis) -> dict[str, list[str]]:
    """Per article, the person names the tagger found (to resolve a bare surname)."""
    out: dict[str, list[str]] = defaultdict(list)
    for mention in analysis.entity_mentions:
        if mention.label == "PERSON":
            out[mention.article].append(mention.text)
    return out


def _quantity_starts(mentions: list[ClaimMention]) -> dict[tuple[str, str], list[int]]:
    starts: dict[tuple[str, str], list[int]] = defaultdict(list)
    for m in mentions:
        if m.quantity is not None and m.quantity.start >= 0:
            starts[(m.article, m.quantity.unit)].append(m.quantity.start)
    return starts


def quantity_groups(cluster: Cluster, settings: AlignSettings) -> list[ClaimGroup]:
    """Groups of one measure: one if all versions agree, else one per conflicting version."""
    split = split_quantities(cluster, settings.quantity, settings.group.statement_anchor)
    groups = [build_group(part, settings.corroborated_families) for part in split.parts]
    for part, group in zip(split.parts, groups, strict=True):
        _explain_measure(part, group, settings)
    for i, j in split.conflicts:
        _link(groups, split.parts, (i, j), settings, split.matches[(i, j)])
    for i, j in split.updates:
        note_update(groups, split.parts, (i, j))
    for group in groups:
        if group.conflicts:
            group.status = ClaimStatus.CONFLICT
    if split.compatible_part is not None and split.conflicts:
        _note_compatible(groups, split.compatible_part)
    return groups


def _explain_measure(part: Cluster, group: ClaimGroup, settings: AlignSettings) -> None:
    """Add why the mentions are one measure: the weakest link to the central mention."""
    head = central(part)
    others = [v for v in part if v is not head]
    if not others or group.explanation is None:
        return
    pairs = [(quantity_pair(head, v, settings.group.weights), v) for v in others]
    weakest, view = min(pairs, key=lambda p: p[0].score)
    shown = ", ".join(f"{f.name}={f.value:g}x{f.weight:g}" for f in weakest.features if f.value)
    group.explanation.features.append(FeatureScore(
        name="same_measure_weakest_link", value=weakest.score, weight=0.0,
        note=f"{view.mention.article} vs central mention: {shown}"))


def _link(
    groups: list[ClaimGroup], parts: list[Cluster], edge: tuple[int, int], settings: AlignSettings,
    match: Match,
) -> None:
    i, j = edge
    matched = "; ".join(match.matched) or "no slot stated on either side"
    line = f"{conflict_sentence(parts[i], parts[j], settings.quantity)} (slots matched: {matched})"
    passages = [passage_of(parts[i][0]), passage_of(parts[j][0])]
    details = Explanation(
        score=1.0,
        summary=line,
        features=[
            FeatureScore(
                name="same_measure",
                value=1.0,
                weight=1.0,
                note="grouped as one measure (see the groups' explanations)",
            ),
            FeatureScore(
                name="interval_overlap",
                value=0.0,
                weight=-1.0,
                note="the qualified values share no number",
            ),
            FeatureScore(
                name="slots_matched",
                value=float(len(match.matched)),
                weight=0.0,
                note=f"what both versions are about: {matched}",
            ),
        ],
    )
    groups[i].conflicts.append(
        ConflictNote(with_=groups[j].id, explanation=line, passages=passages, details=details)
    )
    groups[j].conflicts.append(
        ConflictNote(with_=groups[i].id, explanation=line, passages=passages[::-1], details=details)
    )


def _note_compatible(groups: list[ClaimGroup], index: int) -> None:
    group = groups[index]
    others = [g for k, g in enumerate(groups) if k != index]
    names = ", ".join(f"{g.id} ('{g.quantity.text if g.quantity else g.text}')" for g in others)
    if group.explanation is None:
        return
    group.explanation.features.append(
        FeatureScore(
            name="compatible_with_conflicting_versions",
            value=float(len(others)),
            weight=0.0,
            note=f"compatible with {names}: its interval overlaps each of them",
        )
    )
    group.explanation.summary += f"; compatible with every conflicting version ({names})"


def attribution_groups(cluster: Cluster, settings: AlignSettings) -> list[ClaimGroup]:
    """One group, or one per named source when families credit a quote differently."""
    parts = split_by_source(cluster)
    groups = [build_group(part, settings.corroborated_families) for part in parts]
    for i, left in enumerate(groups):
        for k, right in enumerate(groups[i + 1:], start=i + 1):
            if not same_quoted_words(parts[i], parts[k], settings.group.statement_anchor):
                continue
            line = (f"the same quoted words are credited to {left.attribution} and to "
                    f"{right.attribution}")
            passages = [passage_of(parts[i][0]), passage_of(parts[k][0])]
            left.conflicts.append(ConflictNote(with_=right.id, explanation=line,
                                               passages=passages))
            right.conflicts.append(ConflictNote(with_=left.id, explanation=line,
                                                passages=passages[::-1]))
            left.status = right.status = ClaimStatus.CONFLICT
    return groups


def polarity_conflicts(groups: list[ClaimGroup]) -> None:
    """A supply relation stated without hedge and denied (same parties, goods): a conflict.

    A hedged or only intended one ("was considering supplying") does not contradict a denial.
    """
    by_key: dict[tuple[str | None, ...], list[ClaimGroup]] = defaultdict(list)
    for g in groups:
        if g.kind == ClaimKind.SUPPLY:
            by_key[(g.story, g.supplier, g.recipient, g.goods)].append(g)
    for same in by_key.values():
        denied = [g for g in same if g.stance == ClaimStance.DENIED]
        stated = [g for g in same if g.stance == ClaimStance.ASSERTED and not g.hedge]
        for d in denied:
            for s in stated:
                line = f"one version denies the relation the other states ({s.text})"
                d.conflicts.append(ConflictNote(with_=s.id, explanation=line))
                s.conflicts.append(ConflictNote(with_=d.id, explanation=line))
                d.status = s.status = ClaimStatus.CONFLICT


# Change kinds after which a sentence no longer states the claim it was grouped with.
_CONTRADICTING = frozenset({"number", "negation", "direction"})


def mark_changed(views: list[MentionView], changes: list[Change],
                 bodies: dict[str, str]) -> None:
    """Tag each view whose sentence introduced a contradicting change."""
    spans: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for change in changes:
        start = bodies.get(change.article, "").find(change.text)
        if change.kind in _CONTRADICTING and start >= 0:
            spans[change.article].append((start, start + len(change.text), change.id))
    for view in views:
        m = view.mention
        for start, end, change_id in spans.get(m.article, []):
            if m.start < end and start < m.end:
                view.changed = change_id


def _mark_conflict(group: ClaimGroup) -> None:
    """Status ``conflict``, with the count of conflicting versions in the explanation."""
    group.status = ClaimStatus.CONFLICT
    if group.explanation is None:
        return
    n = len(group.conflicts)
    group.explanation.features.append(FeatureScore(
        name="conflicting_versions", value=float(n), weight=-1.0,
        note="other groups that state the same thing differently (see conflicts)"))
    group.explanation.summary = (f"conflict with {n} other version(s); "
                                 + group.explanation.summary)


def align_claims(analysis: Analysis, settings: AlignSettings) -> AlignmentResult:
    """Claim groups per story (corroboration, conflicts) and the changes copies introduced."""
    changes = find_changes(analysis, settings.change)
    views = build_views(analysis, settings.derive_statements)
    mark_changed(views, changes, {art.id: art.body for art in analysis.articles})
    by_story: dict[str | None, list[MentionView]] = defaultdict(list)
    for view in views:
        by_story[view.story].append(view)
    claims: list[ClaimGroup] = []
    org_names = org_names_by_article(analysis)
    for story_views in by_story.values():
        resolve_supply_parties(story_views, org_names)
        for cluster in cluster_story(story_views, settings.group):
            if cluster[0].mention.kind == ClaimKind.QUANTITY:
                claims.extend(quantity_groups(cluster, settings))
            elif cluster[0].mention.kind == ClaimKind.SUPPLY:
                claims.append(build_group(cluster, settings.corroborated_families))
            else:
                claims.extend(attribution_groups(cluster, settings))
    claims = drop_restated(claims)
    polarity_conflicts(claims)
    for group in claims:
        if group.conflicts:
            _mark_conflict(group)
    derived = [v.mention for v in views if v.mention.id.startswith("ms-")]
    return AlignmentResult(claims=claims, changes=changes, mentions=derived)
