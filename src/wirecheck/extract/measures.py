"""What a quantity measures, as normalised words the alignment stage can group on.

``"<kind> of <thing>"`` where kind is ``share`` (percentages), ``value`` (money) or
``count``, and thing is the goods category label when the measured noun phrase names
goods ("90% of chips" and "90 per cent of the microelectronics" -> "share of
microelectronics"), else the lemmas of the measured noun and its modifiers, without
country words ("Trade between A and B hit $240bn" -> "value of trade").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wirecheck.extract.goods import load_taxonomy
from wirecheck.extract.goods_spans import GoodsHit
from wirecheck.model import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_KIND = {"%": "share", "count": "count"}
_LINKS = ("of", "in", "on", "for")
_MODIFIER_DEPS = ("compound", "amod", "nmod")
# Nouns that only frame a value ("a record $240bn", "a total of"): measure the subject instead.
_VALUE_NOUNS = frozenset({"record", "total", "high", "sum", "figure", "level", "amount", "peak"})
_SKIP_ENTS = frozenset({"NORP", "GPE", "DATE", "MONEY", "PERCENT", "CARDINAL", "ORG"})


def measure_of(doc: Doc, quantity: Quantity, goods: list[GoodsHit]) -> str | None:
    span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    kind = _KIND.get(quantity.unit, "value")
    for noun in _candidates(span.root, span.end, doc, quantity.unit):
        thing = _thing(noun, goods)
        if thing:
            return f"{kind} of {thing}"
    return None


def _candidates(root: Token, after: int, doc: Doc, unit: str) -> list[Token]:
    """Nouns the quantity may measure, most specific first."""
    out: list[Token] = []
    for link in (*root.children, *(doc[after : after + 1])):
        if link.lower_ in _LINKS and link.dep_ == "prep":
            out.extend(o for o in link.children if o.dep_ == "pobj" and o.ent_type_ != "DATE")
    if root.head.lower_ == "worth" and root.head.head != root.head:
        out.append(root.head.head)
    out.extend(_governed_by(root))
    modifies = root.dep_ in ("nummod", "quantmod", "compound", "amod")
    if modifies and root.head.pos_ == "NOUN" and root.head.lemma_ not in _VALUE_NOUNS:
        out.append(root.head)
    if unit == "count":
        nxt = _next_noun(doc, after)
        out.extend([nxt] if nxt is not None else [])
    subject = _clause_subject(root)
    out.extend([subject] if subject is not None else [])
    verb = _clause_verb(root)
    out.extend([verb] if verb is not None else [])  # goods anywhere in the clause
    return out


def _governed_by(root: Token) -> list[Token]:
    """The noun a prepositional quantity belongs to: "a pay rise of 9%" -> rise; "agreed
    to buy the project for $80 million" -> the verb's object (project)."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("of", "for") or prep.head == prep:
        return []
    owner = prep.head
    if owner.pos_ == "NOUN" and owner.lemma_ not in _VALUE_NOUNS:
        return [owner]
    if owner.pos_ == "VERB" and prep.lower_ == "for":
        return [c for c in owner.children if c.dep_ == "dobj"]
    return []


def _clause_verb(token: Token) -> Token | None:
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head == token:
            return None
        token = token.head
    return None


def _next_noun(doc: Doc, start: int) -> Token | None:
    for token in doc[start : start + 4]:
        if token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in ("GPE", "NORP"):
            return token
        if token.pos_ in ("VERB", "ADP", "PUNCT"):
            return None
    return None


def _clause_subject(token: Token) -> Token | None:
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX"):
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            return subjects[0] if subjects else None
        if token.head == token:
            return None
        token = token.head
    return None


def _thing(noun: Token, goods: list[GoodsHit]) -> str:
    subtree = {t.i for t in noun.subtree}
    for hit in goods:
        if hit.head in subtree:
            return load_taxonomy().label(hit.category)
    if noun.pos_ in ("VERB", "AUX"):
        return ""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.like_num or noun.ent_type_ in _SKIP_ENTS:
        return ""
    if noun.lemma_.lower() in _VALUE_NOUNS or noun.lower_ in ("%", "$", "percent", "cent"):
        return ""
    words = [
        t.lemma_.lower()
        for t in noun.lefts
        if t.dep_ in _MODIFIER_DEPS and t.ent_type_ not in _SKIP_ENTS and t.is_alpha
    ]
    return " ".join([*words, noun.lemma_.lower()])
