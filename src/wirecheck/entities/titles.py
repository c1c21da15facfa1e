"""People named with a title of office, which the tagger sometimes misses.

Two generic patterns: a title before the name ("Premier Given Surname") and an apposition
after it ("Given Surname, the country's foreign minister,"). Photo captions removed by the
clean stage are read too (people shown in photos are named there), with no body span.
"""

from __future__ import annotations

import re

from rigour.text import is_stopword

from wirecheck.entities.collect import Surface
from wirecheck.entities.names import NAME_PATTERN as _NAME
from wirecheck.entities.names import TITLES
from wirecheck.model import Article, RemovalReason

_BEFORE = re.compile(rf"\b(?P<title>(?i:{TITLES}))\s+{_NAME}")
_AFTER = re.compile(rf"{_NAME},\s+(?:[\w'’\-]+\s+){{0,5}}?(?P<title>(?i:{TITLES}))\b")


def _names(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, title) of titled names; names must start with capitals."""
    found: list[tuple[int, int, str, str]] = []
    for pattern in (_BEFORE, _AFTER):
        for match in pattern.finditer(text):
            name = match.group("name")
            if is_stopword(name.split()[0].lower()):
                continue  # "On Friday, an official said": a sentence start, not a name
            found.append((match.start("name"), match.end("name"), name, match.group("title")))
    return found


def titled_people(articles: list[Article], taken: list[Surface]) -> list[Surface]:
    """Person surfaces found by title patterns in bodies and photo captions."""
    spans = {(s.article, s.start) for s in taken if s.label == "PERSON"}
    out: list[Surface] = []
    for article in articles:
        for start, end, name, title in _names(article.body):
            if (article.id, start) not in spans:
                note = f"named with the title '{title.lower()}'"
                out.append(Surface(name, "PERSON", article.id, start, end, note))
                spans.add((article.id, start))
        for removed in article.removed:
            if removed.reason != RemovalReason.CAPTION:
                continue
            for _, _, name, title in _names(removed.text):
                note = f"named with the title '{title.lower()}' in a photo caption"
                out.append(Surface(name, "PERSON", article.id, -1, -1, note))
    return out
