"""The extract stage: one spaCy parse per article -> claim mentions and entity mentions."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from wirecheck.extract.entities import entity_mentions, entity_spans
from wirecheck.extract.goods import load_taxonomy
from wirecheck.extract.goods_spans import end_uses_under, goods_end_uses
from wirecheck.extract.lexicon import GROUP_NOUNS
from wirecheck.extract.quantity_claims import quantity_mentions
from wirecheck.extract.roles import find_triggers
from wirecheck.extract.sentences import SentenceInfo, sentence_infos, source_of
from wirecheck.extract.speech import quote_mentions, statement_mentions
from wirecheck.extract.supply import SentenceParts, SupplyFinding, supply_in_sentence
from wirecheck.model import (
    Article,
    ClaimKind,
    ClaimMention,
    EntityMention,
    Explanation,
    FeatureScore,
    stable_id,
)
from wirecheck.settings.extract import ExtractSettings

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class ExtractionResult:
    mentions: list[ClaimMention] = field(default_factory=list)
    entity_mentions: list[EntityMention] = field(default_factory=list)


def extract_claims(articles: Sequence[Article], settings: ExtractSettings) -> ExtractionResult:
    """Claim mentions (supply, quantity, quote, statement) and entity spans of ``articles``,
    in article order (each distinct body parsed once; in worker processes for large corpora:
    ``wirecheck.extract.workers``)."""
    from wirecheck.extract.workers import extract_all

    result = ExtractionResult()
    for mentions, entities in extract_all(articles, settings):
        result.mentions.extend(mentions)
        result.entity_mentions.extend(entities)
    return result


def extract_from_doc(
    article: Article, doc: Doc, settings: ExtractSettings
) -> tuple[list[ClaimMention], list[EntityMention]]:
    spans = entity_spans(doc)
    text = doc.text  # spaCy joins it from every token at each read: once per doc
    sentences = sentence_infos(doc, text, spans)
    mentions = [
        *_supply_mentions(article, sentences, settings),
        *quantity_mentions(article, doc, sentences, settings),
        *quote_mentions(article, text, sentences, settings),
    ]
    if settings.statements:
        mentions.extend(statement_mentions(article, sentences))
    return mentions, entity_mentions(doc, article.id, spans)


# --------------------------------------------------------------------------- supply


def _supply_mentions(
    article: Article, sentences: list[SentenceInfo], settings: ExtractSettings
) -> list[ClaimMention]:
    found: list[tuple[SentenceInfo, SupplyFinding]] = []
    related: set[int] = set()  # sentences that state a relation of their own
    previous: list[SupplyFinding] = []
    recipients: Counter[str] = Counter()
    for index, sentence in enumerate(sentences):
        nxt = sentences[index + 1] if index + 1 < len(sentences) else None
        parts = SentenceParts(
            sentence.span,
            sentence.actors,
            sentence.goods,
            nxt.text if nxt else "",
            nxt.actors if nxt else [],
            settings.recipient_fallback,
            recipients.most_common(1)[0][0] if recipients else None,
        )
        findings = supply_in_sentence(parts)
        recipients.update(parts.seen_recipients)
        where = sentence
        if not findings and index > 0:
            findings = _another_supplier(sentence, previous)
            where = _joined(article.body, sentences[index - 1], sentence)
        found.extend((where, f) for f in findings)
        if findings:
            related.add(index)
        previous = findings
    uses = _stated_end_uses([s for i, s in enumerate(sentences) if i not in related])
    return [_supply_mention(article, where, _with_end_use(f, uses)) for where, f in found]


def _stated_end_uses(sentences: list[SentenceInfo]) -> dict[str, list[str]]:
    """End uses an article states for goods (by category and by wording) where it describes
    supplying them without naming who ("accused three firms of supplying X and Y ..., saying
    they were used to build Z"). Sentences with a relation of their own are left out: their
    end uses belong to that relation, not to every relation of the goods."""
    out: dict[str, list[str]] = {}
    for sentence in sentences:
        if not sentence.goods or not find_triggers(sentence.span):
            continue
        heads = [g.head for g in sentence.goods]
        for hit in sentence.goods:
            uses = end_uses_under(sentence.span.root, heads, owner=hit.head)
            for key in (hit.category, hit.text.lower()):
                known = out.setdefault(key, [])
                known.extend(u for u in goods_end_uses(hit, uses) if u not in known)
    return out


def _with_end_use(finding: SupplyFinding, uses: dict[str, list[str]]) -> SupplyFinding:
    goods = finding.goods
    stated = [*uses.get(goods.category, []), *uses.get(goods.text.lower(), [])]
    extra = [u for u in dict.fromkeys(stated) if u not in finding.end_uses]
    if not extra:
        return finding
    rule = "end use stated for these goods elsewhere in the article"
    return replace(finding, end_uses=[*finding.end_uses, *extra], rules=[*finding.rules, rule])


def _joined(body: str, first: SentenceInfo, second: SentenceInfo) -> SentenceInfo:
    """Two sentences as one span (a relation stated across them)."""
    text = body[first.start : second.end]
    return SentenceInfo(
        second.span,
        first.start,
        second.end,
        text,
        second.actors,
        second.goods,
        second.attribution or first.attribution,
    )


def _another_supplier(sentence: SentenceInfo, previous: list[SupplyFinding]) -> list[SupplyFinding]:
    """ "X identified another manufacturer as ORG": ORG joins the previous sentence's relations."""
    words = [t.lower_ for t in sentence.span]
    refers = any(
        w in ("another", "other")
        and any(n in GROUP_NOUNS or n == "manufacturer" for n in words[i + 1 : i + 3])
        for i, w in enumerate(words)
    )
    orgs = [a for a in sentence.actors if a.kind == "organization"]
    if not (refers and orgs and previous):
        return []
    seen: dict[tuple[str, str], SupplyFinding] = {}
    for finding in (f for f in previous if f.supplier.kind == "organization"):
        seen.setdefault((finding.recipient.name, finding.goods.category), finding)
    rule = "supplier named as 'another' of the previous sentence's relation"
    return [
        replace(f, supplier=org, rules=[*f.rules, rule])
        for org in orgs
        for f in seen.values()
    ]


def _supply_mention(
    article: Article, sentence: SentenceInfo, finding: SupplyFinding
) -> ClaimMention:
    goods = finding.goods
    key = (
        article.id,
        "supply",
        str(sentence.start),
        finding.supplier.name,
        finding.recipient.name,
        goods.category,
        goods.text,
    )
    features = [FeatureScore(name=rule, value=1.0, weight=1.0) for rule in finding.rules]
    features.append(
        FeatureScore(name=f"goods '{goods.text}' -> {goods.category}", value=1.0, weight=1.0)
    )
    return ClaimMention(
        id=stable_id("m", *key),
        article=article.id,
        kind=ClaimKind.SUPPLY,
        start=sentence.start,
        end=sentence.end,
        text=sentence.text,
        supplier=finding.supplier.name,
        recipient=finding.recipient.name,
        goods=goods.text,
        goods_category=goods.category,
        end_use=finding.end_uses,
        hedge=finding.hedge,
        negated=finding.negated,
        intent=finding.intent,
        attribution=source_of(sentence),
        explanation=Explanation(score=1.0, features=features, summary=_summary(finding)),
    )


def _summary(finding: SupplyFinding) -> str:
    label = load_taxonomy().label(finding.goods.category)
    verb = "does not supply" if finding.negated else "supplies"
    if finding.intent and not finding.negated:
        verb = f"supplies ('{finding.intent}': planned or considered, not stated as done)"
    return f"{finding.supplier.name} {verb} {label} to {finding.recipient.name}"
