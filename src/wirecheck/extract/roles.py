"""Supplier / recipient roles around a supply trigger, read from the dependency parse.

Dependency first (subject, "to"/"with" objects, "from"/"by" phrases); when the small
parser gets a clause wrong, a linear fallback takes the nearest actor left of the
trigger after the attribution verb. Each rule that fired is named, for the explanation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wirecheck.extract.actors import Actor
from wirecheck.extract.lexicon import (
    ACCUSE_VERBS,
    ATTRIBUTION_VERBS,
    GROUP_NOUNS,
    NEGATING_VERBS,
    ORIGIN_VERBS,
    RECEIVE_VERBS,
    SUPPLY_NOUNS,
    SUPPLY_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

OBJECT_CONTROL = frozenset(
    {
        "convince",
        "persuade",
        "urge",
        "press",
        "push",
        "pressure",
        "force",
        "allow",
        "help",
        "ask",
        "encourage",
        "enable",
        "get",
    }
)
_CLIMB = frozenset({"xcomp", "advcl", "conj", "pcomp", "prep", "dobj", "pobj", "acl", "relcl"})
_MAKE = frozenset({"make", "manufacture", "produce", "build"})
_HELP = frozenset({"help", "enable", "allow", "assist"})
_INTENT = frozenset({"consider", "plan", "intend", "propose", "threaten", "weigh", "mull"})


@dataclass(frozen=True)
class Trigger:
    token: int
    kind: str  # active | passive | receive | origin


def find_triggers(sent: Span) -> list[Trigger]:
    out: list[Trigger] = []
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX"):
            if lemma in SUPPLY_VERBS:
                passive = any(c.dep_ in ("auxpass", "agent") for c in token.children)
                out.append(Trigger(token.i, "passive" if passive else "active"))
            elif lemma in RECEIVE_VERBS:
                out.append(Trigger(token.i, "receive"))
            elif lemma in ORIGIN_VERBS and any(c.lower_ == "from" for c in token.children):
                out.append(Trigger(token.i, "origin"))
            elif lemma in _MAKE and any(c.dep_ == "agent" for c in token.children):
                out.append(Trigger(token.i, "made_by"))  # "Y were made by X"
        elif token.pos_ == "NOUN" and lemma in SUPPLY_NOUNS and token.dep_ != "compound":
            out.append(Trigger(token.i, "active"))
    return out


def _in(actors: list[Actor], tokens: set[int]) -> list[Actor]:
    return [a for a in actors if a.start in tokens or (a.end - 1) in tokens]


def _subtree(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def subject_actors(trigger: Token, actors: list[Actor], rules: list[str]) -> list[Actor]:
    """Actors of the (possibly inherited) subject of ``trigger``."""
    token = trigger
    for _ in range(6):
        found = [] if _helped_clause(token, trigger) else _subject_here(token, trigger, actors)
        if found:
            rules.append(f"subject of '{token.text}'")
            return found
        head = token.head
        if head == token or token.dep_ not in _CLIMB:
            break
        if token == trigger and trigger.pos_ == "NOUN" and token.dep_ != "dobj":
            break  # "support of arms sales to X": the sales are not the clause's own
        found = _controller(token, head, actors)
        if found:
            rules.append(f"object of '{head.text}'")
            return found
        if head.lemma_ in ATTRIBUTION_VERBS or _names_a_group(head):
            break
        token = head
    return []


def _names_a_group(verb: Token) -> bool:
    """ "X named three firms it says sold ...": the firms sold; X only named them."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in GROUP_NOUNS for c in verb.children)


def subject_token(verb: Token) -> Token | None:
    """The verb's subject, or the subject it shares with the verb it is coordinated with."""
    for _ in range(2):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            return subjects[0]
        if verb.dep_ != "conj" or verb.head == verb:
            return None
        verb = verb.head
    return None


def _helped_clause(token: Token, trigger: Token) -> bool:
    """ "X is helping Z undertake W, ramping up sales": Z is helped, not the seller."""
    return token != trigger and token.dep_ in ("ccomp", "xcomp") and token.head.lemma_ in _HELP


def _subject_here(token: Token, trigger: Token, actors: list[Actor]) -> list[Actor]:
    deps = ("nsubj", "nsubjpass", "poss")
    if token.pos_ == "NOUN" and token == trigger:
        deps = ("poss", "amod", "compound")  # "China's exports", "Chinese sales"
    for child in token.children:
        if child.dep_ in deps and child.i != trigger.i:
            found = _in(actors, _subtree(child))
            if found:
                return found
    if token.pos_ == "NOUN" and token != trigger:  # "pressure on X to stop supplying"
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "for"):
                found = _in(actors, _subtree(child))
                if found:
                    return found
    return []


def _controller(token: Token, head: Token, actors: list[Actor]) -> list[Actor]:
    """ "accused X of supplying", "convinced X to stop exporting": X is the supplier."""
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if head.lemma_ in ACCUSE_VERBS or (head.lemma_ in OBJECT_CONTROL and infinitive):
        objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        return _in(actors, set().union(*(_subtree(o) for o in objects))) if objects else []
    return []


def nearest_left(trigger: Token, sent: Span, actors: list[Actor], skip: set[str]) -> list[Actor]:
    """The nearest actor (or listed organisations) left of the trigger, after any attribution."""
    floor = sent.start
    for token in sent:
        if token.i < trigger.i and token.lemma_ in ATTRIBUTION_VERBS and token.pos_ == "VERB":
            floor = token.i
    left = [a for a in actors if floor <= a.start < trigger.i and a.name not in skip]
    if not left:
        return []
    orgs = [a for a in left if a.kind == "organization"]
    if orgs:  # named organisations before the verb are its subject more often than a country
        return [a for a in orgs if a.start >= orgs[-1].start - 24]
    return [left[-1]]


def negation(trigger: Token) -> tuple[bool, str | None]:
    """(negated, intent) from the trigger and the verbs it hangs from."""
    token, intent = trigger, None
    for _ in range(4):
        if any(c.dep_ == "neg" for c in token.children) or token.lemma_ in NEGATING_VERBS:
            return True, intent
        if token.lower_ == "short" or any(c.lower_ == "short" for c in token.children):
            return True, intent
        if token.lemma_ in _INTENT and intent is None:
            intent = token.lower_
        if (
            token.dep_ not in _CLIMB
            or token.head == token
            or token.head.lemma_ in ATTRIBUTION_VERBS
        ):
            break
        token = token.head
    return False, intent


def prep_objects(root: Token, preps: tuple[str, ...], actors: list[Actor]) -> list[Actor]:
    """Actors under the first ``preps`` preposition in the subtree of ``root``."""
    for token in root.subtree:
        if token.lower_ in preps and token.dep_ in ("prep", "dative", "agent"):
            if token.head.lower_ == "according":  # "according to X" names a source
                continue
            found = _in(actors, _subtree(token))
            if found:
                return found
    return []


def direct_recipient(trigger: Token, actors: list[Actor]) -> list[Actor]:
    """ "provide Z with Y", "supply Z Y": the object actor of the trigger."""
    for child in trigger.children:
        if child.dep_ in ("dobj", "dative", "iobj"):
            found = _in(actors, {child.i})
            if found:
                return found
    return []


def helped_party(root: Token, actors: list[Actor]) -> list[Actor]:
    """ "... to help Z make W", "that Z is using to produce W": Z is the recipient."""
    for token in root.subtree:
        if token.i == root.i or token.lemma_ not in ("help", "use", "enable", "allow"):
            continue
        for child in token.children:
            if token.lemma_ == "use":
                places = {child.i} if child.dep_ == "nsubj" else set()
            elif child.dep_ == "dobj":
                places = {child.i}
            elif child.dep_ in ("ccomp", "xcomp"):
                places = {g.i for g in child.children if g.dep_ == "nsubj"}
            else:
                places = set()
            found = _in(actors, places)
            if found:
                return found
    return []


def ended_up_in(sent: Span, actors: list[Actor]) -> list[Actor]:
    """ "... goods that ended up in North Korean weapons": the place they ended up."""
    for token in sent:
        if token.lemma_ == "end" and any(c.lower_ == "up" for c in token.children):
            for prep in token.children:
                found = _in(actors, _subtree(prep)) if prep.lower_ in ("in", "with") else []
                if found:
                    return found
    return []


def via_actor(doc: Doc, actor: Actor) -> bool:
    """An actor named as a route ("through a trading house in X", "via X"), not an end."""
    token = doc[actor.end - 1]
    return any(a.lower_ in ("through", "via") for a in list(token.ancestors)[:4])


def located_in_group(doc: Doc, actor: Actor) -> bool:
    """A country that only locates a group ("companies in X"): not itself the supplier."""
    token = doc[actor.end - 1]
    while token.dep_ == "conj" and token.head != token:  # "in X and Y"
        token = token.head
    prep = token.head
    return (
        actor.kind == "country"
        and token.dep_ == "pobj"
        and prep.lower_ in ("in", "from")
        and prep.head.lemma_.lower() in GROUP_NOUNS
    )


def group_subject(trigger: Token) -> bool:
    """The supplier is an unnamed group ("three companies supplied ...")."""
    token = trigger
    for _ in range(4):
        subject = subject_token(token)
        if subject is None and token.head.lemma_ in ACCUSE_VERBS:
            subject = next((c for c in token.head.children if c.dep_ == "dobj"), None)
        if subject is not None:
            return subject.lemma_.lower() in GROUP_NOUNS
        agent = next((g for c in token.children if c.dep_ == "agent" for g in c.children), None)
        if agent is not None:
            return agent.lemma_.lower() in GROUP_NOUNS
        if token.dep_ not in _CLIMB or token.head == token:
            return False
        token = token.head
    return False
