"""Supply relations in one parsed sentence: supplier -> recipient : goods (-> end use).

A trigger (supply verb, receive verb, "come from", supply noun) governs the goods in
its subtree. Roles by trigger kind:

* active  "X supplied Y to Z" / "X provided Z with Y" / "X's sales of Y to Z"
* passive "Y was supplied (to Z) by X"
* receive "Z obtained/received Y from X" / "... manufactured by X"
* origin  "Z's Y came from X"

Named organisations are preferred over a country adjective standing for them ("Chinese
groups - including A, B and C - were providing ...": A, B, C), also when they are listed
in the next sentence ("They are A; B; C").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wirecheck.entities.names import untitled
from wirecheck.extract.actors import Actor
from wirecheck.extract.attribution import hedge_of
from wirecheck.extract.goods_spans import GoodsHit, end_uses_under, goods_end_uses, refine
from wirecheck.extract.lexicon import ATTITUDE_VERBS
from wirecheck.extract.roles import (
    Trigger,
    direct_recipient,
    ended_up_in,
    find_triggers,
    group_subject,
    helped_party,
    located_in_group,
    nearest_left,
    negation,
    prep_objects,
    subject_actors,
    subject_token,
    via_actor,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Words of a following sentence that names the members of a group ("... named A, B and C").
_LIST_CUES = ("named ", "naming ", "identified ", "as the main", "listed ")
_LIST_OPENERS = (
    "they are",
    "these are",
    "they include",
    "these include",
    "those are",
    "they were",
    "the companies are",
    "the firms are",
)
# Tokens between a goods word and a trigger it may attach to when the parse links neither.
_MAX_LINEAR_DISTANCE = 8


@dataclass(frozen=True)
class SupplyFinding:
    supplier: Actor
    recipient: Actor
    goods: GoodsHit
    end_uses: list[str]
    hedge: str | None
    negated: bool
    rules: list[str] = field(default_factory=list)
    intent: str | None = None  # "considering": a plan or an option, not a supply


@dataclass(frozen=True)
class SentenceParts:
    sent: Span
    actors: list[Actor]
    goods: list[GoodsHit]
    next_text: str = ""
    next_actors: list[Actor] = field(default_factory=list)
    recipient_fallback: bool = True  # settings.extract.recipient_fallback
    default_recipient: str | None = None  # the article's recipient so far
    seen_recipients: list[str] = field(default_factory=list)  # filled while extracting


def supply_in_sentence(parts: SentenceParts) -> list[SupplyFinding]:
    if not parts.goods:
        return []
    triggers = find_triggers(parts.sent)
    findings: list[SupplyFinding] = []
    for trigger, hits in _assign(parts.sent, triggers, parts.goods).items():
        findings.extend(_relations(parts, trigger, hits))
    return findings


def _assign(
    sent: Span, triggers: list[Trigger], goods: list[GoodsHit]
) -> dict[Trigger, list[GoodsHit]]:
    by_index = {t.token: t for t in triggers}
    for trigger in triggers:  # "X used to make W came from Y": X is also came's subject
        subject = subject_token(sent.doc[trigger.token])
        if subject is not None and subject.head.i != trigger.token:
            by_index.setdefault(subject.i, trigger)
    out: dict[Trigger, list[GoodsHit]] = {}
    for hit in goods:
        head = sent.doc[hit.head]
        chosen = next((by_index[a.i] for a in head.ancestors if a.i in by_index), None)
        if chosen is None and triggers:
            near = min(triggers, key=lambda t: abs(t.token - hit.head))
            chosen = near if abs(near.token - hit.head) <= _MAX_LINEAR_DISTANCE else None
        if chosen is not None:
            out.setdefault(chosen, []).append(hit)
    return out


def _relations(parts: SentenceParts, trigger: Trigger, hits: list[GoodsHit]) -> list[SupplyFinding]:
    token = parts.sent.doc[trigger.token]
    rules: list[str] = [f"trigger '{token.text}' ({trigger.kind})"]
    suppliers = _suppliers(parts, trigger, rules)
    recipients = _recipients(parts, trigger, suppliers, rules)
    parts.seen_recipients.extend(r.name for r in recipients if r.start >= 0)
    if not suppliers or not recipients:
        return []
    negated, intent = negation(token)
    hedge = _hedge(parts.sent, token)
    heads = [h.head for h in hits]
    uses = {h.head: end_uses_under(token, heads, owner=h.head) for h in hits}
    out = []
    for supplier in suppliers:
        for recipient in recipients:
            if supplier.name == recipient.name:
                continue
            for hit in hits:
                stated = uses[hit.head]
                refined = refine(hit, list(dict.fromkeys([*hit.end_uses, *stated])))
                end_uses = goods_end_uses(refined, stated)
                out.append(
                    SupplyFinding(
                        supplier, recipient, refined, end_uses, hedge, negated, rules, intent
                    )
                )
    return out


def _suppliers(
    parts: SentenceParts, trigger: Trigger, rules: list[str]
) -> list[Actor]:
    token, actors = parts.sent.doc[trigger.token], parts.actors
    if trigger.kind in ("receive", "origin"):
        found = prep_objects(token, ("from",), actors) or prep_objects(token, ("by",), actors)
        rules.append("supplier after 'from'/'by'" if found else "no supplier")
    elif trigger.kind in ("passive", "made_by"):
        found = prep_objects(token, ("by",), actors) or subject_actors(token, actors, rules)
    else:
        found = subject_actors(token, actors, rules)
        if not found and token.pos_ != "NOUN":
            found = nearest_left(token, parts.sent, actors, skip=set())
            rules.append("supplier: nearest actor before the verb")
    found = [a for a in found if not located_in_group(parts.sent.doc, a)]
    generic = not found and group_subject(token)
    # one kind of goods in the whole sentence: with several, which listed firm sold which
    # is not said
    single = len({h.category for h in parts.goods}) == 1
    return _prefer_named(parts, found, generic, single, rules)


def _prefer_named(
    parts: SentenceParts, found: list[Actor], generic: bool, single: bool, rules: list[str]
) -> list[Actor]:
    orgs = [a for a in found if a.kind == "organization"]
    if orgs:
        return _unique(orgs)
    unnamed = generic or (found and all(a.generic for a in found))
    if unnamed and single and _lists_next(parts):
        named = [
            a for a in parts.next_actors if a.kind == "organization" and untitled(a.name) is None
        ]
        if len(named) >= 1:
            rules.append("suppliers named in the next sentence")
            return _unique(named)
    return _unique(found[:1]) if found else []


def _lists_next(parts: SentenceParts) -> bool:
    text = parts.next_text.strip().lower()
    if text.startswith(_LIST_OPENERS):
        return True
    orgs = [a for a in parts.next_actors if a.kind == "organization"]
    return len(orgs) >= 2 and any(cue in text for cue in _LIST_CUES)


def _recipients(
    parts: SentenceParts, trigger: Trigger, suppliers: list[Actor], rules: list[str]
) -> list[Actor]:
    token = parts.sent.doc[trigger.token]
    actors = [
        a
        for a in parts.actors
        if a.name not in {s.name for s in suppliers} and not via_actor(parts.sent.doc, a)
    ]
    if trigger.kind == "receive":
        found = subject_actors(token, actors, rules) or nearest_left(
            token, parts.sent, actors, set()
        )
    elif trigger.kind in ("origin", "made_by"):
        subject = subject_token(token)
        found = [a for a in actors if subject and a.start in {t.i for t in subject.subtree}]
    else:
        by = () if trigger.kind == "passive" else ("by",)
        found = (
            prep_objects(token, ("to",), actors)
            or direct_recipient(token, actors)
            or prep_objects(token, by, actors)
            or helped_party(token, actors)
            or ended_up_in(parts.sent, actors)
        )
    if found:
        rules.append("recipient from the parse")
        return _unique([a for a in found if a.kind == "country"][:1] or found[:1])
    if not parts.recipient_fallback:
        return []
    near = [a for a in actors if not _describes(parts.sent.doc, a, suppliers)]
    found = _fallback_recipient(parts, near, rules)
    if found or token.pos_ == "NOUN":  # a supply noun needs its recipient in the sentence
        return found
    return _earlier_recipient(parts, suppliers, rules)


def _describes(doc: Doc, actor: Actor, suppliers: list[Actor]) -> bool:
    """A country inside a supplier's own description ("X, a maker registered in Y")."""
    for supplier in suppliers:
        if supplier.start >= 0 and actor.start in {t.i for t in doc[supplier.end - 1].subtree}:
            return True
    return False


def _earlier_recipient(
    parts: SentenceParts, suppliers: list[Actor], rules: list[str]
) -> list[Actor]:
    """The recipient the article named before, when this sentence names none."""
    name = parts.default_recipient
    if name is None or name in {s.name for s in suppliers}:
        return []
    rules.append("recipient: the one named earlier in the article")
    return [Actor(name, "country", -1, -1)]


def _fallback_recipient(parts: SentenceParts, actors: list[Actor], rules: list[str]) -> list[Actor]:
    """The only other country in the sentence (preferring core grammatical roles)."""
    countries = [
        a for a in actors if a.kind == "country" and not a.generic and not _is_source(parts.sent, a)
    ]
    names = {a.name for a in countries}
    if len(names) > 1:
        core = [a for a in countries if _core_role(parts.sent.doc[a.end - 1])]
        names = {a.name for a in core} or names
        countries = core or countries
    if len(names) != 1:
        return []
    rules.append("recipient: the only other country in the sentence")
    return countries[:1]


def _core_role(token: Token) -> bool:
    if token.dep_ in ("nsubj", "dobj", "poss", "dative"):
        return True
    return token.dep_ in ("amod", "compound") and token.head.dep_ in ("pobj", "dobj", "nsubj")


def _is_source(sent: Span, actor: Actor) -> bool:
    """An actor inside the subject of an attribution verb ("US officials said")."""
    from wirecheck.extract.lexicon import ATTRIBUTION_VERBS

    token = sent.doc[actor.end - 1]
    for ancestor in [token, *token.ancestors]:
        if ancestor.dep_ in ("nsubj", "nsubjpass") and ancestor.head.lemma_ in ATTRIBUTION_VERBS:
            return True
    return False


def _hedge(sent: Span, token: Token) -> str | None:
    chain = [token, *list(token.ancestors)[:3]]
    attitude = next((t for t in chain[1:] if t.lemma_.lower() in ATTITUDE_VERBS), None)
    if attitude is not None:
        return attitude.lower_
    tokens = [c for t in chain for c in t.children]
    prefix = sent.text[: token.idx - sent.start_char]  # Doc.text would join the whole doc
    return hedge_of(tokens, prefix)


def _unique(actors: list[Actor]) -> list[Actor]:
    seen: dict[str, Actor] = {}
    for actor in actors:
        seen.setdefault(actor.name, actor)
    return list(seen.values())
