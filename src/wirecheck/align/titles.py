"""Titles of office given to people, and the person a bare role ("the president") means.

A title is tied to a person by position: right before the name ("Foreign Minister
Ana Ruiz", "the minister, Ana Ruiz") or in apposition after it ("Ana Ruiz, the
foreign minister"). A bare role with an article ("warning the minister") is
resolved to the nearest person named earlier in the same sentence who has no
title there. People are matched across texts by name tokens ("Ruiz" = "Ana Ruiz").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirecheck.align.lexicon import TITLES
from wirecheck.align.text import sentences

_NAME = r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}"
_FILLER = r"(?:(?:[A-Z][\w'’.-]*|top|former|then|new|current|acting|senior)\s+){0,3}"
_TITLE = re.compile(
    r"\b(" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_AFTER = re.compile(r",?\s+(" + _NAME + r")")
_BEFORE = re.compile(r"(" + _NAME + r"),\s+(?:the\s+|a\s+)?" + _FILLER + r"$")
_ROLE = re.compile(r"\b(?:the|The)\s+" + _FILLER + r"$")
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True)
class TitleUse:
    article: str
    person: str  # the name as written next to the title (or resolved for a role)
    title: str  # title class (lexicon.TITLES)
    phrase: str  # the title words as written
    start: int  # title span in the body
    end: int
    sentence: tuple[int, int]
    how: str  # prefix | apposition | role


def _clean(name: str) -> str:
    return _POSSESSIVE.sub("", name.strip())


def _tied_person(body: str, sent: tuple[int, int], match: re.Match[str], window: int
                 ) -> tuple[str, str]:
    """(person, how) tied to a title by position, or ("", "role"/"") when none."""
    after = _AFTER.match(body, match.end(), sent[1])
    if after and not _TITLE.match(after.group(1)):
        return _clean(after.group(1)), "prefix"
    before_text = body[max(sent[0], match.start() - 2 * window) : match.start()]
    before = _BEFORE.search(before_text)
    if before:
        return _clean(before.group(1)), "apposition"
    if _ROLE.search(before_text[-window:]):
        return "", "role"
    return "", ""


def title_uses(article: str, body: str, window: int = 40
               ) -> tuple[list[TitleUse], list[TitleUse]]:
    """(titles tied to a named person, bare roles still to resolve) in one body."""
    tied: list[TitleUse] = []
    roles: list[TitleUse] = []
    for sent in sentences(body):
        for match in _TITLE.finditer(body, sent[0], sent[1]):
            person, how = _tied_person(body, sent, match, window)
            if not how:
                continue
            use = TitleUse(
                article,
                person,
                TITLES[match.group(1).lower()],
                match.group(1),
                match.start(),
                match.end(),
                sent,
                how,
            )
            (tied if person else roles).append(use)
    return tied, roles


def same_person(left: str, right: str) -> bool:
    """Name tokens of one contained in the other's ("Ruiz" / "Ana Ruiz")."""
    a, b = set(left.lower().split()), set(right.lower().split())
    return bool(a and b) and (a <= b or b <= a)


def resolve_role(
    role: TitleUse, body: str, people: list[str], tied: list[TitleUse]
) -> TitleUse | None:
    """The person a bare role refers to: nearest earlier untitled name in its sentence."""
    titled_here = [u.person for u in tied if u.sentence == role.sentence]
    best: tuple[int, str] | None = None
    for person in people:
        if any(same_person(person, t) for t in titled_here):
            continue
        for token in {person, person.split()[-1]}:
            found = body.rfind(token, role.sentence[0], role.start)
            if found >= 0 and (best is None or found > best[0]):
                best = (found, person)
    if best is None:
        return None
    return TitleUse(
        role.article, best[1], role.title, role.phrase, role.start, role.end, role.sentence, "role"
    )
