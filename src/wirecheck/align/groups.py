"""Turn clusters of mentions into explained ``ClaimGroup`` records.

Independent corroboration = number of distinct origin families among a
group's mentions: copies inside one family count once.
"""

from __future__ import annotations

from collections import Counter

from wirecheck.align.similarity import MentionView
from wirecheck.align.text import jaccard
from wirecheck.extract.goods import load_taxonomy
from wirecheck.model import (
    ClaimGroup,
    ClaimKind,
    ClaimMention,
    ClaimStance,
    ClaimStatus,
    Explanation,
    FeatureScore,
    MentionRef,
    Quantity,
    stable_id,
)

Cluster = list[MentionView]


def central(cluster: Cluster) -> MentionView:
    """The mention whose sentence shares most words with the others (first on ties)."""

    def centrality(view: MentionView) -> float:
        return sum(jaccard(view.words, other.words) for other in cluster if other is not view)

    return max(cluster, key=lambda v: (centrality(v), -v.order, -v.mention.start))


def _most_common(values: list[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def supply_line(cluster: Cluster) -> str:
    """Generated canonical wording: "supplier -> recipient: goods (end use)"."""
    supplier = _most_common([v.mention.supplier for v in cluster]) or "?"
    recipient = _most_common([v.mention.recipient for v in cluster]) or "?"
    goods = (
        _most_common([v.mention.goods_category for v in cluster])
        or _most_common([v.mention.goods for v in cluster])
        or "?"
    )
    uses = _end_uses(cluster)
    stance = cluster_stance(cluster)
    negated = "not " if stance == ClaimStance.DENIED else ""
    line = f"{supplier} -> {recipient}: {negated}{goods}"
    line = f"{line} ({', '.join(uses)})" if uses else line
    return f"{line} [planned or considered]" if stance == ClaimStance.INTENDED else line


def stance_of(mention: ClaimMention) -> ClaimStance:
    """Denied ("did not supply") before intended ("was considering supplying")."""
    if mention.negated:
        return ClaimStance.DENIED
    return ClaimStance.INTENDED if mention.intent else ClaimStance.ASSERTED


def cluster_stance(cluster: Cluster) -> ClaimStance:
    """A cluster's stance: its mentions share one (the supply key holds it)."""
    return stance_of(cluster[0].mention)


# What a quantity counts when extraction named no measure, by unit (generic words only).
_UNIT_LABELS = {"%": "share", "count": "count"}


def quantity_line(measure: str | None, quantity: Quantity | None, sentence: str) -> str:
    """Generated canonical wording: "measure: value (period)", e.g. "share of X: about 5% (2021)".

    Names the one number the group is about, so two quantities of one sentence read as
    two claims; the sentence itself stays the group's first mention. Falls back to the
    sentence when the group has no quantity.
    """
    if quantity is None:
        return sentence
    value = " ".join(quantity.text.split()) or (f"{quantity.value:g}" if quantity.value else "?")
    if value[:1].isupper() and value[1:2].islower():
        value = value[0].lower() + value[1:]  # "At least 14" at a sentence start
    label = measure or _UNIT_LABELS.get(quantity.unit, "value" if quantity.unit else "amount")
    line = f"{label}: {value}"
    return f"{line} ({quantity.period})" if quantity.period else line


def _end_uses(cluster: Cluster) -> list[str]:
    """The end uses the mentions state; a broad one ("weapons") only when none is specific."""
    seen: dict[str, None] = {}
    for view in cluster:
        for use in view.mention.end_use:
            seen.setdefault(use, None)
    broad = load_taxonomy().broad_end_uses
    specific = [u for u in seen if u not in broad]
    return specific or list(seen)


def _kind(cluster: Cluster) -> ClaimKind:
    kinds = Counter(v.mention.kind for v in cluster)
    if kinds.get(ClaimKind.QUOTE):
        return ClaimKind.QUOTE
    return kinds.most_common(1)[0][0]


def _source(cluster: Cluster, kind: ClaimKind) -> str | None:
    """Who says it: the speaker first for quotes, the attribution first otherwise."""
    if kind == ClaimKind.QUOTE:
        return _most_common([v.mention.speaker or v.mention.attribution for v in cluster])
    return _most_common([v.mention.attribution or v.mention.speaker for v in cluster])


def mention_refs(cluster: Cluster, first: MentionView | None = None) -> list[MentionRef]:
    """References to the cluster's mentions; ``first`` (the central one) leads when given."""
    ordered = sorted(cluster, key=lambda v: v is not first)  # stable: the rest keep order
    return [
        MentionRef(
            article=v.mention.article,
            start=v.mention.start,
            end=v.mention.end,
            text=v.mention.text,
            mention=v.mention.id,
            family=v.family,
        )
        for v in ordered
    ]


def corroboration(cluster: Cluster, threshold: int) -> tuple[list[str], Explanation]:
    """Distinct families of a cluster and the explanation of its count.

    A mention whose sentence introduced a change of number, negation or direction
    (see ``changes``) says something else: it stays in the group, shown, but does
    not corroborate (unless every mention is such a one).
    """
    counted = [v for v in cluster if not v.changed] or cluster
    families = sorted({v.family for v in counted})
    articles = sorted({v.mention.article for v in cluster})
    changed = sorted({v.changed for v in cluster if v.changed})
    copies = len({v.mention.article for v in counted}) - len(families)
    features = [
        FeatureScore(name="independent_families", value=float(len(families)), weight=1.0,
                     note="distinct origin families among the mentions"),
        FeatureScore(name="articles", value=float(len(articles)), weight=0.0,
                     note="articles that state it"),
        FeatureScore(name="same_family_copies", value=float(copies), weight=0.0,
                     note="articles that repeat a family already counted (count once)"),
    ]
    if changed and counted is not cluster:
        features.append(FeatureScore(
            name="changed_versions", value=float(len(changed)), weight=0.0,
            note=f"versions that change the claim are not counted: {', '.join(changed)}"))
    verdict = "corroborated" if len(families) >= threshold else "single source"
    summary = (f"{verdict}: stated in {len(articles)} article(s) from {len(families)} "
               f"independent origin famil{'y' if len(families) == 1 else 'ies'}")
    return families, Explanation(score=float(len(families)), features=features, summary=summary)


def _canonical_text(cluster: Cluster, kind: ClaimKind, head: ClaimMention) -> str:
    """Generated wording for supply and quantity groups, the central sentence otherwise."""
    if kind == ClaimKind.SUPPLY:
        return supply_line(cluster)
    if kind == ClaimKind.QUANTITY:
        return quantity_line(head.measure, head.quantity, head.text)
    return head.text


def build_group(cluster: Cluster, threshold: int) -> ClaimGroup:
    """A claim group with its corroboration verdict (conflicts are added later)."""
    head = central(cluster)
    kind = _kind(cluster)
    families, explanation = corroboration(cluster, threshold)
    status = ClaimStatus.CORROBORATED if len(families) >= threshold else ClaimStatus.SINGLE_SOURCE
    m = head.mention
    return ClaimGroup(
        id=stable_id("c", head.story or "", kind.value, *sorted(v.mention.id for v in cluster)),
        story=head.story,
        kind=kind,
        text=_canonical_text(cluster, kind, m),
        supplier=_most_common([v.mention.supplier for v in cluster]),
        recipient=_most_common([v.mention.recipient for v in cluster]),
        goods=_most_common([v.mention.goods_category or v.mention.goods for v in cluster]),
        end_use=_end_uses(cluster),
        quantity=m.quantity,
        measure=m.measure,
        hedge=_most_common([v.mention.hedge for v in cluster]),
        stance=cluster_stance(cluster),
        attribution=_source(cluster, kind),
        mentions=mention_refs(cluster, head),
        families=families,
        independent_origins=len(families),
        status=status,
        explanation=explanation,
    )
