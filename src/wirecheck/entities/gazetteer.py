"""Second pass: find names of already-resolved entities that the tagger missed.

NER misses some list items and lowercase variants ("Acme technology"). Once the corpus has
given us an entity, each article is scanned for word windows whose comparison key equals
that entity's key (so word-order and legal-form variants are found too). Windows only grow
through words of the entities' own vocabulary, so the scan is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from wirecheck.entities.collect import located
from wirecheck.entities.groups import Group, Member

_WORD = re.compile(r"[^\W_]+")
_GAP = re.compile(r"[ \-.,&'’]*\Z")
_CONNECTORS = frozenset({"of", "and", "the", "for"})
_FILLER = _CONNECTORS | {"co", "ltd", "inc", "llc", "corp", "plc", "jsc"}
MAX_WINDOW = 10
FOUND_REASON = "same name found in the text (not tagged by NER)"


def find_missed(
    bodies: dict[str, str],
    groups: list[Group],
    tokens_of: Callable[[str], tuple[str, ...]],
    label: str,
) -> None:
    """Add to ``groups`` (in place) every untagged occurrence of their names in ``bodies``."""
    by_key = {" ".join(sorted(g.tokens)): g for g in groups if g.tokens}
    vocab = {tok for g in groups for tok in g.tokens} | _FILLER
    spans = _spans_by_article(groups)
    for article, body in bodies.items():
        tagged = spans.get(article, [])
        for start, end, group in _scan(body, by_key, vocab, tokens_of):
            clashes = _overlapping(tagged, start, end)
            if any(
                g is not group or (m.surface.end - m.surface.start) >= end - start
                for g, m in clashes
            ):
                continue  # another entity's span, or already found as long as this
            for clash in clashes:
                group.members.remove(clash[1])
                tagged.remove(clash)
            reason = FOUND_REASON
            if clashes:
                reason += f"; extends the tagged '{clashes[0][1].surface.text}'"
            found = Member(located(body[start:end], label, article, start), reason)
            group.members.append(found)
            tagged.append((group, found))


def _spans_by_article(groups: list[Group]) -> dict[str, list[tuple[Group, Member]]]:
    """Every member of ``groups`` under its article, in group order (an index, so that each
    found window is checked against its own article's spans, not the whole corpus's)."""
    index: dict[str, list[tuple[Group, Member]]] = {}
    for group in groups:
        for member in group.members:
            index.setdefault(member.surface.article, []).append((group, member))
    return index


def _overlapping(
    tagged: list[tuple[Group, Member]], start: int, end: int
) -> list[tuple[Group, Member]]:
    return [(g, m) for g, m in tagged if m.surface.start < end and start < m.surface.end]


def _scan(
    body: str,
    by_key: dict[str, Group],
    vocab: set[str],
    tokens_of: Callable[[str], tuple[str, ...]],
) -> list[tuple[int, int, Group]]:
    words = list(_WORD.finditer(body))
    lowered = [word.group().lower() for word in words]
    found: list[tuple[int, int, Group]] = []
    i = 0
    while i < len(words):
        # most words cannot start a name: tested here, not in a call per word
        first = lowered[i]
        if first not in vocab or first in _FILLER or words[i].group().islower():
            i += 1
            continue
        best = _longest_at(body, words, lowered, i, (by_key, vocab, tokens_of))
        if best is None:
            i += 1
            continue
        j, group = best
        found.append((words[i].start(), words[j].end(), group))
        i = j + 1
    return found


def _longest_at(
    body: str,
    words: list[re.Match[str]],
    lowered: list[str],
    i: int,
    index: tuple[dict[str, Group], set[str], Callable[[str], tuple[str, ...]]],
) -> tuple[int, Group] | None:
    """The longest name starting at word ``i`` (a word of the vocabulary, capitalised)."""
    by_key, vocab, tokens_of = index
    best: tuple[int, Group] | None = None
    for j in range(i, min(i + MAX_WINDOW, len(words))):
        if j > i and (
            lowered[j] not in vocab
            or not _GAP.fullmatch(body[words[j - 1].end() : words[j].start()])
        ):
            break
        if lowered[j] in _CONNECTORS:
            continue  # a name does not end on "and"/"of"
        key = " ".join(sorted(tokens_of(body[words[i].start() : words[j].end()])))
        if key in by_key:
            best = (j, by_key[key])
    return best
