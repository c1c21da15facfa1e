"""Names listed alongside organisations: "A, B and C" where A and B are organisations.

The tagger often misses the last or a middle item of an enumeration of companies. When two
organisation spans stand next to each other in a list (separated by a comma, a semicolon or
"and"), the capitalised name that continues the list is taken as an organisation too, with
the list as its evidence. Countries and known people are left to their own resolvers.
"""

from __future__ import annotations

import itertools
import re

from wirecheck.entities.collect import Surface

_SEP = r"\s*(?:[,;]\s*(?:and\s+)?|and\s+)(?:the\s+)?"
_NAME = r"[A-Z0-9][\w\-.&]*(?:\s+(?:of\s+|and\s+)?[A-Z0-9][\w\-.&]*){0,7}"
_NEXT = re.compile(rf"^{_SEP}(?P<name>{_NAME})")
_BETWEEN = re.compile(rf"^{_SEP}$")


def list_siblings(bodies: dict[str, str], spans: list[Surface]) -> list[Surface]:
    """Untagged names continuing a list of at least two tagged organisations."""
    by_article: dict[str, list[Surface]] = {}
    for span in spans:
        if span.start >= 0:
            by_article.setdefault(span.article, []).append(span)
    found: list[Surface] = []
    for article, items in by_article.items():
        body = bodies.get(article, "")
        items.sort(key=lambda s: s.start)
        taken = {(s.start, s.end) for s in items}
        for prev, anchor in itertools.pairwise(items):
            if not _BETWEEN.match(body[prev.end : anchor.start]):
                continue
            found.extend(_continue_list(body, article, anchor, prev, taken))
    return _dedupe(found)


def _continue_list(
    body: str, article: str, anchor: Surface, prev: Surface, taken: set[tuple[int, int]]
) -> list[Surface]:
    out: list[Surface] = []
    cursor = anchor
    while True:
        match = _NEXT.match(body[cursor.end : cursor.end + 160])
        if match is None:
            return out
        name = match.group("name").rstrip(".")
        start = cursor.end + match.start("name")
        end = start + len(name)
        if any(s < end and start < e for s, e in taken):
            return out
        note = f"listed with the organisations '{prev.text}' and '{anchor.text}'"
        cursor = Surface(name, "ORG", article, start, end, note)
        out.append(cursor)


def _dedupe(found: list[Surface]) -> list[Surface]:
    seen: set[tuple[str, int]] = set()
    out: list[Surface] = []
    for surface in found:
        if (surface.article, surface.start) not in seen:
            seen.add((surface.article, surface.start))
            out.append(surface)
    return out
