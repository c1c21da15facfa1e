"""Named-entity spans from the one spaCy Doc, repaired for organisation names.

spaCy's small model splits or misses long organisation names and drops legal forms.
Generic repairs (no name lists):

* trim determiners, possessives, bullets and line breaks from spans;
* drop ORG/PERSON spans without a capital letter ("state", "treasury") and ORG spans that
  are goods words ("UAV" in "UAV engines");
* extend ORG spans over following legal forms and organisation heads ("Co. Ltd.",
  "technology");
* a run of proper nouns ending in an organisation head ("... Research Institute") is an
  ORG, replacing any smaller entity inside it;
* proper-noun runs listed together with a known ORG ("A, B and C", "A; B; C") are ORGs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wirecheck.entities.names import untitled
from wirecheck.extract.goods import load_taxonomy, split_words
from wirecheck.extract.lexicon import LEGAL_FORMS, ORG_HEADS
from wirecheck.model import EntityMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP"})
_SEPARATORS = frozenset({",", ";", "and", "or", "&"})
_LEADING = frozenset({"the", "The", "•", "-", "—"})

Span3 = tuple[int, int, str]  # token start, token end (exclusive), label


def entity_spans(doc: Doc) -> list[Span3]:
    """Repaired entity token spans of ``doc`` (labels ORG/PERSON/GPE/NORP), in order."""
    spans = [_trim(doc, e.start, e.end, e.label_) for e in doc.ents if e.label_ in LABELS]
    kept = [s for s in spans if s is not None and _plausible(doc, s)]
    kept = [_extend_org(doc, s) if s[2] == "ORG" else s for s in kept]
    kept = _merge(kept, _org_runs(doc))
    kept = _merge(kept, _listed_orgs(doc, kept))
    return _merge(kept, _short_names(doc, kept))


def country_name(text: str) -> str | None:
    from wirecheck.extract.actors import country_name as lookup

    return lookup(text)


def _short_names(doc: Doc, spans: list[Span3]) -> list[Span3]:
    """Later bare mentions of an organisation's first word ("Novamark" after "Novamark
    Semiconductor Corp.") or of its name without the legal form, where NER missed them:
    news names a firm in full once, then by its short name."""
    names: dict[str, set[tuple[str, ...]]] = {}  # first word -> known name word runs
    for start, end, label in spans:
        if label == "ORG" and doc[start].pos_ == "PROPN" and doc[start].is_title:
            words = tuple(t.text for t in doc[start:end] if t.is_alpha)
            names.setdefault(doc[start].text, set()).add(words)
    # tokens of other names stay theirs, except spans NER labelled otherwise that repeat an
    # organisation's name ("Novamark" tagged GPE, "Novamark Dynamics" tagged PERSON after
    # "Novamark Dynamics Ltd." was an ORG): a country never is relabelled
    known = {w for runs in names.values() for w in runs}
    taken = {
        i
        for s, e, label in spans
        if label == "ORG" or (e - s > 1 and tuple(t.text for t in doc[s:e]) not in known)
        for i in range(s, e)
    }
    found: list[Span3] = []
    for token in doc:
        if token.text not in names or token.i in taken or country_name(token.text) is not None:
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN":
            length = _known_run(doc, token.i, names[token.text])
            if length > 1 and not taken & set(range(token.i, token.i + length)):
                found.append((token.i, token.i + length, "ORG"))
            continue  # otherwise part of a longer name we do not know
        found.append((token.i, token.i + 1, "ORG"))
    return found


def _known_run(doc: Doc, start: int, known: set[tuple[str, ...]]) -> int:
    """Length of the longest known name (or its start) written at ``start``, else 0."""
    best = 0
    for words in known:
        size = 0
        limit = min(len(words), len(doc) - start)
        while size < limit and doc[start + size].text == words[size]:
            size += 1
        after = doc[start + size] if start + size < len(doc) else None
        if size >= 2 and (after is None or after.pos_ != "PROPN"):
            best = max(best, size)
    return best


def entity_mentions(doc: Doc, article_id: str, spans: list[Span3]) -> list[EntityMention]:
    out = []
    for start, end, label in spans:
        span = doc[start:end]
        out.append(
            EntityMention(
                article=article_id,
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                label=label,
            )
        )
    return out


def _trim(doc: Doc, start: int, end: int, label: str) -> Span3 | None:
    for index in range(start, end):
        if "\n" in doc[index].text:
            start = index + 1
    while start < end and (doc[start].text in _LEADING or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’") or doc[end - 1].is_punct):
        end -= 1
    return (start, end, label) if end > start else None


def _plausible(doc: Doc, span: Span3) -> bool:
    start, end, label = span
    if label in ("ORG", "PERSON") and not any(t.text[:1].isupper() for t in doc[start:end]):
        return False
    if label == "ORG" and end - start == 1:  # "Navigation" of "Navigation modules ..."
        goods = load_taxonomy().goods
        pair = doc[start : end + 1].text
        return goods.lookup(doc[start].text) is None and goods.lookup(pair) is None
    return True


def _extend_org(doc: Doc, span: Span3) -> Span3:
    start, end, label = span
    while end < len(doc) and _org_tail(doc, end):
        end += 1
    return start, end, label


def _org_tail(doc: Doc, index: int) -> bool:
    token = doc[index]
    lower = token.lower_
    if lower in LEGAL_FORMS or lower.rstrip(".") in LEGAL_FORMS:
        return True
    if token.text == "." and index > 0 and doc[index - 1].lower_ in LEGAL_FORMS:
        return not _sentence_final_period(doc, index)
    return lower in ORG_HEADS and token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound"


def _sentence_final_period(doc: Doc, index: int) -> bool:
    nxt = doc[index + 1] if index + 1 < len(doc) else None
    return nxt is None or nxt.is_sent_start is True or nxt.is_space


def _name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" or (token.is_alpha and token.text[:1].isupper())


def _run_end(doc: Doc, start: int) -> int:
    """End of a proper-noun name run starting at ``start`` (hyphens, "of", heads allowed)."""
    index = start
    while index < len(doc):
        token = doc[index]
        nxt = doc[index + 1] if index + 1 < len(doc) else None
        joiner = token.text == "-" or token.lower_ == "of"
        if (
            _name_word(token)
            or token.lower_ in ORG_HEADS
            or token.lower_ in LEGAL_FORMS
            or (joiner and index > start and nxt is not None and _name_word(nxt))
            or (token.text == "." and index > start and doc[index - 1].lower_ in LEGAL_FORMS)
        ):
            index += 1
        else:
            break
    while index > start and (doc[index - 1].text in (".", "-") or doc[index - 1].lower_ == "of"):
        index -= 1
    return index


def _org_runs(doc: Doc) -> list[Span3]:
    """Proper-noun runs of two or more words ending in an organisation head."""
    out: list[Span3] = []
    index = 0
    while index < len(doc):
        if not _name_word(doc[index]) or (doc[index].is_sent_start and doc[index].pos_ != "PROPN"):
            index += 1
            continue
        end = _run_end(doc, index)
        words = [t for t in doc[index:end] if t.is_alpha]
        heads = [t for t in words if t.lower_ in ORG_HEADS or t.lower_ in LEGAL_FORMS]
        titled = untitled(doc[index:end].text) is not None  # "Industry Minister Given Name"
        if len(words) >= 2 and heads and any(t.pos_ == "PROPN" for t in words) and not titled:
            out.append((index, end, "ORG"))
        index = max(end, index + 1)
    return out


def _listed_orgs(doc: Doc, spans: list[Span3]) -> list[Span3]:
    """Name runs separated by list punctuation from a known ORG become ORGs."""
    orgs = [s for s in spans if s[2] == "ORG"]
    found: list[Span3] = []
    for _, end, _ in orgs:
        found.extend(_follow_list(doc, end))
    return found


def _follow_list(doc: Doc, index: int) -> list[Span3]:
    found: list[Span3] = []
    while True:
        cursor = index
        while cursor < len(doc) and doc[cursor].lower_ in _SEPARATORS:
            cursor += 1
        if cursor == index:
            return found
        if cursor < len(doc) and doc[cursor].lower_ == "the":
            cursor += 1
        if cursor >= len(doc) or not _name_word(doc[cursor]):
            return found
        end = _run_end(doc, cursor)
        if end <= cursor or (
            doc[cursor].ent_type_ in ("PERSON", "GPE", "NORP") and end - cursor == 1
        ):
            return found
        found.append((cursor, end, "ORG"))
        index = end


def _merge(spans: list[Span3], extra: list[Span3]) -> list[Span3]:
    """Add ``extra`` spans; an extra span replaces the spans it strictly contains."""
    result = list(spans)
    for new in extra:
        overlapping = [s for s in result if s[0] < new[1] and new[0] < s[1]]
        if all(new[0] <= s[0] and s[1] <= new[1] for s in overlapping):
            result = [s for s in result if s not in overlapping] + [new]
    return sorted(set(result))


def organisation_name(text: str) -> str:
    """Display name of an organisation: legal forms and trailing dots removed."""
    words = text.replace("’s", "").replace("'s", "").split()
    while words and (words[-1].lower().strip(".,") in LEGAL_FORMS or words[-1] in (".", ",")):
        words.pop()
    while words and words[0].lower() == "the":
        words.pop(0)
    return " ".join(words).strip(" .,;") or text


def is_goods_word(text: str) -> bool:
    return bool(split_words(text)) and load_taxonomy().goods.lookup(text) is not None
