"""Goods and end uses inside one parsed sentence.

Goods come from the taxonomy lexicon (longest match over folded words), with
coordinated modifiers expanded ("cruise missile and drone engines" -> cruise missile
engines + drone engines). A goods word in an end-use position ("parts for drones",
"used to make weapons", "production of drones") is an end use, not goods.
End uses are read from "for X", "for use in X", "used to make/produce/build X",
"production/manufacture of X" and from weapon words inside the goods phrase.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from wirecheck.extract.goods import fold, load_taxonomy, split_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

PRODUCE_VERBS = frozenset(
    {
        "make",
        "produce",
        "build",
        "manufacture",
        "power",
        "equip",
        "assemble",
        "fire",
        "arm",
    }
)
# Nouns a goods word may modify and still be the goods ("machine tool imports").
TRADE_NOUNS = frozenset(
    {
        "import",
        "export",
        "sale",
        "shipment",
        "supply",
        "delivery",
        "purchase",
        "trade",
        "component",
        "part",
        "equipment",
    }
)
PRODUCTION_NOUNS = frozenset({"production", "manufacture", "manufacturing", "assembly"})
_RANGE_WORDS = frozenset({"everything", "range", "variety", "all", "anything", "things"})
_SKIP_END_USE = frozenset({"use", "purpose", "purposes", "war", "effort", "it", "them"})


@dataclass(frozen=True)
class GoodsHit:
    start: int  # token index of the first word
    end: int  # exclusive
    head: int  # token index of the head word
    category: str
    text: str
    end_uses: tuple[str, ...] = ()


def refine(hit: GoodsHit, end_uses: list[str]) -> GoodsHit:
    """A broad category made specific by its end use ("engines" for drones -> UAV engines)."""
    from dataclasses import replace

    table = load_taxonomy().refine.get(hit.category, {})
    for use in end_uses:
        if use in table:
            return replace(hit, category=table[use])
    return hit


def named_by_goods(hit: GoodsHit, use: str) -> bool:
    """An end use inside the goods' own name that its category already says ("drone
    engines" are UAV engines): part of what the goods are, not a purpose stated for them."""
    if use not in hit.end_uses:
        return False
    return any(table.get(use) == hit.category for table in load_taxonomy().refine.values())


def goods_end_uses(hit: GoodsHit, stated: list[str]) -> list[str]:
    """The goods' own end uses and those ``stated`` for them, in order, without an end use
    its name already says (``named_by_goods``) unless the sentence states it as a purpose."""
    return [u for u in dict.fromkeys([*hit.end_uses, *stated])
            if u in stated or not named_by_goods(hit, u)]


def find_goods(sent: Span, blocked: set[int]) -> list[GoodsHit]:
    """Goods phrases of ``sent``; tokens in ``blocked`` (organisation names) never match."""
    tokens = [t for t in sent if t.text not in ("-", "–")]
    words = [fold(t.text) for t in tokens]
    taxonomy = load_taxonomy()
    hits: list[GoodsHit] = []
    for match in taxonomy.goods.find(words):
        span_tokens = tokens[match.start : match.end]
        if any(t.i in blocked for t in span_tokens):
            continue
        head = span_tokens[-1]
        if in_end_use_position(head):
            continue
        text = sent.doc[span_tokens[0].i : head.i + 1].text
        uses = _inner_end_uses(words[match.start : match.end])
        hits.append(GoodsHit(span_tokens[0].i, head.i + 1, head.i, match.value, text, uses))
        hits.extend(_coordinated(tokens, match.start, head))
    return hits


def _inner_end_uses(words: list[str]) -> tuple[str, ...]:
    found = load_taxonomy().end_uses.find(words)
    return tuple(m.value for m in found if m.end - m.start < len(words))


def _coordinated(tokens: list[Token], start: int, head: Token) -> list[GoodsHit]:
    """ "A and B engines": if "A engines" is goods too, add it."""
    if start < 2 or tokens[start - 1].lower_ not in ("and", "or"):
        return []
    for width in (2, 1):
        first = start - 1 - width
        if first < 0:
            continue
        mods = tokens[first : start - 1]
        if not all(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in mods):
            continue
        phrase = " ".join([*(t.text for t in mods), head.text])
        category = load_taxonomy().goods.lookup(phrase)
        if category is not None and load_taxonomy().goods.lookup(mods[-1].text) is None:
            uses = _inner_end_uses(split_words(phrase))
            return [GoodsHit(mods[0].i, mods[-1].i + 1, head.i, category, phrase, uses)]
    return []


def in_end_use_position(token: Token) -> bool:
    """True for "parts for X", "used to make X", "production of X" (X and its conjuncts)."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    head = token.head
    modifier = token.dep_ in ("compound", "npadvmod", "nmod")
    if modifier and head.pos_ in ("NOUN", "VERB", "ADJ") and head.lemma_ not in TRADE_NOUNS:
        return True  # "weapons systems", "weapons-related": a modifier, not the goods
    if token.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_ == "use":
        return True  # "for use in X"
    if token.dep_ == "pobj" and head.lower_ == "for":
        return True
    if token.dep_ == "dobj" and head.lemma_ in PRODUCE_VERBS:
        return True
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in PRODUCTION_NOUNS:
        return True
    return (
        token.dep_ == "pobj" and head.lower_ in ("from", "to") and head.head.lower_ in _RANGE_WORDS
    )


def end_uses_under(root: Token, goods_heads: list[int], owner: int | None = None) -> list[str]:
    """End uses stated in the subtree of ``root`` (a supply trigger) or on its goods.

    With ``owner`` (a goods head), only the end uses of that goods and those stated for
    the whole relation: "servo motors and machine tools for attack drones" gives the
    drones to the tools alone, "carbon fibre, a material used to make airframes" to the
    carbon fibre alone; a purpose on the verb ("to help make weapons") is every goods'
    end use."""
    found: list[str] = []
    heads = set(goods_heads)
    for token in root.subtree:
        if owner is not None and _owning_goods(token, root, heads) not in (None, owner):
            continue
        if token.lemma_ in PRODUCE_VERBS and token.pos_ == "VERB":
            found.extend(_objects(token, ("dobj",)))
        elif token.lemma_ == "use" and token.pos_ == "VERB":  # "engines used in drones"
            found.extend(_objects(token, ("in",)))
        elif token.lemma_ == "end" and any(c.dep_ == "prt" for c in token.children):
            found.extend(_objects(token, ("in",)))  # "goods ended up in X's missiles"
        elif token.lower_ in PRODUCTION_NOUNS:
            found.extend(_objects(token, ("of",)))
        elif token.lower_ == "for" and token.dep_ == "prep" and _near_goods(token, goods_heads):
            found.extend(_objects(token, ("pobj",)))
    if root.dep_ == "conj":  # "Y used to make W came from X": the shared subject's purpose
        for child in root.head.children:
            if child.dep_ == "xcomp" and child.lemma_ in PRODUCE_VERBS:
                found.extend(_objects(child, ("dobj",)))
    return _dedupe(found)


def _owning_goods(token: Token, root: Token, heads: set[int]) -> int | None:
    """The nearest goods head above ``token`` below ``root`` (None: stated on the relation)."""
    for ancestor in token.ancestors:
        if ancestor.i == root.i:
            return None
        if ancestor.i in heads:
            return _right_attachment(ancestor, token, heads)
    return None


def _right_attachment(head: Token, token: Token, heads: set[int]) -> int | None:
    """The parser hangs a phrase after "A and B" on A. Right after B ("A and B for X", "A and
    B, a compound used to make X": only punctuation between) it is B's; after other words
    ("sold A and B to Z for use in X") it is the whole list's."""
    later = [c.i for c in head.conjuncts if c.i in heads and head.i < c.i < token.i]
    if not later:
        return head.i
    last = head.doc[max(later)]
    phrase = token
    while phrase.head.i != head.i:  # the phrase that hangs on A and holds ``token``
        phrase = phrase.head
    between = head.doc[last.right_edge.i + 1 : phrase.left_edge.i]
    return last.i if all(t.is_punct for t in between) else None


def _near_goods(prep: Token, goods_heads: list[int]) -> bool:
    head = prep.head
    while head.dep_ == "conj" and head.head != head:
        if head.i in goods_heads:
            return True
        head = head.head
    return head.i in goods_heads or head.pos_ in ("VERB", "AUX") or head.dep_ in ("appos",)


def _objects(token: Token, deps: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for child in token.children:
        if child.dep_ in deps or (child.dep_ == "prep" and child.lower_ in deps):
            targets = (
                [g for g in child.children if g.dep_ == "pobj"] if child.dep_ == "prep" else [child]
            )
            for target in targets:
                out.extend(_expand(target))
    return out


def _expand(token: Token) -> list[str]:
    """A noun with its conjuncts; "everything from X to Y", "use in X", "systems including X"."""
    items = [token, *[t for t in token.conjuncts if t.i > token.i]]
    out: list[str] = []
    for item in items:
        if item.lower_ in PRODUCTION_NOUNS:  # "used in the manufacture of ammunition"
            out.extend(_objects(item, ("of",)))
            continue
        if item.lower_ in _RANGE_WORDS or item.lower_ in _SKIP_END_USE:
            for prep in item.children:
                if prep.dep_ == "prep" and prep.lower_ in ("from", "to", "in", "including"):
                    out.extend(_expand_pobj(prep))
            continue
        out.append(normalise_end_use(item))
        for prep in item.children:
            if prep.dep_ == "prep" and prep.lower_ in ("including", "like", "such"):
                out.extend(_expand_pobj(prep))
    return [o for o in out if o]


def _expand_pobj(prep: Token) -> list[str]:
    out: list[str] = []
    for child in prep.children:
        if child.dep_ == "pobj":
            out.extend(_expand(child))
        elif child.dep_ == "prep":  # "such as X"
            out.extend(_expand_pobj(child))
    return out


def normalise_end_use(token: Token) -> str:
    """End-use name: the taxonomy's canonical end use, else the lemma phrase."""
    words = [
        t for t in token.lefts if t.dep_ in ("compound", "amod", "nmod") and t.ent_type_ != "NORP"
    ]
    phrase = " ".join([*(w.text for w in words), token.text])
    taxonomy = load_taxonomy()
    for candidate in (phrase, token.text):
        hit = taxonomy.end_uses.lookup(candidate)
        if hit is not None:
            return hit
    if token.pos_ not in ("NOUN", "PROPN") or token.lower_ in _SKIP_END_USE or token.ent_type_:
        return ""
    return " ".join([*(w.lemma_.lower() for w in words), token.lemma_.lower()])


def _dedupe(items: list[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.append(item)
    return seen
