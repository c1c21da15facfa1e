"""Who says so: attribution of a sentence, pronoun carry-over, hedges.

"US officials said ...", "..., the officials added", "according to a U.S. assessment",
"X told Reuters". A pronoun or generic definite source ("They said", "The officials
added", "he said") is carried back to the last named source of the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wirecheck.extract.lexicon import (
    ATTRIBUTION_VERBS,
    HEDGE_PHRASES,
    HEDGE_WORDS,
    PRONOUNS,
    SOURCE_HEADS,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_DROP_CHILDREN = frozenset({"relcl", "acl", "appos", "punct", "prep", "advcl", "cc", "conj"})
_HEDGE_PHRASE = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in HEDGE_PHRASES) + r")\b", re.IGNORECASE
)


@dataclass
class SourceContext:
    """Running state over one article's sentences (the last named sources)."""

    last_source: str | None = None
    last_person: str | None = None
    persons: dict[str, str] = field(default_factory=dict)  # surname -> full name
    history: list[str] = field(default_factory=list)  # named sources, oldest first

    def resolve(self, token: Token, phrase: str) -> str | None:
        """The earlier source a back reference points to ("they", "the officials")."""
        if token.lower_ in PRONOUNS:
            return self.last_source
        head = token.lemma_.lower()
        for source in reversed(self.history):
            if any(word.lower().rstrip("s") == head.rstrip("s") for word in source.split()):
                return source
        return None


@dataclass(frozen=True)
class Attribution:
    source: str  # resolved source wording ("senior US officials")
    verb: int  # token index of the attribution verb (-1 for "according to")
    named: bool  # the source is a named person or organisation
    person: str | None = None
    inherited: bool = False  # carried from the previous sentence of the paragraph


def attribute(sent: Span, context: SourceContext) -> Attribution | None:
    """The attribution of ``sent``, resolved against ``context`` (which it updates)."""
    found = _according_to(sent) or _verb_source(sent)
    if found is None:
        return None
    token_or_none, phrase, verb = found
    person = _person_in(sent, token_or_none)
    named = person is not None or _has_org(sent, token_or_none)
    if token_or_none is not None and person is None and _is_back_reference(token_or_none, phrase):
        resolved = context.resolve(token_or_none, phrase)
        if resolved is None:
            return Attribution(phrase, verb, named=False)
        person_pronoun = _is_person_pronoun(phrase) and context.last_person == resolved
        resolved_person = context.last_person if person_pronoun else None
        return Attribution(resolved, verb, resolved_person is not None, resolved_person)
    if person is not None:
        full = context.persons.get(person.split()[-1], person)
        context.persons[full.split()[-1]] = full
        context.last_person = person = phrase = full
    context.last_source = phrase
    context.history.append(phrase)
    return Attribution(phrase, verb, named, person)


def _according_to(sent: Span) -> tuple[Token | None, str, int] | None:
    for token in sent:
        if (
            token.lower_ == "according"
            and token.i + 1 < sent.end
            and sent.doc[token.i + 1].lower_ == "to"
        ):
            objects = [c for c in sent.doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                return objects[0], noun_phrase(objects[0]), -1
    return None


def _verb_source(sent: Span) -> tuple[Token | None, str, int] | None:
    verbs = [
        t
        for t in sent
        if t.lemma_ in ATTRIBUTION_VERBS and t.pos_ in ("VERB", "AUX") and _not_quoted(sent, t)
    ]
    verbs.sort(key=lambda t: (t.dep_ != "ROOT", t.i))
    for verb in verbs:
        if any(c.dep_ == "auxpass" for c in verb.children):  # "X is accused (by Y)"
            agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
            if agents:
                return agents[0], noun_phrase(agents[0]), verb.i
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects[0], noun_phrase(subjects[0]), verb.i
    return None


def _not_quoted(sent: Span, token: Token) -> bool:
    """False when the token sits inside quotation marks within its sentence."""
    before = sent.text[: token.idx - sent.start_char]  # Doc.text would join the whole doc
    return (before.count("“") - before.count("”")) <= 0 and before.count('"') % 2 == 0


def noun_phrase(token: Token) -> str:
    """The token with its left modifiers (no clauses, appositions or determiners)."""
    keep = [token]
    for child in token.lefts:
        if child.dep_ not in _DROP_CHILDREN and child.dep_ != "det":
            keep.extend(child.subtree)
    keep.sort(key=lambda t: t.i)
    text = " ".join(t.text for t in keep)
    return text.replace(" ’s", "’s").replace(" 's", "'s").replace(" .", ".").strip()


def _is_back_reference(token: Token | None, phrase: str) -> bool:
    if token is None:
        return False
    if token.lower_ in PRONOUNS:
        return True
    has_det = any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in token.children)
    bare = len(phrase.split()) <= 2
    return has_det and bare and token.lemma_.lower() in SOURCE_HEADS


def _is_person_pronoun(phrase: str) -> bool:
    return phrase.lower() in ("he", "she")


def _person_in(sent: Span, token: Token | None) -> str | None:
    if token is None:
        return None
    heads = {token.i} | {c.i for c in token.children if c.dep_ == "appos"}
    for ent in sent.ents:
        if ent.label_ == "PERSON" and ent.root.i in heads:  # not "Biden administration officials"
            return ent.text.replace("’s", "").replace("'s", "").strip()
    return None


def _has_org(sent: Span, token: Token | None) -> bool:
    if token is None:
        return False
    subtree = {t.i for t in token.subtree}
    return any(e.label_ == "ORG" and e.start in subtree for e in sent.ents)


def hedge_of(tokens: list[Token], text: str) -> str | None:
    """The first hedge word among ``tokens`` or hedge phrase in ``text``."""
    for token in tokens:
        if token.lower_ in HEDGE_WORDS and token.dep_ in ("advmod", "aux", "amod", "acomp"):
            return token.lower_
    match = _HEDGE_PHRASE.search(text)
    return match.group(1).lower() if match else None
